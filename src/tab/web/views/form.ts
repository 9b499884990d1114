import type { AnnualReport, SynergyEntry } from '../../../domain';
import { FORMALISATIONS } from '../../../domain';
import { describeIssue } from '../../../i18n';
import type { Stored } from '../../../store';
import { ApiError, newIdempotencyKey } from '../api';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import { type FieldIssue, groupIssues } from '../issues';
import { button, errorBox, linkButton, loading, roleNeeded } from '../ui';
import { benefitsEditor, benefitsText, rowsOf } from './benefits';
import { showConflict } from './form-conflict';
import { entryFields, fieldLabel, type FieldLabelKey } from './form-fields';
import { bodyOf, type FormalisationRule, type FormValues, valuesOf } from './form-values';

export { bodyOf, valuesOf } from './form-values';

/** What the form needs besides the entry: the server's formalisation rule and the template sections. */
interface FormContext {
  rule: FormalisationRule;
  sections: string[];
}

async function formContext(ctx: AppContext): Promise<FormContext> {
  const [vocabulary, reports] = await Promise.allSettled([
    ctx.api.get<{ formalisationOfForm: FormalisationRule }>('/vocabulary'),
    ctx.api.get<{ items: AnnualReport[] }>('/reports'),
  ]);
  const sections = new Set<string>();
  if (reports.status === 'fulfilled') {
    for (const report of reports.value.items) for (const block of report.blocks) for (const s of block.sections) sections.add(ctx.text(s.title).text);
  }
  return { rule: vocabulary.status === 'fulfilled' ? vocabulary.value.formalisationOfForm : {}, sections: [...sections].filter(Boolean).sort() };
}

/**
 * Create (no id) or edit (id) an entry: every field the annex uses. Server 400 issues are shown next to
 * their controls, worded from the catalogue; an edit sends If-Match with the eTag it loaded, and a 409
 * shows the other version with the choice to load it or to re-apply one's own changes on top of it.
 */
export async function renderForm(ctx: AppContext, root: HTMLElement, id?: string): Promise<void> {
  if (!ctx.can('edit')) return replaceChildren(root, linkButton(ctx.t('common.backToRegister'), '#/register'), roleNeeded(ctx, 'edit'));
  replaceChildren(root, loading(ctx));
  let entry: Stored<SynergyEntry> | undefined;
  const context = formContext(ctx);
  if (id) {
    try {
      entry = await ctx.api.get<Stored<SynergyEntry>>(`/entries/${encodeURIComponent(id)}`);
    } catch (error) {
      replaceChildren(root, linkButton(ctx.t('common.backToRegister'), '#/register'), errorBox(ctx, error));
      return;
    }
  }
  const fc = await context;
  const preset: Partial<SynergyEntry> | undefined = entry ?? (ctx.boundFocusGroupId ? { focusGroupId: ctx.boundFocusGroupId } : undefined);
  buildForm(ctx, root, entry, valuesOf(preset, fc.rule), fc);
}

