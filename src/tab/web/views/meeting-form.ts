import type { Meeting, SynergyEntry } from '../../../domain';
import { MEETING_BODIES } from '../../../domain';
import type { Stored } from '../../../store';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import { recordForm } from '../record-form';
import { button, errorBox, field, linkButton, loading, roleNeeded, selectOf } from '../ui';

type Entry = Stored<SynergyEntry>;
type LocalizedInput = { nl?: string; fr?: string };

const localizedOf = (nl: string, fr: string): LocalizedInput => ({ ...(nl.trim() ? { nl: nl.trim() } : {}), ...(fr.trim() ? { fr: fr.trim() } : {}) });

/** One decision of the form: its text in both languages and the measures it concerns. */
function decisionRow(ctx: AppContext, entries: Entry[], n: number, value: Meeting['decisions'][number] | undefined, remove: () => void) {
  const nl = field(ctx.t('meetingForm.decisionNl', { n }), h('textarea', { rows: 2 }, value?.text.nl ?? ''), `decisions.${n - 1}.text`);
  const fr = field(ctx.t('meetingForm.decisionFr', { n }), h('textarea', { rows: 2 }, value?.text.fr ?? ''), `decisions.${n - 1}.text.fr`);
  const measures = h(
    'select',
    { multiple: true, size: Math.min(5, Math.max(2, entries.length)) },
    entries.map((e) => h('option', { value: e.id, selected: value?.entryIds.includes(e.id) ?? false }, ctx.text(e.title).text)),
  );
  const linked = field(ctx.t('meetingForm.decisionEntries', { n }), measures, `decisions.${n - 1}.entryIds`, ctx.t('meetingForm.entriesHint'));
  const el = h(
    'fieldset',
    { class: 'decision-row', 'data-testid': 'decision-row' },
    h('legend', null, ctx.t('meetingForm.decision', { n })),
    nl.wrapper,
    fr.wrapper,
    linked.wrapper,
    button(ctx.t('meetingForm.removeDecision', { n }), remove, { appearance: 'stealth' }),
  );
  return {
    el,
    value: () => ({ text: localizedOf(nl.control.value, fr.control.value), entryIds: Array.from(measures.selectedOptions).map((o) => o.value) }),
  };
}

/**
 * Create (no id) or edit a meeting: body, date, held or planned, title and summary in both languages, the
 * minutes link, its focus group, and its decisions, each linked to the measures it concerns.
 */
