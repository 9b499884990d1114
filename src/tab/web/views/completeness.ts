import { type BilingualField, type BilingualLanguage, missingTexts, otherLanguage } from '../../../domain';
import type { LocalizedText, SynergyEntry } from '../../../domain';
import type { TextRef } from '../../../domain';
import type { Stored } from '../../../store';
import { ApiError } from '../api';
import type { AppContext } from '../context';
import { type Child, h, replaceChildren } from '../dom';
import { groupIssues } from '../issues';
import { button, errorBox, errorText, field, linkButton, loading, roleNeeded } from '../ui';
import { translationSettingsPanel } from './translation-settings';
import {
  confidentialToggle,
  fillSuggestions,
  marksToSave,
  type SharedEntry,
  suggestionSettings,
  type SuggestTarget,
  suggestOneButton,
  usageLine,
} from './completeness-suggest';

type Entry = Stored<SynergyEntry>;
type Side = BilingualLanguage;
interface EntryPage {
  total: number;
  items: Entry[];
}
const PAGE = 20;
const draftKey = (id: string, f: string) => `${id}\u0000${f}`;

/**
 * Bilingual completeness: the entries whose Dutch text has no French (or the reverse), one page at a time as the
 * server selects them (`missing=`), each with the existing text beside an input for the missing one. Saving one
 * entry PATCHes only its filled texts with the eTag it showed; a conflict is explained, never overwritten. A person
 * who may not edit reads the texts only.
 */
export async function renderCompleteness(ctx: AppContext, root: HTMLElement, missing: Side, page = 0): Promise<void> {
  replaceChildren(root, loading(ctx));
  await draw(ctx, root, missing, page);
  root.querySelector<HTMLElement>('#view-title')?.focus();
}

async function load(ctx: AppContext, missing: Side, page: number) {
  const slice = (p: number) => ctx.api.get<EntryPage>(`/entries?missing=${missing}&offset=${p * PAGE}&limit=${PAGE}`);
  const [lacking, all, translation] = await Promise.all([slice(page), ctx.api.get<EntryPage>('/entries?limit=1'), suggestionSettings(ctx)]);
  const last = Math.max(0, Math.ceil(lacking.total / PAGE) - 1);
  // a page past the end (the last entries of the last page were completed meanwhile): show the last one
  if (page > last) return { lacking: await slice(last), total: all.total, page: last, translation };
  return { lacking, total: all.total, page, translation };
}

/** Draws one page; after a save (`saved` says what) it keeps what was typed, and not yet saved, in the other cards. */
async function draw(ctx: AppContext, root: HTMLElement, missing: Side, page: number, saved?: string): Promise<void> {
  let data: Awaited<ReturnType<typeof load>>;
  const savedMessage = saved ? h('p', { class: 'message message-success', role: 'status', tabindex: '-1', 'data-testid': 'completeness-saved' }, saved) : null;
  try {
    data = await load(ctx, missing, page);
  } catch (error) {
    replaceChildren(root, savedMessage, errorBox(ctx, error));
    return;
  }
  const drafts = draftsIn(root);
  const t = ctx.t;
  const { lacking, total, page: current, translation } = data;
  const pages = Math.max(1, Math.ceil(lacking.total / PAGE));
  const editable = ctx.can('edit');
  const direction = h(
    'select',
    null,
    (['fr', 'nl'] as const).map((side) => h('option', { value: side, selected: side === missing }, t(`complete.missing.${side}`))),
  );
  direction.addEventListener('change', () => ctx.navigate(`#/translations?missing=${direction.value}&page=0`));
  const reload = (message: string) => draw(ctx, root, missing, current, message);
  // suggestions only where the server offers them and the person may save texts
  const targets: SuggestTarget[] | undefined = translation && editable ? [] : undefined;
  const cards = lacking.items.map((e) => entryCard(ctx, e, missing, editable ? { drafts, reload, targets } : undefined));
  const pageFeedback = h('div', { 'aria-live': 'polite', 'data-testid': 'suggest-page-feedback' });
  const suggestAll =
    targets && targets.length
      ? h(
          'div',
          { class: 'button-row' },
          button(
            ctx.t('suggest.page'),
            () =>
              void fillSuggestions(
                ctx,
                missing,
                targets.filter((t) => !t.control.value.trim()),
                pageFeedback,
              ),
            { testid: 'suggest-page' },
          ),
          pageFeedback,
        )
      : null;

  replaceChildren(
    root,
    h('div', { class: 'view-header' }, h('h2', { id: 'view-title', tabindex: '-1' }, t('complete.title'))),
    h('p', { class: 'muted' }, t('complete.explain')),
    editable ? null : roleNeeded(ctx, 'edit'),
    h('div', { class: 'filters' }, field(t('complete.show'), direction, 'missing').wrapper),
    h(
      'p',
      { class: 'summary', role: 'status', 'data-testid': 'completeness-summary' },
      ctx.plural(`complete.count.${missing}`, lacking.total),
      ' ',
      h('span', { class: 'muted' }, ctx.plural('complete.ofTotal', total)),
    ),
    translation && targets ? usageLine(ctx, translation) : null,
    translation && ctx.can('translation') ? translationSettingsPanel(ctx, translation) : null,
    savedMessage,
    suggestAll,
    lacking.items.length
      ? h('ol', { class: 'card-list completeness-list', start: current * PAGE + 1 }, cards)
      : h('p', { class: 'empty' }, t(`complete.none.${missing}`)),
    pages > 1
      ? h(
          'nav',
          { class: 'pager', 'aria-label': t('register.pages') },
          current > 0 ? linkButton(t('register.previous'), `#/translations?missing=${missing}&page=${current - 1}`) : null,
          h('span', { class: 'pager-position' }, t('register.pageOf', { page: ctx.number(current + 1), pages: ctx.number(pages) })),
          current < pages - 1 ? linkButton(t('register.next'), `#/translations?missing=${missing}&page=${current + 1}`) : null,
        )
      : null,
  );
  savedMessage?.focus();
}