function buildForm(ctx: AppContext, root: HTMLElement, entry: Stored<SynergyEntry> | undefined, values: FormValues, fc: FormContext): void {
  let etag = entry?.etag;
  // one key for this form's create: sent again after a lost answer, it returns the entry created the first time
  const submission = newIdempotencyKey();
  let base: Stored<SynergyEntry> | undefined = entry;
  const t = ctx.t;
  const label = (key: FieldLabelKey) => fieldLabel(ctx, key);
  const fields = entryFields(ctx, values);
  const override = fields.formalisationOverride.control as HTMLInputElement;
  const formalisation = fields.formalisation.control as HTMLSelectElement;
  const benefits = benefitsEditor(ctx, rowsOf(entry?.benefits));

  // the formalisation the form implies, by the server's own rule: the "derived" choice names it, and a
  // different explicit choice is flagged until the override is ticked
  const formSelect = fields.form.control as HTMLSelectElement;
  const formalisationHint = fields.formalisation.wrapper.querySelector<HTMLElement>('.field-hint')!;
  const showDerived = () => {
    const derived = formSelect.value ? fc.rule[formSelect.value] : undefined;
    formalisation.options[0].textContent = derived ? t('form.derivedFormalisation', { value: ctx.label(FORMALISATIONS, derived) }) : t('form.derivedNone');
    const differs = Boolean(derived && formalisation.value && formalisation.value !== derived);
    formalisationHint.textContent = differs
      ? t(override.checked ? 'form.overrideOn' : 'form.overrideNeeded', { value: ctx.label(FORMALISATIONS, derived) })
      : '';
    formalisationHint.classList.toggle('is-warning', differs && !override.checked);
  };
  for (const el of [formSelect, formalisation, override]) el.addEventListener('change', showDerived);
  showDerived();

  /** Group fields whose issues have no single control (e.g. "title" needs one of the languages). */
  const groups: Record<string, HTMLElement> = {};
  const groupErrors = (name: string) => {
    const el = h('div', { class: 'field-errors', id: `group-${name.replace(/\W/g, '-')}-errors`, 'data-errors-for': name });
    groups[name] = el;
    return el;
  };
  const current = (): FormValues =>
    Object.fromEntries(
      Object.entries(fields).map(([k, f]) => [
        k,
        f.control instanceof HTMLInputElement && f.control.type === 'checkbox' ? (f.control.checked ? 'true' : '') : f.control.value,
      ]),
    ) as unknown as FormValues;

  const summary = h('div', { class: 'form-summary', 'aria-live': 'assertive', id: 'form-summary' });
  const conflict = h('div', { id: 'conflict', 'aria-live': 'assertive' });
  const form = h('form', { class: 'entry-form', novalidate: true, 'aria-labelledby': 'view-title' });

  const clearErrors = () => {
    for (const el of Array.from(form.querySelectorAll('.field-errors'))) replaceChildren(el);
    for (const el of Array.from(form.querySelectorAll('[aria-invalid]'))) el.removeAttribute('aria-invalid');
    replaceChildren(summary);
  };

  const showIssues = (issues: FieldIssue[]) => {
    const names = [...Array.from(form.querySelectorAll<HTMLInputElement>('[name]')).map((c) => c.name), ...Object.keys(groups)];
    const grouped = groupIssues(issues, names, ctx.lang);
    let first: HTMLElement | undefined;
    for (const [name, reasons] of grouped) {
      if (!name) continue;
      const target = form.querySelector(`.field-errors[data-errors-for="${CSS.escape(name)}"]`);
      if (target)
        replaceChildren(
          target,
          reasons.map((r) => h('p', { class: 'field-error' }, `${t('form.invalid')}: ${r}`)),
        );
      const control =
        form.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`) ??
        form.querySelector<HTMLElement>(`[data-group="${name}"] input, [data-group="${name}"] textarea, [data-group="${name}"] select`);
      control?.setAttribute('aria-invalid', 'true');
      first ??= control ?? undefined;
    }
    replaceChildren(
      summary,
      h(
        'div',
        { class: 'message message-error', role: 'alert', 'data-testid': 'validation-summary' },
        t('form.fixErrors', { count: String(issues.length) }),
        h(
          'ul',
          null,
          issues.map((issue) => h('li', null, describeIssue(ctx.lang, issue))),
        ),
      ),
    );
    first?.focus();
  };

  const labelOf = (k: string) => (k === 'benefits' ? label('benefits') : (fields[k as keyof FormValues]?.wrapper.querySelector('label')?.textContent ?? k));
  const asTexts = (v: FormValues, rows: string) => ({ ...(v as unknown as Record<string, string>), benefits: rows });

  // Enter on Fluent's submit button can submit the form twice in one keystroke: one save at a time
  let saving = false;
  const submit = async (event: Event) => {
    event.preventDefault();
    if (saving) return;
    saving = true;
    clearErrors();
    const saveButton = root.querySelector('[data-testid="save-entry"]');
    saveButton?.setAttribute('disabled', '');
    try {
      const body = bodyOf(current(), base, { rule: fc.rule, benefits: benefits.rows() });
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
        if (theirs) {
          const stored = theirs;
          showConflict(ctx, conflict, stored, {
            mine: asTexts(current(), benefitsText(benefits.rows())),
            theirs: asTexts(valuesOf(stored, fc.rule), benefitsText(rowsOf(stored.benefits))),
            labelOf,
            loadTheirs: () => buildForm(ctx, root, stored, valuesOf(stored, fc.rule), fc),
            reapply: () => {
              etag = stored.etag;
              base = stored;
              fields.titleNl.control.focus();
            },
          });
        } else replaceChildren(summary, errorBox(ctx, error));
      } else {
        replaceChildren(summary, errorBox(ctx, error));
      }
    } finally {
      saving = false;
      saveButton?.removeAttribute('disabled');
    }
  };
  form.addEventListener('submit', (e) => void submit(e));

  const set = (legend: string, group: string | null, ...children: Array<HTMLElement | null>) =>
    h('fieldset', group ? { 'data-group': group } : null, h('legend', null, legend), ...children, group ? groupErrors(group) : null);
  const f = (k: keyof FormValues) => fields[k].wrapper;
  replaceChildren(
    form,
    h(
      'fieldset',
      { 'data-group': 'title' },
      h('legend', null, t('entry.titleField'), ' ', h('span', { class: 'muted' }, t('form.titleRule'))),
      f('titleNl'),
      f('titleFr'),
      groupErrors('title'),
    ),
    set(label('subheading'), 'subheading', f('subheadingNl'), f('subheadingFr')),
    set(t('entry.description'), 'description', f('descriptionNl'), f('descriptionFr')),
    set(t('form.classification'), null, f('domain'), f('scope'), f('status'), f('startYear'), f('endYear'), f('kind'), f('focusGroupId')),
    set(
      t('form.placement'),
      'department',
      f('departmentNl'),
      f('departmentFr'),
      f('section'),
      h(
        'datalist',
        { id: 'section-choices' },
        fc.sections.map((s) => h('option', { value: s })),
      ),
    ),
    set(t('form.cooperation'), null, f('form'), f('formalisation'), f('formalisationOverride')),
    set(t('entry.parties'), null, f('parties')),
    set(t('entry.financialBenefit'), 'financialBenefit', f('amountEur'), f('confidence')),
    h('fieldset', { 'data-group': 'benefits', class: 'wide-set' }, h('legend', null, label('benefits')), benefits.element, groupErrors('benefits')),
    set(t('entry.qualitativeBenefit'), 'qualitativeBenefit', f('qualitativeNl'), f('qualitativeFr')),
    set(t('form.sourceAndNotes'), 'notes', f('source'), f('notesNl'), f('notesFr')),
    h(
      'div',
      { class: 'button-row' },
      button(t(entry ? 'form.save' : 'form.create'), null, { appearance: 'accent', type: 'submit', testid: 'save-entry' }),
      linkButton(t('form.cancel'), entry ? `#/entry/${encodeURIComponent(entry.id)}` : '#/register'),
    ),
  );
  const titleText = entry ? t('form.editTitle', { title: ctx.text(entry.title).text }) : t('form.newTitle');
  replaceChildren(
    root,
    h(
      'nav',
      { class: 'breadcrumb', 'aria-label': t('common.breadcrumb') },
      linkButton(t('common.backToRegister'), '#/register'),
      entry ? linkButton(t('form.backToEntry'), `#/entry/${encodeURIComponent(entry.id)}`) : null,
    ),
    h('h2', { id: 'view-title', tabindex: '-1' }, titleText),
    conflict,
    summary,
    form,
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
