import type { SynergyEntry } from '../../../domain';
import type { PollView } from '../../../register/polls';
import type { Stored } from '../../../store';
import { ApiError, newIdempotencyKey } from '../api';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import { type FieldIssue, groupIssues } from '../issues';
import { button, errorBox, errorText, field, linkButton, loading, roleNeeded, type Field } from '../ui';
import { MAX_POLL_QUESTION } from '../../../domain';

/**
 * A new poll about an entry, with the chair's settings (several choices, anonymous, sealed, who may vote,
 * quorum, whether the outcome becomes a decision on the entry, opening and closing time in Brussels time, a
 * daily reminder). The register validates; its reasons show next to the fields. Posted to the focus group's
 * channel when the bot knows it. `from`: an earlier poll run again — the form starts filled in with its
 * question, options and settings (not its dates), to edit before starting.
 */
export async function renderPollForm(ctx: AppContext, root: HTMLElement, entryId: string, from?: string): Promise<void> {
  if (!ctx.can('poll')) return replaceChildren(root, linkButton(ctx.t('common.backToRegister'), '#/register'), roleNeeded(ctx, 'poll'));
  replaceChildren(root, loading(ctx));
  let entry: Stored<SynergyEntry>;
  let earlier: PollView | undefined;
  try {
    entry = await ctx.api.get<Stored<SynergyEntry>>(`/entries/${encodeURIComponent(entryId)}`);
    if (from) earlier = await ctx.api.get<PollView>(`/polls/${encodeURIComponent(from)}`);
  } catch (error) {
    replaceChildren(root, linkButton(ctx.t('common.backToRegister'), '#/register'), errorBox(ctx, error));
    return;
  }
  const back = `#/entry/${encodeURIComponent(entry.id)}`;
  const input = (type: string, attrs: Record<string, string | boolean> = {}) => h('input', { type, ...attrs });
  const check = (name: string, label: string) => h('label', { class: 'choice' }, h('input', { type: 'checkbox', name }), ' ', label);
  const groupId = earlier?.focusGroupId ?? entry.focusGroupId;
  const groups = ctx.focusGroups.map((g) => h('option', { value: g.id, selected: g.id === groupId }, ctx.text(g.name).text));
  const fields: Record<string, Field> = {
    question: field(ctx.t('pollView.question'), input('text', { maxlength: String(MAX_POLL_QUESTION), required: true }), 'question'),
    options: field(ctx.t('pollView.options'), h('textarea', { rows: 4, required: true }), 'options'),
    focusGroupId: field(ctx.t('pollView.focusGroup'), h('select', null, groups), 'focusGroupId'),
    roster: field(
      ctx.t('pollView.rosterChoice'),
      h(
        'select',
        null,
        h('option', { value: '' }, ctx.t('pollView.rosterAnyone')),
        h('option', { value: 'focusGroup' }, ctx.t('pollView.rosterGroup')),
        h('option', { value: 'channel' }, ctx.t('pollView.rosterChannel')),
      ),
      'roster',
    ),
    quorum: field(ctx.t('pollView.quorumField'), input('text', { maxlength: '6', inputmode: 'numeric' }), 'quorum'),
    recordDecision: field(
      ctx.t('pollView.decisionChoice'),
      h(
        'select',
        null,
        h('option', { value: '' }, ctx.t('pollView.decisionAuto')),
        h('option', { value: 'yes' }, ctx.t('pollView.decisionYes')),
        h('option', { value: 'no' }, ctx.t('pollView.decisionNo')),
      ),
      'recordDecision',
    ),
    opensAt: field(ctx.t('pollView.opensField'), input('datetime-local'), 'opensAt'),
    closesAt: field(ctx.t('pollView.closesField'), input('datetime-local'), 'closesAt'),
    reminderTime: field(ctx.t('pollView.reminderField'), input('time'), 'reminderTime'),
  };
  const flags = {
    multipleChoice: check('multipleChoice', ctx.t('pollView.multipleChoice')),
    anonymous: check('anonymous', ctx.t('pollView.anonymousChoice')),
    sealed: check('sealed', ctx.t('pollView.sealedChoice')),
  };
  if (earlier) fillFrom(earlier, fields, flags);
  const feedback = h('div', { class: 'message message-error', role: 'alert', hidden: true });
  const submit = button(ctx.t('pollView.create'), null, { appearance: 'accent', type: 'submit', testid: 'create-poll' });
  const form = h(
    'form',
    { class: 'entry-form', novalidate: true, 'data-testid': 'poll-form' },
    Object.values(fields)
      .slice(0, 3)
      .map((f) => f.wrapper),
    Object.values(flags),
    Object.values(fields)
      .slice(3)
      .map((f) => f.wrapper),
    feedback,
    h('div', { class: 'form-actions' }, submit, linkButton(ctx.t('pollView.back'), back)),
  );

  const value = (name: string) => fields[name].control.value.trim();
  const checked = (label: HTMLElement) => Boolean(label.querySelector<HTMLInputElement>('input')?.checked);
  /** The register's reasons next to their fields, in the page's language; the rest above the buttons. */
  const showIssues = (issues: readonly FieldIssue[]) => {
    const grouped = groupIssues(issues, Object.keys(fields), ctx.lang);
    for (const [name, f] of Object.entries(fields)) f.errors.replaceChildren(...(grouped.get(name) ?? []).map((text) => h('div', null, text)));
    const loose = grouped.get('') ?? [];
    feedback.hidden = loose.length === 0;
    feedback.textContent = loose.join('; ');
  };
  const problem = (text: string) => {
    feedback.hidden = false;
    feedback.textContent = text;
  };

  // One key per form on screen: saving again after a lost answer gives back the poll created the first time.
  const submission = newIdempotencyKey();
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const quorum = /^(\d{1,5})\s*(%?)$/.exec(value('quorum'));
    if (value('quorum') && !quorum) {
      fields.quorum.errors.replaceChildren(h('div', null, ctx.t('pollView.badQuorum')));
      return;
    }
    const body = {
      focusGroupId: value('focusGroupId'),
      entryId: entry.id,
      question: value('question'),
      options: value('options')
        .split(/\r?\n/)
        .map((o) => o.trim())
        .filter(Boolean),
      multipleChoice: checked(flags.multipleChoice),
      anonymous: checked(flags.anonymous),
      sealed: checked(flags.sealed),
      roster: value('roster') || null,
      quorum: quorum ? (quorum[2] ? { percent: Number(quorum[1]) } : { ballots: Number(quorum[1]) }) : null,
      // Wall-clock time as typed; the register reads it as Brussels time.
      opensAt: value('opensAt') || null,
      closesAt: value('closesAt') || null,
      reminderTime: value('reminderTime') || null,
      ...(value('recordDecision') ? { recordDecision: value('recordDecision') === 'yes' } : {}),
      language: ctx.lang,
    };
    submit.setAttribute('disabled', '');
    try {
      const poll = await ctx.api.send<{ id: string }>('POST', '/polls', body, undefined, { idempotencyKey: submission });
      ctx.navigate(`#/poll/${encodeURIComponent(poll.id)}`);
    } catch (error) {
      if (error instanceof ApiError && error.issues.length) showIssues(error.issues);
      else problem(errorText(ctx, error));
    } finally {
      submit.removeAttribute('disabled');
    }
  });

  replaceChildren(
    root,
    h('nav', { class: 'breadcrumb', 'aria-label': ctx.t('common.breadcrumb') }, linkButton(ctx.t('pollView.back'), back)),
    h('h2', { id: 'view-title', tabindex: '-1' }, earlier ? ctx.t('pollView.againTitle') : ctx.t('pollView.newTitle')),
    h('p', { class: 'muted' }, ctx.text(entry.title).text),
    form,
  );
  root.querySelector<HTMLElement>('#view-title')?.focus();
}

/** An earlier poll's question, options and settings into the form (its dates are for the new poll to choose). */
function fillFrom(poll: PollView, fields: Record<string, Field>, flags: Record<'multipleChoice' | 'anonymous' | 'sealed', HTMLElement>): void {
  fields.question.control.value = poll.question;
  fields.options.control.value = poll.options.map((o) => o.label).join('\n');
  fields.roster.control.value = poll.rosterSize !== null ? 'focusGroup' : '';
  fields.quorum.control.value = poll.quorum ? (poll.quorum.percent !== undefined ? `${poll.quorum.percent}%` : String(poll.quorum.ballots)) : '';
  fields.reminderTime.control.value = poll.reminderTime ?? '';
  fields.recordDecision.control.value = poll.recordDecision === undefined ? '' : poll.recordDecision ? 'yes' : 'no';
  for (const name of ['multipleChoice', 'anonymous', 'sealed'] as const) {
    const box = flags[name].querySelector<HTMLInputElement>('input');
    if (box) box.checked = poll[name];
  }
}
