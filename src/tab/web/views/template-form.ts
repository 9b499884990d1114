import type { AnnualReport, SynergyEntry } from '../../../domain';
import { wordedTemplateWarnings } from '../../../i18n';
import { translate } from '../../../i18n';
import type { Stored } from '../../../store';
import { ApiError } from '../api';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import { type FieldIssue, groupIssues } from '../issues';
import { button, errorBox, field, linkButton, roleNeeded } from '../ui';
import { blocksEditor, type EntryChoice, textPair } from './template-blocks';
import { templateOutline } from './template-outline';
import { tableSettings } from './template-table';
import { machineTranslationSettings } from './template-translations';
import { templateSuggestions } from './template-suggest';

type FieldKey = 'budgetYear' | 'bodyKind' | 'region' | 'shape' | 'municipality' | 'ocmwName' | 'legalCitation' | 'introText' | 'yearText';
type Template = AnnualReport & Partial<Pick<Stored<AnnualReport>, 'id' | 'etag'>>;

function choiceSelect<T extends string>(values: readonly T[], current: T, label: (v: T) => string, onChange: (v: T) => void): HTMLSelectElement {
  const select = h(
    'select',
    null,
    values.map((v) => h('option', { value: v, selected: v === current }, label(v))),
  );
  select.addEventListener('change', () => onChange(select.value as T));
  return select;
}

/** What the annex prints when a text is left empty: the catalogue's fixed wording, as the placeholder. */
function fixedTexts(work: AnnualReport) {
  const wallonia = work.region === 'wallonia';
  const annex = (key: 'lawQuote' | 'wallonia.lawQuote' | 'narrativeGeneral') => ({ nl: translate('nl', `annex.${key}`), fr: translate('fr', `annex.${key}`) });
  if (work.shape === 'narrative') return annex('narrativeGeneral');
  return annex(wallonia ? 'wallonia.lawQuote' : 'lawQuote');
}

async function loadChoices(ctx: AppContext): Promise<{ choices: EntryChoice[]; departments: string[] }> {
  try {
    const { items } = await ctx.api.get<{ items: Stored<SynergyEntry>[] }>('/entries?limit=10000');
    const departments = new Set<string>();
    for (const e of items) {
      const d = ctx.text(e.department).text;
      if (d) departments.add(d);
    }
    return {
      choices: items.map((e) => ({ id: e.id, title: ctx.text(e.title).text })).sort((a, b) => a.title.localeCompare(b.title, ctx.locale)),
      departments: [...departments].sort(),
    };
  } catch {
    return { choices: [], departments: [] };
  }
}

/**
 * The template editor: body and title wording, fixed texts, blocks and sections, summary table, unreviewed machine translations. Warnings
 * (domains no section takes, lifecycles no block takes) update while editing; saving is allowed with them.
 * Server 400 issues are worded from the catalogue next to their control; a stale eTag is a conflict.
 */
