import type { Translate } from '../i18n';
import { card, finish, text, title, type CardJson } from './common';
import { plain } from './text';

/** The command list; with `problem`, first says what was wrong (unknown command, bad argument). */
export function helpCard(t: Translate, problem?: string): CardJson {
  const body = [
    ...(problem ? [text(plain(problem), { color: 'Attention', weight: 'Bolder' })] : []),
    title(t('help.title')),
    text(t('help.intro')),
    text(`- ${t('help.help')}\n- ${t('help.actions')}\n- ${t('help.entry')}\n- ${t('help.poll')}\n- ${t('help.results')}`),
    text(t('help.languages'), { isSubtle: true, size: 'Small' }),
  ];
  return finish(card(...body));
}
