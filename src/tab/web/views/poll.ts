import type { PollView } from '../../../register/polls';
import { ApiError } from '../api';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import { badge, button, errorBox, errorText, linkButton, loading, section } from '../ui';

/** How often an open poll's view reloads itself (the live tally, or the number of sealed ballots). */
export const LIVE_EVERY_MS = 5000;

/** A poll's times as people in Brussels read them, whatever the browser's own time zone. */
function brussels(ctx: AppContext, iso: string): string {
  return new Intl.DateTimeFormat(ctx.locale, { timeZone: 'Europe/Brussels', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

type ReminderResult = { outcome: string; members: Array<{ name: string }> };

/**
 * One poll, as the register's poll API shows it to this person: the tally (or, sealed, only the number of
 * ballots), their own ballot always, the vote form while it is open, and for its creator and the chairs
 * who has not voted, a reminder and Close; the outcome once closed; export and "run it again".
 * While the poll is open the view reloads itself, so nobody needs a Refresh button.
 */
export async function renderPoll(ctx: AppContext, root: HTMLElement, id: string, notice?: string): Promise<void> {
  const hash = location.hash;
  replaceChildren(root, loading(ctx));
  let view: PollView;
  try {
    view = await ctx.api.get<PollView>(`/polls/${encodeURIComponent(id)}`);
  } catch (error) {
    replaceChildren(root, linkButton(ctx.t('common.backToRegister'), '#/register'), errorBox(ctx, error));
    return;
  }
  const rerender = (message?: string) => void renderPoll(ctx, root, id, message);
  const feedback = h('div', { class: 'message', role: 'status', 'aria-live': 'polite', hidden: !notice }, notice ?? '');
  const say = (text: string, kind: 'success' | 'error' = 'success') => {
    feedback.hidden = false;
    feedback.className = `message message-${kind}`;
    feedback.textContent = text;
    ctx.announce(text, kind);
  };
  const act = async (work: () => Promise<string | undefined>) => {
    try {
      const message = await work();
      rerender(message);
    } catch (error) {
      say(errorText(ctx, error), 'error');
    }
  };
  replaceChildren(
    root,
    h(
      'nav',
      { class: 'breadcrumb', 'aria-label': ctx.t('common.breadcrumb') },
      view.entryId
        ? linkButton(ctx.t('pollView.back'), `#/entry/${encodeURIComponent(view.entryId)}`)
        : linkButton(ctx.t('common.backToRegister'), '#/register'),
    ),
    h('div', { class: 'view-header' }, h('h2', { id: 'view-title', tabindex: '-1', 'data-testid': 'poll-question' }, view.question)),
    header(ctx, view),
    feedback,
    ballot(ctx, view, (optionIds) =>
      act(async () => {
        await ctx.api.send('POST', `/polls/${encodeURIComponent(id)}/vote`, { optionIds });
        return ctx.t('pollView.voted');
      }),
    ),
    tally(ctx, view),
    view.canManage && ctx.can('poll') ? management(ctx, view, act) : null,
    exports(ctx, view, (message) => say(message, 'error')),
  );
  root.querySelector<HTMLElement>('#view-title')?.focus();
  if (view.phase !== 'closed') {
    const timer = setInterval(async () => {
      if (location.hash !== hash || !root.isConnected) return clearInterval(timer);
      if (root.contains(document.activeElement) && document.activeElement?.closest('form')) return; // someone is choosing
      clearInterval(timer);
      rerender(feedback.hidden ? undefined : (feedback.textContent ?? undefined));
    }, LIVE_EVERY_MS);
  }
}

function header(ctx: AppContext, view: PollView): HTMLElement {
  const phase = view.phase === 'closed' ? ctx.t('poll.closed') : view.phase === 'scheduled' ? ctx.t('pollView.scheduled') : ctx.t('poll.open');
  const facts = [
    ctx.t('pollView.by', { name: view.createdBy.name, date: ctx.dateTime(view.createdAt) }),
    view.phase === 'scheduled' && view.opensAt ? ctx.t('pollView.opens', { date: brussels(ctx, view.opensAt) }) : null,
    view.phase !== 'closed' && view.closesAt ? ctx.t('pollView.closes', { date: brussels(ctx, view.closesAt) }) : null,
    view.phase === 'closed' && view.closedAt ? ctx.t('pollView.closedAt', { date: brussels(ctx, view.closedAt) }) : null,
    view.rosterSize !== null ? ctx.t('pollView.roster', { count: ctx.number(view.rosterSize), voted: ctx.number(view.tally.ballots) }) : null,
    view.quorumRequired !== null ? ctx.t('pollView.quorum', { count: ctx.number(view.quorumRequired) }) : null,
  ].filter((f): f is string => Boolean(f));
  return h(
    'div',
    { class: 'entry-meta', 'data-testid': 'poll-meta' },
    badge(phase, view.phase === 'open' ? 'info' : 'neutral'),
    view.anonymous ? badge(ctx.t('pollView.anonymous')) : null,
    view.multipleChoice ? badge(ctx.t('pollView.multiple')) : null,
    h('p', { class: 'muted' }, facts.join(' · ')),
    // anonymous hides choices, not participation: say so before anyone votes
    view.anonymous && view.phase !== 'closed' ? h('p', { class: 'muted', 'data-testid': 'anonymous-note' }, ctx.t('pollView.anonymousNote')) : null,
  );
}

/** The person's own ballot, always; the choice form while the poll is open and they may vote. */
function ballot(ctx: AppContext, view: PollView, vote: (optionIds: string[]) => void): HTMLElement {
  const labels = (ids: string[]) =>
    view.options
      .filter((o) => ids.includes(o.id))
      .map((o) => o.label)
      .join(', ');
  const mine = h(
    'p',
    { class: 'own-ballot', 'data-testid': 'my-ballot' },
    view.myBallot ? ctx.t('pollView.yourVote', { options: labels(view.myBallot) }) : view.mayVote ? ctx.t('pollView.noVote') : ctx.t('pollView.notOnRoster'),
  );
  if (view.phase !== 'open' || !view.mayVote || !ctx.can('vote')) {
    // a sealed tally lists no options: whoever cannot vote here still reads what the question offers
    const offered = view.tally.sealed
      ? h('p', { 'data-testid': 'poll-options' }, ctx.t('pollView.optionsList', { options: view.options.map((o) => o.label).join(' · ') }))
      : null;
    return section(ctx.t('pollView.myVote'), 'sec-ballot', mine, offered);
  }
  const type = view.multipleChoice ? 'checkbox' : 'radio';
  const form = h(
    'form',
    { class: 'poll-ballot', 'data-testid': 'ballot-form' },
    h(
      'fieldset',
      null,
      h('legend', null, ctx.t('pollView.choose')),
      view.options.map((o) =>
        h('label', { class: 'choice' }, h('input', { type, name: 'choice', value: o.id, checked: Boolean(view.myBallot?.includes(o.id)) }), ' ', o.label),
      ),
    ),
    button(view.myBallot ? ctx.t('pollView.changeVote') : ctx.t('pollView.vote'), null, { appearance: 'accent', type: 'submit', testid: 'vote' }),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    vote(Array.from(form.querySelectorAll<HTMLInputElement>('input[name="choice"]:checked')).map((i) => i.value));
  });
  return section(ctx.t('pollView.myVote'), 'sec-ballot', mine, form);
}

function tally(ctx: AppContext, view: PollView): HTMLElement {
  const { tally: t } = view;
  const live = view.phase === 'open' ? h('p', { class: 'muted' }, ctx.t('pollView.live')) : null;
  if (t.sealed)
    return section(
      ctx.t('pollView.results'),
      'sec-tally',
      h('p', { 'data-testid': 'sealed' }, ctx.t('pollView.sealed', { count: ctx.number(t.ballots) })),
      live,
    );
  const pct = (n: number) => (t.ballots ? Math.round((n / t.ballots) * 100) : 0);
  return section(
    ctx.t('pollView.results'),
    'sec-tally',
    h(
      'table',
      { class: 'data-table', 'data-testid': 'tally' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, ctx.t('pollView.option')),
          h('th', { scope: 'col' }, ctx.t('pollView.votes')),
          view.anonymous ? null : h('th', { scope: 'col' }, ctx.t('pollView.voters')),
        ),
      ),
      h(
        'tbody',
        null,
        t.options.map((o) =>
          h(
            'tr',
            null,
            h('th', { scope: 'row' }, o.label),
            h('td', null, `${ctx.number(o.count)} (${pct(o.count)} %)`),
            view.anonymous ? null : h('td', null, o.voters.join(', ')),
          ),
        ),
      ),
    ),
    h('p', null, ctx.plural('pollView.ballots', t.ballots)),
    view.outcome
      ? h('p', { class: 'message message-success', 'data-testid': 'outcome' }, h('strong', null, `${ctx.t('pollView.outcome')} `), view.outcome.text[ctx.lang])
      : null,
    live,
  );
}