export async function renderTemplateForm(ctx: AppContext, root: HTMLElement, template: Template): Promise<void> {
  const { choices, departments } = await loadChoices(ctx);
  const suggest = (await templateSuggestions(ctx, template.id)) ?? ((_field: unknown, _label: string, pair: HTMLElement[]) => pair);
  const work: Template = structuredClone(template);
  const t = ctx.t;
  const label = (key: FieldKey) => translate(ctx.lang, `field.${key}`);
  const holder = work as unknown as Record<string, unknown>;
  // scrolls within the sticky Save bar when long: focusable, so a keyboard can scroll it
  const warnings = h('div', { class: 'template-warnings', role: 'status', 'aria-live': 'polite', tabindex: '0', 'data-testid': 'template-warnings' });
  const summary = h('div', { 'aria-live': 'assertive' });

  const showWarnings = () => {
    const items = wordedTemplateWarnings(work, ctx.lang).map((w) => w.message);
    replaceChildren(
      warnings,
      items.length
        ? h(
            'div',
            { class: 'message message-warning' },
            h('strong', null, `${t('tpl.warnings')} — ${ctx.plural('tpl.warningCount', items.length)}`),
            h(
              'ul',
              null,
              items.map((i) => h('li', null, i)),
            ),
          )
        : h('p', { class: 'muted' }, t('tpl.noWarnings')),
    );
    return items.length;
  };
  const outline = templateOutline(ctx, work);
  const changed = () => {
    showWarnings();
    outline.redraw();
  };

  const general = h(
    'fieldset',
    null,
    h('legend', null, t('tpl.general')),
    field(
      label('budgetYear'),
      (() => {
        const input = h('input', { type: 'number', inputmode: 'numeric', min: 2000, max: 2100, value: String(work.budgetYear) });
        input.addEventListener('input', () => {
          work.budgetYear = Number(input.value);
          outline.redraw();
        });
        return input;
      })(),
      'budgetYear',
    ).wrapper,
    field(
      label('bodyKind'),
      choiceSelect(
        ['municipality', 'city'] as const,
        work.bodyKind,
        (v) => t(`tpl.bodyKind.${v}`),
        (v) => {
          work.bodyKind = v;
        },
      ),
      'bodyKind',
    ).wrapper,
    field(
      label('region'),
      choiceSelect(
        ['brussels', 'wallonia'] as const,
        work.region,
        (v) => t(`tpl.region.${v}`),
        (v) => {
          work.region = v;
          redrawTexts();
          outline.redraw();
        },
      ),
      'region',
    ).wrapper,
    field(
      label('shape'),
      choiceSelect(
        ['list', 'narrative'] as const,
        work.shape,
        (v) => t(`tpl.shape.${v}`),
        (v) => {
          work.shape = v;
          redrawTexts();
        },
      ),
      'shape',
    ).wrapper,
    textPair(ctx, holder, 'municipality', label('municipality'), 'municipality'),
    textPair(ctx, holder, 'ocmwName', label('ocmwName'), 'ocmwName'),
    suggest('title', t('tpl.titleOverride'), textPair(ctx, holder, 'title', t('tpl.titleOverride'), 'title')),
    suggest('subtitle', t('tpl.subtitleOverride'), textPair(ctx, holder, 'subtitle', t('tpl.subtitleOverride'), 'subtitle')),
  );

  const texts = h('fieldset', { class: 'wide' });
  const redrawTexts = () => {
    const flagged = work.region === 'wallonia' || work.preset === 'wallonia';
    replaceChildren(
      texts,
      h('legend', null, t('tpl.texts')),
      flagged ? h('p', { class: 'message message-warning', 'data-testid': 'verify-flag' }, translate(ctx.lang, 'annex.verify.wallonia')) : null,
      h('p', { class: 'field-hint' }, t('tpl.defaultHint')),
      suggest(
        'legalCitation',
        label('legalCitation'),
        textPair(ctx, holder, 'legalCitation', label('legalCitation'), 'legalCitation', { multiline: true, placeholder: fixedTexts(work) }),
      ),
      suggest('introText', label('introText'), textPair(ctx, holder, 'introText', label('introText'), 'introText', { multiline: true })),
      suggest('yearText', label('yearText'), textPair(ctx, holder, 'yearText', label('yearText'), 'yearText', { multiline: true })),
    );
  };
  redrawTexts();

  const table = tableSettings(ctx, work);

  const form = h('form', { class: 'entry-form template-form', novalidate: true, 'aria-labelledby': 'view-title' });
  const showIssues = (issues: FieldIssue[]) => {
    const names = Array.from(form.querySelectorAll<HTMLInputElement>('input[name], select[name], textarea[name]')).map((c) => c.name);
    const grouped = groupIssues(issues, names, ctx.lang);
    let first: HTMLElement | undefined;
    for (const [name, reasons] of grouped) {
      if (!name) continue;
      const control = form.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`);
      control?.setAttribute('aria-invalid', 'true');
      first ??= control ?? undefined;
      const errors = form.querySelector(`[data-errors-for="${CSS.escape(name)}"]`);
      if (errors)
        replaceChildren(
          errors,
          reasons.map((r) => h('p', { class: 'field-error' }, `${t('form.invalid')}: ${r}`)),
        );
    }
    const loose = grouped.get('') ?? [];
    replaceChildren(
      summary,
      h(
        'div',
        { class: 'message message-error', role: 'alert', 'data-testid': 'validation-summary' },
        t('form.fixErrors', { count: String(issues.length) }),
        loose.length
          ? h(
              'ul',
              null,
              loose.map((r) => h('li', null, r)),
            )
          : null,
      ),
    );
    first?.focus();
  };

  const save = async (event: Event) => {
    event.preventDefault();
    for (const el of Array.from(form.querySelectorAll('[aria-invalid]'))) el.removeAttribute('aria-invalid');
    for (const el of Array.from(form.querySelectorAll('.field-errors'))) replaceChildren(el);
    replaceChildren(summary);
    const { id, etag, ...body } = work;
    try {
      const saved = id
        ? await ctx.api.send<Stored<AnnualReport>>('PATCH', `/reports/${encodeURIComponent(id)}`, body, etag)
        : await ctx.api.send<Stored<AnnualReport>>('POST', '/reports', body);
      const warned = showWarnings() > 0;
      ctx.announce(t(warned ? 'tpl.savedWithWarnings' : 'tpl.saved', { year: String(saved.budgetYear) }), 'success');
      if (!id) ctx.navigate(`#/templates/${encodeURIComponent(saved.id)}`);
      else Object.assign(work, { etag: saved.etag });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.issues.length) showIssues(error.issues);
      else if (error instanceof ApiError && error.status === 409)
        replaceChildren(
          summary,
          h(
            'div',
            { class: 'message message-warning', role: 'alert' },
            t('tpl.conflict'),
            ' ',
            linkButton(t('common.reload'), `#/templates/${encodeURIComponent(id ?? '')}`),
          ),
        );
      else replaceChildren(summary, errorBox(ctx, error));
    }
  };
  form.addEventListener('submit', (e) => void save(e));

  const parts = [
    general,
    texts,
    h(
      'fieldset',
      { class: 'wide' },
      h('legend', null, t('tpl.blocks')),
      h('p', { class: 'field-hint' }, t('tpl.blocksExplain')),
      blocksEditor(ctx, work, choices, departments, changed),
    ),
    table,
    machineTranslationSettings(ctx, work),
  ];
  // whoever may not change templates reads the same screen with every control disabled, and is told why
  replaceChildren(
    form,
    ctx.can('template')
      ? [
          ...parts,
          // Save stays in view while the clerk scrolls through the sections, with what the template still leaves out beside it
          h(
            'div',
            { class: 'sticky-save', 'data-testid': 'sticky-save' },
            warnings,
            h(
              'div',
              { class: 'button-row' },
              button(t('tpl.save'), null, { appearance: 'accent', type: 'submit', testid: 'template-save' }),
              linkButton(t('form.cancel'), '#/templates'),
            ),
          ),
        ]
      : [roleNeeded(ctx, 'template'), h('fieldset', { class: 'read-only', disabled: true, 'data-testid': 'template-read-only' }, parts)],
  );
  replaceChildren(
    root,
    h('nav', { class: 'breadcrumb', 'aria-label': t('common.breadcrumb') }, linkButton(t('tpl.back'), '#/templates')),
    h('h2', { id: 'view-title', tabindex: '-1' }, work.id ? t('tpl.editTitle', { year: String(work.budgetYear) }) : t('tpl.newTitle')),
    h('p', { class: 'muted' }, t(`tpl.preset.${work.preset}`)),
    summary,
    h('div', { class: 'template-layout' }, form, outline.el),
    ctx.can('template') ? null : warnings,
  );
  showWarnings();
  root.querySelector<HTMLElement>('#view-title')?.focus();
}