/** A text typed or suggested and not yet saved; `suggested`: the machine's suggestion it started from. */
interface Draft {
  value: string;
  suggested?: string;
}

/** The texts typed and not yet saved, per entry and field. */
function draftsIn(root: HTMLElement): Map<string, Draft> {
  const drafts = new Map<string, Draft>();
  for (const control of Array.from(root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('li[data-entry-id] [data-draft]'))) {
    if (control.value.trim()) drafts.set(control.dataset.draft!, { value: control.value, suggested: control.dataset.suggested });
  }
  return drafts;
}

interface Editing {
  drafts: Map<string, Draft>;
  /** reloads the page's data after a save (a completed entry leaves the list), keeping the other cards' drafts */
  reload(saved: string): Promise<void>;
  /** present when suggestions are offered: every input of the page joins it, for "suggest all" */
  targets?: SuggestTarget[];
}

function entryCard(ctx: AppContext, entry: Entry, missing: Side, editing: Editing | undefined): HTMLElement {
  const t = ctx.t;
  const other = otherLanguage(missing);
  const feedback = h('div', { 'aria-live': 'polite' });
  const controls = new Map<BilingualField, HTMLInputElement | HTMLTextAreaElement>();
  const headingId = `complete-${entry.id}`;
  // the entry's version and confidential fields, changed by the confidential switches before a save
  const shared: SharedEntry = { id: entry.id, etag: entry.etag, confidential: new Set(entry.confidentialTexts ?? []) };
  const rows = missingTexts(entry, missing).map((f) => {
    const source = entry[f]?.[other] ?? '';
    const label = t(`complete.in.${missing}`, { field: t(`complete.field.${f}`) });
    let target: Child;
    if (editing) {
      const long = f === 'description' || f === 'qualitativeBenefit';
      const draft = editing.drafts.get(draftKey(entry.id, f));
      const attrs = { lang: missing, 'data-draft': draftKey(entry.id, f), value: draft?.value, 'data-suggested': draft?.suggested };
      const control = long
        ? h('textarea', { rows: Math.min(8, Math.max(3, Math.ceil(source.length / 60))), ...attrs })
        : h('input', { type: 'text', ...attrs });
      controls.set(f, control);
      const wrapper = field(label, control, `${f}.${missing}`).wrapper;
      if (draft?.suggested) wrapper.append(h('p', { class: 'machine-note muted', 'data-testid': 'machine-note' }, t('suggest.machine')));
      if (editing.targets) {
        const one: SuggestTarget = { entryId: entry.id, field: f, control };
        editing.targets.push(one);
        const suggest = suggestOneButton(ctx, label, () => void fillSuggestions(ctx, missing, [one], feedback));
        wrapper.append(suggest, confidentialToggle(ctx, shared, f, suggest, feedback));
      }
      target = wrapper;
    } else {
      target = h('div', { class: 'source-text' }, h('div', { class: 'source-label' }, label), h('p', { class: 'muted' }, t(`complete.missing.${missing}`)));
    }
    return h(
      'div',
      { class: 'side-by-side', 'data-text-field': f },
      h(
        'div',
        { class: 'source-text' },
        h('div', { class: 'source-label' }, t(`complete.in.${other}`, { field: t(`complete.field.${f}`) })),
        h('p', { lang: other, class: 'prewrap' }, source),
      ),
      target,
    );
  });
  const save = async (edit: Editing) => {
    const patch: Partial<Record<BilingualField, LocalizedText>> & { machineTranslated?: TextRef[] } = {};
    const filled = [...controls].filter(([, control]) => control.value.trim()).map(([f, control]) => ({ field: f, control }));
    for (const { field: f, control } of filled) patch[f] = { ...(entry[f] ?? {}), [missing]: control.value.trim() };
    if (!filled.length) {
      replaceChildren(feedback, h('p', { class: 'message message-info', role: 'status' }, t('complete.nothingTyped')));
      return;
    }
    const marks = marksToSave(entry.machineTranslated, filled, missing);
    if (marks.length || entry.machineTranslated?.length) patch.machineTranslated = marks;
    let saved: Entry;
    try {
      saved = await ctx.api.send<Entry>('PATCH', `/entries/${encodeURIComponent(entry.id)}`, patch, shared.etag);
    } catch (error) {
      const message =
        error instanceof ApiError && error.status === 400 && error.issues.length
          ? [...groupIssues(error.issues, [], ctx.lang).values()].flat().join(' ')
          : error instanceof ApiError && error.status === 409
            ? t('complete.conflict')
            : errorText(ctx, error);
      replaceChildren(feedback, h('p', { class: 'message message-error', role: 'alert' }, message));
      return;
    }
    for (const control of controls.values()) control.value = '';
    await edit.reload(t('complete.saved', { title: ctx.text(saved.title).text }));
  };
  const title = ctx.text(entry.title);
  return h(
    'li',
    { class: 'card', 'aria-labelledby': headingId, 'data-entry-id': entry.id },
    h(
      'h3',
      { id: headingId, lang: title.lang !== ctx.lang ? title.lang : undefined },
      h('a', { href: `#/entry/${encodeURIComponent(entry.id)}` }, title.text || t('common.untitled')),
    ),
    rows,
    editing
      ? h(
          'div',
          { class: 'button-row' },
          button(t('complete.save'), () => void save(editing), {
            appearance: 'accent',
            testid: 'completeness-save',
            ariaLabel: t('complete.saveOf', { title: title.text }),
          }),
        )
      : null,
    feedback,
  );
}
