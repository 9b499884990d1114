import type { Action, HistoryEvent, SynergyEntry } from '../../../domain';
import { ADMINISTRATIONS, DECISION_BODIES, DECISION_OUTCOMES, DOMAINS, FORMALISATIONS, FORMS, KINDS, SCOPES, STATUSES } from '../../../domain';
import type { Stored } from '../../../store';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import { badge, definition, errorBox, linkButton, loading, localized, section } from '../ui';
import { actionsTable } from './actions';
import { entryToolbar } from './entry-toolbar';
import { annexFacts, annexSections } from './entry-annex';
import { realChanges } from './versions';
import { fieldLabel } from '../../../i18n';

/** The store's own bookkeeping, never a change a reader made. */
const BOOKKEEPING = new Set(['id', 'etag', 'updatedAt']);

/** What the poll API says of a linked poll (see src/register/polls/view.ts). */
interface PollSummary {
  id: string;
  question: string;
  phase: 'scheduled' | 'open' | 'closed';
  tally: { ballots: number; sealed: boolean; options: Array<{ optionId: string; label: string; count: number }> };
}

/** One entry: its fields, actions (mark done), decisions, linked polls and change history. */
export async function renderDetail(ctx: AppContext, root: HTMLElement, id: string): Promise<void> {
  replaceChildren(root, loading(ctx));
  const enc = encodeURIComponent(id);
  let entry: Stored<SynergyEntry>;
  let actions: Stored<Action>[];
  let history: Stored<HistoryEvent>[];
  let polls: PollSummary[];
  try {
    [entry, { items: actions }, { items: history }, { items: polls }] = await Promise.all([
      ctx.api.get<Stored<SynergyEntry>>(`/entries/${enc}`),
      ctx.api.get<{ items: Stored<Action>[] }>(`/entries/${enc}/actions`),
      ctx.api.get<{ items: Stored<HistoryEvent>[] }>(`/entries/${enc}/history`),
      ctx.api.get<{ items: PollSummary[] }>(`/polls?entryId=${enc}`),
    ]);
  } catch (error) {
    replaceChildren(root, linkButton(ctx.t('common.backToRegister'), '#/register'), errorBox(ctx, error));
    return;
  }
  const focusGroup = entry.focusGroupId ? ctx.focusGroups.find((g) => g.id === entry.focusGroupId) : undefined;
  const fb = entry.financialBenefit;
  const description = ctx.text(entry.description);
  const qualitative = ctx.text(entry.qualitativeBenefit);

  replaceChildren(
    root,
    h('nav', { class: 'breadcrumb', 'aria-label': ctx.t('common.breadcrumb') }, linkButton(ctx.t('common.backToRegister'), '#/register')),
    h(
      'div',
      { class: 'view-header' },
      localized(ctx, entry.title, 'h2', { id: 'view-title', tabindex: '-1', 'data-testid': 'entry-title' }),
      entryToolbar(ctx, entry),
    ),
    h('div', { class: 'entry-meta' }, badge(ctx.label(STATUSES, entry.status)), badge(ctx.label(DOMAINS, entry.domain), 'info')),
    h(
      'dl',
      { class: 'details' },
      definition(ctx.t('entry.domain'), ctx.label(DOMAINS, entry.domain)),
      definition(ctx.t('entry.scope'), ctx.label(SCOPES, entry.scope)),
      definition(ctx.t('entry.status'), ctx.label(STATUSES, entry.status)),
      definition(ctx.t('entry.startYear'), entry.startYear ? String(entry.startYear) : ctx.t('common.unknown')),
      definition(ctx.t('entry.parties'), entry.parties.length ? entry.parties.join(', ') : '—'),
      definition(ctx.t('entry.kind'), ctx.label(KINDS, entry.kind)),
      definition(ctx.t('entry.formalisation'), ctx.label(FORMALISATIONS, entry.formalisation), entry.form ? ` — ${ctx.label(FORMS, entry.form)}` : ''),
      definition(
        ctx.t('entry.financialBenefit'),
        fb.amountEur === null
          ? ctx.t('entry.notQuantified')
          : h('span', { 'data-testid': 'amount' }, ctx.euro(fb.amountEur), ' ', `(${ctx.t(fb.confidence === 'actual' ? 'entry.actual' : 'entry.estimate')})`),
        fb.basis ? h('div', { class: 'muted' }, fb.basis) : null,
      ),
      definition(
        ctx.t('entry.qualitativeBenefit'),
        qualitative.text ? h('span', { lang: qualitative.lang !== ctx.lang ? qualitative.lang : undefined }, qualitative.text) : '—',
      ),
      definition(ctx.t('entry.focusGroup'), focusGroup ? h('a', { href: '#/focus-groups' }, ctx.text(focusGroup.name).text) : '—'),
      definition(ctx.t('entry.updatedAt'), ctx.dateTime(entry.updatedAt)),
      entry.source ? definition(ctx.t('entry.source'), entry.source) : null,
      annexFacts(ctx, entry),
    ),
    description.text
      ? section(
          ctx.t('entry.description'),
          'sec-description',
          h('p', { class: 'prewrap', lang: description.lang !== ctx.lang ? description.lang : undefined }, description.text),
        )
      : null,
    annexSections(ctx, entry),
    entry.contacts.length
      ? section(
          ctx.t('entry.contacts'),
          'sec-contacts',
          h(
            'ul',
            null,
            entry.contacts.map((c) =>
              h(
                'li',
                null,
                c.name,
                ` — ${ctx.label(ADMINISTRATIONS, c.administration)}`,
                c.function ? `, ${c.function}` : '',
                c.email ? h('span', null, ' · ', h('a', { href: `mailto:${c.email}` }, c.email)) : null,
              ),
            ),
          ),
        )
      : null,
    section(
      ctx.t('entry.actions'),
      'sec-actions',
      actions.length ? actionsTable(ctx, actions, () => void renderDetail(ctx, root, id)) : h('p', { class: 'empty' }, ctx.t('actions.none')),
      ctx.can('edit') ? linkButton(ctx.t('actionForm.addTo'), `#/actions/new?entry=${enc}`, { 'data-testid': 'add-action' }) : null,
    ),
    section(
      ctx.t('entry.decisions'),
      'sec-decisions',
      entry.decisions.length
        ? h(
            'ul',
            { class: 'decision-list' },
            entry.decisions.map((d) =>
              h(
                'li',
                null,
                h('strong', null, `${ctx.label(DECISION_BODIES, d.body)} — ${ctx.date(d.date)}`),
                ' ',
                badge(ctx.label(DECISION_OUTCOMES, d.outcome)),
                localized(ctx, d.text, 'p'),
                d.minutesUrl ? h('a', { href: d.minutesUrl, target: '_blank', rel: 'noopener noreferrer' }, ctx.t('entry.minutes')) : null,
              ),
            ),
          )
        : h('p', { class: 'empty' }, ctx.t('entry.noDecisions')),
    ),
    section(
      ctx.t('entry.polls'),
      'sec-polls',
      polls.length
        ? h(
            'ul',
            { class: 'poll-list' },
            polls.map((p) =>
              h(
                'li',
                null,
                h('a', { href: `#/poll/${encodeURIComponent(p.id)}` }, h('strong', null, p.question)),
                ' ',
                badge(ctx.t(p.phase === 'closed' ? 'poll.closed' : 'poll.open')),
                ' ',
                h('span', { class: 'muted' }, ctx.plural('poll.voters', p.tally.ballots)),
                p.tally.sealed
                  ? null
                  : h(
                      'ul',
                      null,
                      p.tally.options.map((o) => h('li', null, `${o.label}: ${ctx.number(o.count)}`)),
                    ),
              ),
            ),
          )
        : h('p', { class: 'empty' }, ctx.t('entry.noPolls')),
      ctx.can('poll') ? linkButton(ctx.t('pollView.new'), `#/entry/${enc}/poll/new`, { 'data-testid': 'new-poll' }) : null,
    ),
    section(
      ctx.t('entry.history'),
      'sec-history',
      history.length
        ? h(
            'ol',
            { class: 'history-list', 'data-testid': 'history' },
            [...history]
              .reverse()
              .map((ev) => ({ ev, changes: realChanges(ev.changes).filter((c) => !BOOKKEEPING.has(c.field)) }))
              // an edit that changed nothing a reader can see is not history
              .filter(({ ev, changes }) => !(ev.kind === 'updated' && changes.length === 0 && !ev.note))
              .map(({ ev, changes }) =>
                h(
                  'li',
                  null,
                  h('strong', null, ctx.t(ev.restoredAs ? 'history.restoredAs' : (`history.${ev.kind}` as Parameters<AppContext['t']>[0]))),
                  ` — ${ctx.dateTime(ev.at)} — ${ev.by.name}`,
                  changes.length
                    ? h('div', { class: 'muted' }, ctx.t('history.fields', { fields: changes.map((c) => fieldLabel(ctx.lang, c.field)).join(', ') }))
                    : null,
                  ev.note ? h('div', { class: 'muted' }, noteText(ctx, ev.note)) : null,
                ),
              ),
          )
        : h('p', { class: 'empty' }, ctx.t('entry.noHistory')),
    ),
  );
  root.querySelector<HTMLElement>('#view-title')?.focus();
}

/** The register's own notes in the reader's language ("Report year 2026 closed" is what the roll-over writes). */
function noteText(ctx: AppContext, note: string): string {
  const closed = /^Report year (\d{4}) closed$/.exec(note);
  return closed ? ctx.t('history.yearClosed', { year: closed[1] }) : note;
}
