import type { LocalizedText, SynergyEntry } from '../../../domain/model';
import { DOMAINS, FORMALISATIONS, KINDS, STATUSES } from '../../../domain/vocabulary';
import type { Stored } from '../../../store/store';
import { ApiError, newIdempotencyKey } from '../api';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import { type FieldIssue, groupIssues } from '../issues';
import { button, errorBox, type Field, field, linkButton, loading, roleNeeded, selectOf } from '../ui';

/** The values the form edits; everything else of an entry is kept as stored (PATCH merges). */
export interface FormValues {
  titleNl: string;
  titleFr: string;
  descriptionNl: string;
  descriptionFr: string;
  domain: string;
  status: string;
  startYear: string;
  parties: string;
  kind: string;
  formalisation: string;
  amountEur: string;
  confidence: string;
  qualitativeNl: string;
  qualitativeFr: string;
  focusGroupId: string;
}

function valuesOf(entry: Partial<SynergyEntry> | undefined): FormValues {
  return {
    titleNl: entry?.title?.nl ?? '',
    titleFr: entry?.title?.fr ?? '',
    descriptionNl: entry?.description?.nl ?? '',
    descriptionFr: entry?.description?.fr ?? '',
    domain: entry?.domain ?? '',
    status: entry?.status ?? 'proposed',
    startYear: entry?.startYear ? String(entry.startYear) : '',
    parties: (entry?.parties ?? []).join('\n'),
    kind: entry?.kind ?? 'synergy',
    formalisation: entry?.formalisation ?? 'informal_exchange',
    amountEur: entry?.financialBenefit?.amountEur != null ? String(entry.financialBenefit.amountEur) : '',
    confidence: entry?.financialBenefit?.confidence ?? 'not_quantified',
    qualitativeNl: entry?.qualitativeBenefit?.nl ?? '',
    qualitativeFr: entry?.qualitativeBenefit?.fr ?? '',
    focusGroupId: entry?.focusGroupId ?? '',
  };
}

function localizedOf(base: LocalizedText | undefined, nl: string, fr: string): LocalizedText {
  const out: LocalizedText = { ...(base ?? {}) };
  if (nl.trim()) out.nl = nl.trim();
  else delete out.nl;
  if (fr.trim()) out.fr = fr.trim();
  else delete out.fr;
  return out;
}

function numberOrRaw(s: string): number | null | string {
  const t = s.trim().replace(/\s/g, '').replace(',', '.');
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : s;
}

/** The JSON body: what the person typed, as the API's fields; the server validates (400 issues). */
export function bodyOf(v: FormValues, base?: Partial<SynergyEntry>): Record<string, unknown> {
  const amount = numberOrRaw(v.amountEur);
  return {
    title: localizedOf(base?.title, v.titleNl, v.titleFr),
    description: localizedOf(base?.description, v.descriptionNl, v.descriptionFr),
    domain: v.domain || undefined,
    status: v.status,
    startYear: numberOrRaw(v.startYear),
    parties: v.parties.split('\n').map((p) => p.trim()).filter(Boolean),
    kind: v.kind,
    formalisation: v.formalisation,
    financialBenefit: { ...(base?.financialBenefit ?? {}), amountEur: amount, confidence: v.confidence },
    qualitativeBenefit: localizedOf(base?.qualitativeBenefit, v.qualitativeNl, v.qualitativeFr),
    focusGroupId: v.focusGroupId || null,
  };
}

const CONFIDENCES = ['not_quantified', 'estimate', 'actual'] as const;

/**
 * Create (no id) or edit (id) an entry. Server 400 issues are shown next to their controls; an edit
 * sends If-Match with the eTag it loaded, and a 409 shows the other version with the choice to load it
 * or to re-apply one's own changes on top of it. Nothing is ever overwritten silently.
 */
