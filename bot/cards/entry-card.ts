import { formatDay } from '../../src/domain';
import { ActionSet, type CardElement, Container, Fact, FactSet } from '@microsoft/teams.cards';
import type { Action, FocusGroup, SynergyEntry } from '../../src/domain';
import { DECISION_BODIES, DECISION_OUTCOMES, DOMAINS, FORMALISATIONS, KINDS, type Language, labelOf, STATUSES } from '../../src/domain';
import type { Stored } from '../../src/store';
import type { Translate } from '../i18n';
import { card, execute, fitPage, finish, openUrl, text, title, withActions, type CardJson } from './common';
import type { LinkContext } from './links';
import { registerLink, localized, localizedMarked, markedIn, plain } from './text';

export interface EntryCardInput {
  entry: Stored<SynergyEntry>;
  openActions: readonly Stored<Action>[];
  focusGroup?: Stored<FocusGroup>;
  language: Language;
  t: Translate;
  links: LinkContext;
  /** the language of an action title that does not say (the register's default) */
  defaultLanguage?: Language;
}

const euro = (amount: number, language: Language) =>
  new Intl.NumberFormat(language === 'en' ? 'en-IE' : `${language}-BE`, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(amount);

/** One register entry: its facts, latest decisions, open actions and a button to it in the tab. */
export function entryCard(input: EntryCardInput): CardJson {
  const { entry, t, language } = input;
  const heading = localizedMarked(entry.title, language, t);
  const facts = [
    new Fact(t('entry.status'), labelOf(STATUSES, entry.status, language)),
    new Fact(t('entry.domain'), labelOf(DOMAINS, entry.domain, language)),
    new Fact(t('entry.kind'), labelOf(KINDS, entry.kind, language)),
    new Fact(t('entry.formalisation'), labelOf(FORMALISATIONS, entry.formalisation, language)),
  ];
  if (entry.startYear !== null) facts.push(new Fact(t('entry.year'), String(entry.startYear)));
  if (entry.parties.length) facts.push(new Fact(t('entry.parties'), plain(entry.parties.join(', '), 300)));
  facts.push(
    new Fact(t('entry.benefit'), entry.financialBenefit.amountEur === null ? t('entry.benefitNone') : euro(entry.financialBenefit.amountEur, language)),
  );
  if (input.focusGroup) facts.push(new Fact(t('form.focusGroup'), plain(localized(input.focusGroup.name, language), 200)));
  const body: CardElement[] = [text(`#${entry.id}`, { isSubtle: true, size: 'Small' }), title(plain(heading, 300)), new FactSet(...facts)];
  const description = localizedMarked(entry.description, language, t);
  if (description) body.push(text(plain(description, 1200)));
  if (entry.decisions.length) {
    body.push(text(t('entry.decisions'), { weight: 'Bolder', spacing: 'Medium' }));
    for (const d of entry.decisions.slice(-3)) {
      body.push(
        text(
          `${formatDay(d.date, language)} · ${labelOf(DECISION_BODIES, d.body, language)} · ${labelOf(DECISION_OUTCOMES, d.outcome, language)}: ${plain(localizedMarked(d.text, language, t), 400)}`,
          {
            size: 'Small',
          },
        ),
      );
    }
  }
  if (input.openActions.length) {
    body.push(text(t('entry.openActions'), { weight: 'Bolder', spacing: 'Medium' }));
    for (const a of input.openActions.slice(0, 5)) {
      body.push(
        text(
          `${plain(markedIn(a.title, a.language ?? input.defaultLanguage ?? language, language, t), 240)} · ${plain(a.owner.name, 100)}${a.dueDate ? ` · ${t('actions.due', { date: formatDay(a.dueDate, language) })}` : ''}`,
          { size: 'Small' },
        ),
      );
    }
  }
  const link = registerLink(input.links, { entryId: entry.id }, heading || `#${entry.id}`);
  return finish(withActions(card(...body), openUrl(t('entry.open'), link)));
}

export const ENTRY_SHOW_VERB = 'entry.show';
export const ENTRY_PAGE_VERB = 'entry.page';

/** Several entries matched the words: a paginated list, each with "show" and "open in the register". */
export function entryListCard(input: {
  entries: readonly Stored<SynergyEntry>[];
  query: string;
  page: number;
  language: Language;
  t: Translate;
  links: LinkContext;
}): {
  card: CardJson;
  page: number;
  pages: number;
} {
  const { t, language } = input;
  const result = fitPage(input.entries, input.page, 8, (items, page, pages) => {
    const body: CardElement[] = [title(t('entry.matches', { count: input.entries.length, text: plain(input.query, 100) }))];
    for (const e of items) {
      const heading = localizedMarked(e.title, language, t);
      body.push(
        new Container(
          text(`#${e.id} · ${plain(heading, 300)}`, { weight: 'Bolder' }),
          text(`${labelOf(STATUSES, e.status, language)} · ${labelOf(DOMAINS, e.domain, language)}`, { isSubtle: true, size: 'Small', spacing: 'None' }),
          new ActionSet(
            execute(t('entry.show'), { verb: ENTRY_SHOW_VERB, entryId: e.id, lang: language }),
            openUrl(t('entry.open'), registerLink(input.links, { entryId: e.id }, heading || `#${e.id}`)),
          ),
        )
          .withSeparator(true)
          .withSpacing('Medium'),
      );
    }
    if (pages > 1) body.push(text(t('page.label', { page, pages }), { isSubtle: true, size: 'Small' }));
    const nav = [];
    if (page > 1) nav.push(execute(t('page.previous'), { verb: ENTRY_PAGE_VERB, query: input.query, page: page - 1, lang: language }));
    if (page < pages) nav.push(execute(t('page.next'), { verb: ENTRY_PAGE_VERB, query: input.query, page: page + 1, lang: language }));
    return finish(withActions(card(...body), ...nav));
  });
  return { card: result.card, page: result.page, pages: result.pages };
}