const REMINDER_KEYS: Record<
  string,
  'pollView.reminded' | 'pollView.remindedAlready' | 'pollView.everyoneVoted' | 'pollView.remindFailed' | 'pollView.remindNone'
> = {
  sent: 'pollView.reminded',
  already_sent: 'pollView.remindedAlready',
  busy: 'pollView.remindedAlready',
  everyone_voted: 'pollView.everyoneVoted',
  failed: 'pollView.remindFailed',
  gave_up: 'pollView.remindFailed',
};

/** For the creator and the chairs: who has not voted (names only), a reminder, Close. */
function management(ctx: AppContext, view: PollView, act: (work: () => Promise<string | undefined>) => Promise<void>): HTMLElement {
  const id = encodeURIComponent(view.id);
  const notVoted = view.notVoted ?? [];
  return section(
    ctx.t('pollView.notVoted', { count: ctx.number(notVoted.length) }),
    'sec-not-voted',
    view.rosterSize === null
      ? null
      : notVoted.length
        ? h(
            'ul',
            { class: 'not-voted', 'data-testid': 'not-voted' },
            notVoted.map((m) => h('li', null, m.name)),
          )
        : h('p', null, ctx.t('pollView.everyoneVoted')),
    h(
      'div',
      { class: 'form-actions' },
      view.phase === 'open' && view.rosterSize !== null
        ? button(
            ctx.t('pollView.remind'),
            () =>
              void act(async () => {
                const result = await ctx.api.send<ReminderResult>('POST', `/polls/${id}/reminders`);
                return ctx.t(REMINDER_KEYS[result.outcome] ?? 'pollView.remindNone', { count: ctx.number(result.members.length) });
              }),
            { testid: 'remind' },
          )
        : null,
      view.phase !== 'closed'
        ? button(
            ctx.t('pollView.close'),
            () => {
              if (!window.confirm(ctx.t('pollView.closeConfirm'))) return;
              void act(async () => {
                await ctx.api.send('POST', `/polls/${id}/close`);
                return ctx.t('pollView.closedNow');
              });
            },
            { testid: 'close-poll' },
          )
        : null,
      // run again: the poll form, filled in with this poll's question, options and settings, to edit first
      view.entryId
        ? button(ctx.t('pollView.duplicate'), () => ctx.navigate(`#/entry/${encodeURIComponent(view.entryId!)}/poll/new?from=${id}`), {
            testid: 'duplicate-poll',
          })
        : null,
    ),
  );
}

