import type { Translate } from '../i18n';
import { card, finish, text, title, type CardJson } from './common';
import { plain } from './text';

/** The command list (one line per command, from the commands themselves); with `problem`, first says what was wrong. */
export function helpCard(t: Translate, lines: readonly string[], problem?: string): CardJson {
  const body = [
    ...(problem ? [text(plain(problem), { color: 'Attention', weight: 'Bolder' })] : []),
    title(t('help.title')),
    text(t('help.intro')),
    text(lines.map((l) => `- ${l}`).join('\n')),
    text(t('help.languages'), { isSubtle: true, size: 'Small' }),
  ];
  return finish(card(...body));
}