export async function renderForm(ctx: AppContext, root: HTMLElement, id?: string): Promise<void> {
  if (!ctx.can('edit')) return replaceChildren(root, linkButton(ctx.t('common.backToRegister'), '#/register'), roleNeeded(ctx, 'edit'));
  replaceChildren(root, loading(ctx));
  let entry: Stored<SynergyEntry> | undefined;
  if (id) {
    try {
      entry = await ctx.api.get<Stored<SynergyEntry>>(`/entries/${encodeURIComponent(id)}`);
    } catch (error) {
      replaceChildren(root, linkButton(ctx.t('common.backToRegister'), '#/register'), errorBox(ctx, error));
      return;
    }
  }
  const preset: Partial<SynergyEntry> | undefined = entry ?? (ctx.boundFocusGroupId ? { focusGroupId: ctx.boundFocusGroupId } : undefined);
  buildForm(ctx, root, entry, valuesOf(preset));
}

function buildForm(ctx: AppContext, root: HTMLElement, entry: Stored<SynergyEntry> | undefined, values: FormValues): void {
  let etag = entry?.etag;
  // one key for this form's create: sent again after a lost answer, it returns the entry created the first time
  const submission = newIdempotencyKey();
  let base: Stored<SynergyEntry> | undefined = entry;
  const t = ctx.t;
  const text = (v: string, multiline = false) => (multiline ? h('textarea', { rows: 3, value: v }) : h('input', { type: 'text', value: v }));
  const fields: Record<keyof FormValues, Field> = {
    titleNl: field(t('form.titleNl'), text(values.titleNl), 'title.nl'),
    titleFr: field(t('form.titleFr'), text(values.titleFr), 'title.fr'),
    descriptionNl: field(t('form.descriptionNl'), text(values.descriptionNl, true), 'description.nl'),
    descriptionFr: field(t('form.descriptionFr'), text(values.descriptionFr, true), 'description.fr'),
    domain: field(t('entry.domain'), selectOf(ctx, DOMAINS, values.domain, { empty: t('form.choose') }), 'domain'),
    status: field(t('entry.status'), selectOf(ctx, STATUSES, values.status), 'status'),
    startYear: field(t('entry.startYear'), h('input', { type: 'text', inputmode: 'numeric', value: values.startYear }), 'startYear'),
    parties: field(t('entry.parties'), text(values.parties, true), 'parties', t('form.partiesHint')),
    kind: field(t('entry.kind'), selectOf(ctx, KINDS, values.kind), 'kind'),
    formalisation: field(t('entry.formalisation'), selectOf(ctx, FORMALISATIONS, values.formalisation), 'formalisation'),
    amountEur: field(t('form.amountEur'), h('input', { type: 'text', inputmode: 'decimal', value: values.amountEur }), 'financialBenefit.amountEur', t('form.amountHint')),
    confidence: field(
      t('form.confidence'),
      h('select', null, CONFIDENCES.map((c) => h('option', { value: c, selected: c === values.confidence }, t(`form.confidence.${c}`)))),
      'financialBenefit.confidence',
    ),
    qualitativeNl: field(t('form.qualitativeNl'), text(values.qualitativeNl, true), 'qualitativeBenefit.nl'),
    qualitativeFr: field(t('form.qualitativeFr'), text(values.qualitativeFr, true), 'qualitativeBenefit.fr'),
    focusGroupId: field(
      t('entry.focusGroup'),
      h('select', null, h('option', { value: '' }, t('form.noFocusGroup')), ctx.focusGroups.map((g) => h('option', { value: g.id, selected: g.id === values.focusGroupId }, ctx.text(g.name).text))),
      'focusGroupId',
    ),
  };
  /** Group fields whose issues have no single control (e.g. "title" needs one of the languages). */
  const groups: Record<string, HTMLElement> = {};
  const groupErrors = (name: string) => {
    const el = h('div', { class: 'field-errors', id: `group-${name.replace(/\W/g, '-')}-errors`, 'data-errors-for': name });
    groups[name] = el;
    return el;
  };
  const current = (): FormValues => Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.control.value])) as unknown as FormValues;

  const summary = h('div', { class: 'form-summary', 'aria-live': 'assertive', id: 'form-summary' });
  const conflict = h('div', { id: 'conflict', 'aria-live': 'assertive' });

  const clearErrors = () => {
    for (const f of Object.values(fields)) {
      replaceChildren(f.errors);
      f.control.removeAttribute('aria-invalid');
    }
    for (const g of Object.values(groups)) replaceChildren(g);
    replaceChildren(summary);
  };

  const showIssues = (issues: FieldIssue[]) => {
    const byControl = new Map<string, Field>(Object.values(fields).map((f) => [f.name, f]));
    const known = [...byControl.keys(), ...Object.keys(groups)];
    const grouped = groupIssues(issues, known, ctx.lang);
    let first: HTMLElement | undefined;
    for (const [name, reasons] of grouped) {
      const f = byControl.get(name);
      const target = f?.errors ?? groups[name];
      if (!target) continue;
      replaceChildren(target, reasons.map((r) => h('p', { class: 'field-error' }, `${t('form.invalid')}: ${r}`)));
      if (f) {
        f.control.setAttribute('aria-invalid', 'true');
        first ??= f.control;
      } else {
        const groupControl = root.querySelector<HTMLElement>(`[data-group="${name}"] input, [data-group="${name}"] textarea, [data-group="${name}"] select`);
        if (groupControl) {
          groupControl.setAttribute('aria-invalid', 'true');
          first ??= groupControl;
        }
      }
    }
    const unplaced = grouped.get('') ?? [];
    replaceChildren(
      summary,
      h(
        'div',
        { class: 'message message-error', role: 'alert', 'data-testid': 'validation-summary' },
        t('form.fixErrors', { count: String(issues.length) }),
        unplaced.length ? h('ul', null, unplaced.map((r) => h('li', null, r))) : null,
      ),
    );
    first?.focus();
  };

  const showConflict = (theirs: Stored<SynergyEntry>) => {
    const mine = current();
    const their = valuesOf(theirs);
    const rows = (Object.keys(mine) as (keyof FormValues)[])
      .filter((k) => mine[k].trim() !== their[k].trim())
      .map((k) => h('tr', null, h('th', { scope: 'row' }, fields[k].wrapper.querySelector('label')?.textContent ?? k), h('td', { 'data-testid': `theirs-${k}` }, their[k] || '—'), h('td', null, mine[k] || '—')));
    const whoWhen = theirs.updatedAt ? ctx.dateTime(theirs.updatedAt) : '';
    replaceChildren(
      conflict,
      h(
        'div',
        { class: 'message message-warning conflict', role: 'alert', 'data-testid': 'conflict' },
        h('h3', null, t('conflict.title')),
        h('p', null, t('conflict.explain', { when: whoWhen })),
        rows.length
          ? h(
              'table',
              { class: 'data-table' },
              h('caption', null, t('conflict.caption')),
              h('thead', null, h('tr', null, h('th', { scope: 'col' }, t('conflict.field')), h('th', { scope: 'col' }, t('conflict.theirs')), h('th', { scope: 'col' }, t('conflict.yours')))),
              h('tbody', null, rows),
            )
          : h('p', null, t('conflict.sameValues')),
        h(
          'div',
          { class: 'button-row' },
          button(t('conflict.loadTheirs'), () => buildForm(ctx, root, theirs, valuesOf(theirs)), { testid: 'conflict-load-theirs' }),
          button(t('conflict.reapply'), () => {
            etag = theirs.etag;
            base = theirs;
            replaceChildren(conflict, h('p', { class: 'message message-info', role: 'status' }, t('conflict.reapplied')));
            fields.titleNl.control.focus();
          }, { appearance: 'accent', testid: 'conflict-reapply' }),
        ),
      ),
    );
    conflict.querySelector<HTMLElement>('h3')?.setAttribute('tabindex', '-1');
    conflict.querySelector<HTMLElement>('h3')?.focus();
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    clearErrors();
    const saveButton = root.querySelector('[data-testid="save-entry"]');
    saveButton?.setAttribute('disabled', '');
    try {
      const body = bodyOf(current(), base);
      const saved = base
        ? await ctx.api.send<Stored<SynergyEntry>>('PATCH', `/entries/${encodeURIComponent(base.id)}`, body, etag)
        : await ctx.api.send<Stored<SynergyEntry>>('POST', '/entries', body, undefined, { idempotencyKey: submission });
      ctx.announce(t(base ? 'form.saved' : 'form.created', { title: ctx.text(saved.title).text }), 'success');
      ctx.navigate(`#/entry/${encodeURIComponent(saved.id)}`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.issues.length) {
        showIssues(error.issues);
      } else if (error instanceof ApiError && error.status === 409 && base) {
        let theirs = error.current as Stored<SynergyEntry> | null;
        if (!theirs) theirs = await ctx.api.get<Stored<SynergyEntry>>(`/entries/${encodeURIComponent(base.id)}`).catch(() => null);
        if (theirs) showConflict(theirs);
        else replaceChildren(summary, errorBox(ctx, error));
      } else {
        replaceChildren(summary, errorBox(ctx, error));
      }
    } finally {
      saveButton?.removeAttribute('disabled');
    }
  };

  const titleText = entry ? t('form.editTitle', { title: ctx.text(entry.title).text }) : t('form.newTitle');
  replaceChildren(
    root,
    h('nav', { class: 'breadcrumb', 'aria-label': t('common.breadcrumb') }, linkButton(t('common.backToRegister'), '#/register'), entry ? linkButton(t('form.backToEntry'), `#/entry/${encodeURIComponent(entry.id)}`) : null),
    h('h2', { id: 'view-title', tabindex: '-1' }, titleText),
    conflict,
    summary,
    h(
      'form',
      { class: 'entry-form', novalidate: true, 'aria-labelledby': 'view-title', on: { submit } },
      h('fieldset', { 'data-group': 'title' }, h('legend', null, t('entry.titleField'), ' ', h('span', { class: 'muted' }, t('form.titleRule'))), fields.titleNl.wrapper, fields.titleFr.wrapper, groupErrors('title')),
      h('fieldset', { 'data-group': 'description' }, h('legend', null, t('entry.description')), fields.descriptionNl.wrapper, fields.descriptionFr.wrapper, groupErrors('description')),
      h('fieldset', null, h('legend', null, t('form.classification')), fields.domain.wrapper, fields.status.wrapper, fields.startYear.wrapper, fields.kind.wrapper, fields.formalisation.wrapper, fields.focusGroupId.wrapper),
      h('fieldset', null, h('legend', null, t('entry.parties')), fields.parties.wrapper),
      h('fieldset', { 'data-group': 'financialBenefit' }, h('legend', null, t('entry.financialBenefit')), fields.amountEur.wrapper, fields.confidence.wrapper, groupErrors('financialBenefit')),
      h('fieldset', { 'data-group': 'qualitativeBenefit' }, h('legend', null, t('entry.qualitativeBenefit')), fields.qualitativeNl.wrapper, fields.qualitativeFr.wrapper, groupErrors('qualitativeBenefit')),
      h('div', { class: 'button-row' }, button(t(entry ? 'form.save' : 'form.create'), null, { appearance: 'accent', type: 'submit', testid: 'save-entry' }), linkButton(t('form.cancel'), entry ? `#/entry/${encodeURIComponent(entry.id)}` : '#/register')),
    ),
  );
  for (const group of Array.from(root.querySelectorAll<HTMLElement>('[data-group]'))) {
    const errorsId = groups[group.dataset.group ?? '']?.id;
    if (!errorsId) continue;
    for (const control of Array.from(group.querySelectorAll('input, textarea, select'))) {
      control.setAttribute('aria-describedby', `${control.getAttribute('aria-describedby') ?? ''} ${errorsId}`.trim());
    }
  }
  root.querySelector<HTMLElement>('#view-title')?.focus();
}