/** CSV and .xlsx, fetched with the person's sign-in and saved as a file; not while the results are sealed. */
function exports(ctx: AppContext, view: PollView, fail: (message: string) => void): HTMLElement {
  if (view.phase === 'scheduled') return section(ctx.t('pollView.export'), 'sec-export', h('p', { class: 'muted' }, ctx.t('pollView.exportScheduled')));
  if (view.tally.sealed) return section(ctx.t('pollView.export'), 'sec-export', h('p', { class: 'muted' }, ctx.t('pollView.exportSealed')));
  const download = (format: 'csv' | 'xlsx') => async () => {
    try {
      const blob = await ctx.api.download(`/polls/${encodeURIComponent(view.id)}/export.${format}?lang=${ctx.lang}`);
      const url = URL.createObjectURL(blob);
      const a = h('a', { href: url, download: `poll-${view.id}.${format}`, hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      fail(error instanceof ApiError ? errorText(ctx, error) : String(error));
    }
  };
  return section(
    ctx.t('pollView.export'),
    'sec-export',
    h(
      'div',
      { class: 'form-actions' },
      button(ctx.t('pollView.exportCsv'), () => void download('csv')(), { testid: 'export-csv' }),
      button(ctx.t('pollView.exportXlsx'), () => void download('xlsx')(), { testid: 'export-xlsx' }),
    ),
  );
}