export async function renderMeetingForm(ctx: AppContext, root: HTMLElement, id?: string): Promise<void> {
  replaceChildren(root, loading(ctx));
  let meeting: Stored<Meeting> | undefined;
  let entries: Entry[];
  try {
    [meeting, { items: entries }] = await Promise.all([
      id ? ctx.api.get<Stored<Meeting>>(`/meetings/${encodeURIComponent(id)}`) : Promise.resolve(undefined),
      ctx.api.get<{ items: Entry[] }>('/entries'),
    ]);
  } catch (error) {
    replaceChildren(root, errorBox(ctx, error));
    return;
  }
  entries.sort((a, b) => ctx.text(a.title).text.localeCompare(ctx.text(b.title).text));
  const heading = h('h2', { id: 'view-title', tabindex: '-1' }, ctx.t(meeting ? 'meetingForm.edit' : 'meetingForm.new'));
  if (!ctx.can('edit')) {
    replaceChildren(root, h('div', { class: 'view-header' }, heading), roleNeeded(ctx, 'edit'), linkButton(ctx.t('form.cancel'), '#/meetings'));
    return;
  }
  const body = field(ctx.t('meetingForm.body'), selectOf(ctx, MEETING_BODIES, meeting?.body ?? 'steering_group'), 'body');
  const date = field(ctx.t('meetingForm.date'), h('input', { type: 'date', value: meeting?.date ?? '', required: true }), 'date');
  const held = h('input', { type: 'checkbox', id: 'meeting-held', checked: meeting?.held ?? true });
  const titleNl = field(ctx.t('meetingForm.titleNl'), h('input', { type: 'text', value: meeting?.title.nl ?? '' }), 'title');
  const titleFr = field(ctx.t('meetingForm.titleFr'), h('input', { type: 'text', value: meeting?.title.fr ?? '' }), 'title.fr');
  const summaryNl = field(ctx.t('meetingForm.summaryNl'), h('textarea', { rows: 4 }, meeting?.summary.nl ?? ''), 'summary');
  const summaryFr = field(ctx.t('meetingForm.summaryFr'), h('textarea', { rows: 4 }, meeting?.summary.fr ?? ''), 'summary.fr');
  const minutes = field(ctx.t('meetingForm.minutes'), h('input', { type: 'url', value: meeting?.minutesUrl ?? '', placeholder: 'https://' }), 'minutesUrl');
  const group = field(
    ctx.t('meetingForm.focusGroup'),
    h(
      'select',
      null,
      h('option', { value: '' }, ctx.t('meetingForm.noFocusGroup')),
      ctx.focusGroups.map((g) => h('option', { value: g.id, selected: g.id === meeting?.focusGroupId }, ctx.text(g.name).text)),
    ),
    'focusGroupId',
  );
  const decisionsBox = h('div', { class: 'decision-rows' });
  let rows: Array<ReturnType<typeof decisionRow>> = [];
  let values: Array<Meeting['decisions'][number] | undefined> = [...(meeting?.decisions ?? [])];
  const redraw = (focusLast = false) => {
    rows = values.map((v, i) =>
      decisionRow(ctx, entries, i + 1, v, () => {
        values = rows.map((r) => r.value()).filter((_, j) => j !== i);
        redraw();
      }),
    );
    replaceChildren(
      decisionsBox,
      rows.map((r) => r.el),
    );
    if (focusLast) rows.at(-1)?.el.querySelector('textarea')?.focus();
  };
  redraw();
  const addDecision = button(
    ctx.t('meetingForm.addDecision'),
    () => {
      values = [...rows.map((r) => r.value()), undefined];
      redraw(true);
    },
    { testid: 'add-decision' },
  );

  const form = recordForm<Stored<Meeting>>(ctx, {
    labelledBy: 'view-title',
    testid: 'meeting-form',
    body: [
      h(
        'fieldset',
        null,
        h('legend', { class: 'visually-hidden' }, heading.textContent ?? ''),
        body.wrapper,
        date.wrapper,
        h('div', { class: 'check' }, held, h('label', { for: held.id }, ctx.t('meetingForm.held'))),
        group.wrapper,
        titleNl.wrapper,
        titleFr.wrapper,
        summaryNl.wrapper,
        summaryFr.wrapper,
        minutes.wrapper,
      ),
      h('section', { 'aria-labelledby': 'decisions-title' }, h('h3', { id: 'decisions-title' }, ctx.t('meetingForm.decisions')), decisionsBox, addDecision),
    ],
    saveLabel: ctx.t(meeting ? 'meetingForm.save' : 'meetingForm.create'),
    cancelHref: '#/meetings',
    save: (key) => {
      const payload = {
        body: body.control.value,
        date: date.control.value,
        held: held.checked,
        title: localizedOf(titleNl.control.value, titleFr.control.value),
        summary: localizedOf(summaryNl.control.value, summaryFr.control.value),
        // a decision row left empty is not a decision
        decisions: rows.map((r) => r.value()).filter((d) => d.text.nl || d.text.fr || d.entryIds.length),
        ...(minutes.control.value.trim() ? { minutesUrl: minutes.control.value.trim() } : {}),
        focusGroupId: group.control.value || null,
      };
      return meeting
        ? ctx.api.send<Stored<Meeting>>('PATCH', `/meetings/${encodeURIComponent(meeting.id)}`, payload, meeting.etag)
        : ctx.api.send<Stored<Meeting>>('POST', '/meetings', payload, undefined, { idempotencyKey: key });
    },
    saved: (record) => {
      ctx.announce(ctx.t(meeting ? 'meetingForm.saved' : 'meetingForm.created', { date: ctx.date(record.date) }), 'success');
      ctx.navigate('#/meetings');
    },
    reload: () => void renderMeetingForm(ctx, root, id),
  });
  replaceChildren(root, h('div', { class: 'view-header' }, heading), form);
  heading.focus();
}
