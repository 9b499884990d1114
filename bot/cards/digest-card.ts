import type { CardElement } from '@microsoft/teams.cards';
import { formatDay } from '../../src/domain';
import type { Language } from '../../src/domain';
import type { Digest } from '../../src/register';
import type { Translate } from '../i18n';
import { ActionSet } from '@microsoft/teams.cards';
import { ACTIONS_DONE_VERB } from './actions-card';
import { card, execute, finish, openUrl, text, title, withActions, type CardJson } from './common';
import type { LinkContext } from './links';
import { localizedMarked, markedIn, plain } from './text';

/** Lines per digest card; the rest is counted ("+N more"), the tab shows them all. */
export const MAX_DIGEST_LINES = 30;

/**
 * The weekly digest: for an owner "your actions", for a focus group's channel "the group's actions" with
 * their owners; each line says overdue since when or due when, and the entry it belongs to.
 */
export function digestCard(input: {
  digest: Digest;
  t: Translate;
  language: Language;
  links: LinkContext;
  groupName?: string;
  defaultLanguage: Language;
}): CardJson {
  const { digest, t, language } = input;
  const body: CardElement[] = [
    title(input.groupName ? t('digest.channelTitle', { group: plain(input.groupName, 100) }) : t('digest.title')),
    text(t('digest.intro', { count: digest.lines.length, date: formatDay(digest.today, language) }), { isSubtle: true }),
  ];
  for (const line of digest.lines.slice(0, MAX_DIGEST_LINES)) {
    const when = line.overdue ? t('digest.overdue', { date: formatDay(line.dueDate, language) }) : t('digest.due', { date: formatDay(line.dueDate, language) });
    const entry = line.entryId
      ? ` · ${t('actions.entry', { id: line.entryId, title: plain(localizedMarked(digest.entryTitles[line.entryId], language, t), 140) })}`
      : '';
    const owner = input.groupName ? ` · ${t('actions.owner', { name: plain(line.ownerName, 100) })}` : '';
    body.push(text(`**${plain(markedIn(line.title, line.language ?? input.defaultLanguage, language, t), 360)}**`, { spacing: 'Small' }));
    body.push(text(`${when}${owner}${entry}`, { size: 'Small', spacing: 'None', ...(line.overdue ? { color: 'Attention' as const } : {}) }));
    // an owner marks their own action done from here (the bot checks their role, as the API does)
    if (!input.groupName)
      body.push(
        new ActionSet(
          execute(t('actions.markDone'), { verb: ACTIONS_DONE_VERB, actionId: line.actionId, mine: true, overdue: false, page: 1, lang: language }),
        ),
      );
  }
  if (digest.lines.length > MAX_DIGEST_LINES) body.push(text(t('digest.more', { count: digest.lines.length - MAX_DIGEST_LINES }), { isSubtle: true }));
  if (digest.unreachableOwners) body.push(text(t('digest.unreachable', { count: digest.unreachableOwners }), { isSubtle: true, size: 'Small' }));
  const actionsUrl = `${input.links.publicUrl.replace(/\/$/, '')}/tab#/actions`;
  return finish(withActions(card(...body), openUrl(t('digest.open'), actionsUrl)));
}
