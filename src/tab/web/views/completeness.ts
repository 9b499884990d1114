import type { LocalizedText, SynergyEntry } from '../../../domain/model';
import type { Stored } from '../../../store/store';
import { ApiError } from '../api';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import { groupIssues } from '../issues';
import { button, errorBox, errorText, field, linkButton, loading } from '../ui';

type Entry = Stored<SynergyEntry>;
type Side = 'nl' | 'fr';
/** The texts of an entry the annex prints, in the order a clerk reads them. */
export const BILINGUAL_FIELDS = ['title', 'subheading', 'department', 'description', 'qualitativeBenefit'] as const;
type TextField = (typeof BILINGUAL_FIELDS)[number];

const PAGE = 20;

/** The fields of an entry that have text in the other language but none in `missing`. Pure: unit-tested. */
export function missingTexts(entry: Partial<Record<TextField, LocalizedText | undefined>>, missing: Side): TextField[] {
  const other: Side = missing === 'fr' ? 'nl' : 'fr';
  return BILINGUAL_FIELDS.filter((f) => Boolean(entry[f]?.[other]?.trim()) && !entry[f]?.[missing]?.trim());
}

/**
 * Bilingual completeness: the entries whose Dutch text has no French (or the reverse), each with the
 * existing text beside an input for the missing one. Saving one entry PATCHes only its filled texts with
 * the eTag it showed; a conflict is explained, never overwritten.
 */
export async function renderCompleteness(ctx: AppContext, root: HTMLElement, missing: Side, page = 0): Promise<void> {
  replaceChildren(root, loading(ctx));
  let entries: Entry[];
  try {
    entries = (await ctx.api.get<{ items: Entry[] }>('/entries?limit=10000')).items;
  } catch (error) {
    replaceChildren(root, errorBox(ctx, error));
    return;
  }
  const t = ctx.t;
  const lacking = entries.map((e) => ({ entry: e, fields: missingTexts(e, missing) })).filter((x) => x.fields.length);
  const pages = Math.max(1, Math.ceil(lacking.length / PAGE));
  const current = Math.min(page, pages - 1);
  const go = (side: Side, p: number) => ctx.navigate(`#/translations?missing=${side}&page=${p}`);
  const direction = h('select', null, (['fr', 'nl'] as const).map((side) => h('option', { value: side, selected: side === missing }, t(`complete.missing.${side}`))));
  direction.addEventListener('change', () => go(direction.value as Side, 0));

  replaceChildren(
    root,
    h('div', { class: 'view-header' }, h('h2', { id: 'view-title', tabindex: '-1' }, t('complete.title'))),
    h('p', { class: 'muted' }, t('complete.explain')),
    h('div', { class: 'filters' }, field(t('complete.show'), direction, 'missing').wrapper),
    h('p', { class: 'summary', role: 'status', 'data-testid': 'completeness-summary' }, ctx.plural(`complete.count.${missing}`, lacking.length), ' ', h('span', { class: 'muted' }, ctx.plural('complete.ofTotal', entries.length))),
    lacking.length
      ? h('ol', { class: 'card-list completeness-list', start: current * PAGE + 1 }, lacking.slice(current * PAGE, (current + 1) * PAGE).map((x) => entryCard(ctx, x.entry, x.fields, missing)))
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
  root.querySelector<HTMLElement>('#view-title')?.focus();
}

function entryCard(ctx: AppContext, entry: Entry, fields: TextField[], missing: Side): HTMLElement {
  const t = ctx.t;
  const other: Side = missing === 'fr' ? 'nl' : 'fr';
  let etag = entry.etag;
  const feedback = h('div', { 'aria-live': 'polite' });
  const controls = new Map<TextField, HTMLInputElement | HTMLTextAreaElement>();
  const headingId = `complete-${entry.id}`;
  const rows = fields.map((f) => {
    const source = entry[f]?.[other] ?? '';
    const long = f === 'description' || f === 'qualitativeBenefit';
    const control = long ? h('textarea', { rows: Math.min(8, Math.max(3, Math.ceil(source.length / 60))), lang: missing }) : h('input', { type: 'text', lang: missing });
    controls.set(f, control);
    return h(
      'div',
      { class: 'side-by-side', 'data-text-field': f },
      h('div', { class: 'source-text' }, h('div', { class: 'source-label' }, t(`complete.in.${other}`, { field: t(`complete.field.${f}`) })), h('p', { lang: other, class: 'prewrap' }, source)),
      field(t(`complete.in.${missing}`, { field: t(`complete.field.${f}`) }), control, `${f}.${missing}`).wrapper,
    );
  });
  const save = async () => {
    const patch: Partial<Record<TextField, LocalizedText>> = {};
    for (const [f, control] of controls) {
      if (control.value.trim()) patch[f] = { ...(entry[f] ?? {}), [missing]: control.value.trim() };
    }
    if (!Object.keys(patch).length) {
      replaceChildren(feedback, h('p', { class: 'message message-info', role: 'status' }, t('complete.nothingTyped')));
      return;
    }
    try {
      const saved = await ctx.api.send<Entry>('PATCH', `/entries/${encodeURIComponent(entry.id)}`, patch, etag);
      etag = saved.etag;
      Object.assign(entry, saved);
      replaceChildren(feedback, h('p', { class: 'message message-success', role: 'status', 'data-testid': 'completeness-saved' }, t('complete.saved', { title: ctx.text(saved.title).text })));
    } catch (error) {
      const message = error instanceof ApiError && error.status === 400 && error.issues.length
        ? [...groupIssues(error.issues, [], ctx.lang).values()].flat().join(' ')
        : error instanceof ApiError && error.status === 409
          ? t('complete.conflict')
          : errorText(ctx, error);
      replaceChildren(feedback, h('p', { class: 'message message-error', role: 'alert' }, message));
    }
  };
  const title = ctx.text(entry.title);
  return h(
    'li',
    { class: 'card', 'aria-labelledby': headingId, 'data-entry-id': entry.id },
    h('h3', { id: headingId, lang: title.lang !== ctx.lang ? title.lang : undefined }, h('a', { href: `#/entry/${encodeURIComponent(entry.id)}` }, title.text || t('common.untitled'))),
    rows,
    ctx.can('edit') ? h('div', { class: 'button-row' }, button(t('complete.save'), () => void save(), { appearance: 'accent', testid: 'completeness-save', ariaLabel: t('complete.saveOf', { title: title.text }) })) : null,
    feedback,
  );
}
