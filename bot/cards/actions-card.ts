import { formatDay } from '../../src/domain';
import { type ActionArray, ActionSet, type CardElement, Container } from '@microsoft/teams.cards';
import type { Action } from '../../src/domain';
import { isOverdue } from '../../src/domain';
import { ACTION_STATUSES, DOMAINS, type DomainCode, type Language, labelOf } from '../../src/domain';
import type { Stored } from '../../src/store';
import type { Translate } from '../i18n';
import { card, execute, fitPage, finish, openUrl, text, title, withActions, type CardJson } from './common';
import type { LinkContext } from './links';
import { markedIn, registerLink, plain } from './text';

export interface ActionsFilterData {
  domain?: DomainCode;
  overdue: boolean;
  mine: boolean;
}

export interface ActionsCardInput {
  actions: readonly Stored<Action>[];
  entryTitles: ReadonlyMap<string, string>;
  filter: ActionsFilterData;
  page: number;
  today: string;
  language: Language;
  t: Translate;
  links: LinkContext;
  pageSize?: number;
  /** the language of a title that does not say (the register's default) */
  defaultLanguage: Language;
  /** a line on top: what the last button did */
  notice?: { text: string; color: 'Good' | 'Attention' };
}

export const ACTIONS_PAGE_VERB = 'actions.page';
/** "Mark done" on an action of the list or of a digest (data: actionId, etag, the list's filter and page). */
export const ACTIONS_DONE_VERB = 'actions.done';

/** Open actions, one page at a time, each with a button to its entry in the tab; pages via Action.Execute. */
export function actionsCard(input: ActionsCardInput): { card: CardJson; page: number; pages: number } {
  const { t, filter, language } = input;
  const filterText = [
    filter.domain ? labelOf(DOMAINS, filter.domain, language) : null,
    filter.overdue ? t('actions.filter.overdue') : null,
    filter.mine ? t('actions.filter.mine') : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const result = fitPage(input.actions, input.page, input.pageSize ?? 10, (items, page, pages) => {
    const body: CardElement[] = [
      title(t('actions.title')),
      text(
        `${filterText ? `${plain(filterText)} · ` : ''}${input.actions.length === 1 ? t('actions.countOne') : t('actions.count', { count: input.actions.length })}`,
        {
          isSubtle: true,
        },
      ),
    ];
    if (input.notice) body.unshift(text(plain(input.notice.text, 600), { color: input.notice.color, weight: 'Bolder' }));
    if (items.length === 0) body.push(text(t('actions.none')));
    for (const a of items) {
      const overdue = isOverdue(a, input.today);
      const due = overdue
        ? `${t('actions.overdue')} (${formatDay(a.dueDate!, language)})`
        : a.dueDate
          ? t('actions.due', { date: formatDay(a.dueDate, language) })
          : a.dueLabel
            ? plain(a.dueLabel, 200)
            : t('actions.noDue');
      const line = [t('actions.owner', { name: plain(a.owner.name, 200) }), due, labelOf(ACTION_STATUSES, a.status, language)].join(' · ');
      const entryTitle = a.entryId ? input.entryTitles.get(a.entryId) : undefined;
      const items2: CardElement[] = [
        text(plain(markedIn(a.title, a.language ?? input.defaultLanguage, language, t), 560), {
          weight: 'Bolder',
          ...(overdue ? { color: 'Attention' as const } : {}),
        }),
        text(line, { size: 'Small', spacing: 'None', ...(overdue ? { color: 'Attention' as const } : {}) }),
      ];
      const buttons: ActionArray = [execute(t('actions.markDone'), { verb: ACTIONS_DONE_VERB, actionId: a.id, etag: a.etag, ...filter, page, lang: language })];
      if (a.entryId) {
        items2.push(text(t('actions.entry', { id: a.entryId, title: plain(entryTitle ?? '', 200) }), { isSubtle: true, size: 'Small' }));
        const link = registerLink(input.links, { entryId: a.entryId }, entryTitle ?? `#${a.entryId}`);
        buttons.push(openUrl(t('entry.open'), link));
      }
      items2.push(new ActionSet(...buttons));
      body.push(new Container(...items2).withSeparator(true).withSpacing('Medium'));
    }
    if (pages > 1) body.push(text(t('page.label', { page, pages }), { isSubtle: true, size: 'Small' }));
    const nav = [];
    if (page > 1) nav.push(execute(t('page.previous'), { verb: ACTIONS_PAGE_VERB, ...filter, page: page - 1, lang: language }));
    if (page < pages) nav.push(execute(t('page.next'), { verb: ACTIONS_PAGE_VERB, ...filter, page: page + 1, lang: language }));
    return finish(withActions(card(...body), ...nav));
  });
  return { card: result.card, page: result.page, pages: result.pages };
}
