import { comingBudgetYear } from '../../../domain';
import type { AnnualReport, SynergyEntry } from '../../../domain';
import { mayCloseYear, reportYearStatus } from '../../../domain';
import { blankTemplate, PRESETS, type PresetName, presetTemplate } from '../../../domain';
import { translate } from '../../../i18n';
import type { Stored } from '../../../store';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import { badge, button, errorBox, field, linkButton, loading, roleNeeded } from '../ui';
import { renderTemplateForm } from './template-form';

type Template = Stored<AnnualReport>;
type Start = PresetName | 'blank' | `copy:${string}`;

/** Templates are usually prepared in autumn for the coming budget year (Brussels calendar). */
const comingYear = () => comingBudgetYear(new Date());

/**
 * The report templates, one per budget year, with how each starts: from a preset (Molenbeek list, Ukkel
 * narrative, Walloon) or as a copy of an earlier year's template. A new template opens in the editor and
 * is stored only when saved.
 */
export async function renderTemplates(ctx: AppContext, root: HTMLElement): Promise<void> {
  replaceChildren(root, loading(ctx));
  let templates: Template[];
  let entries: Array<Pick<SynergyEntry, 'mentions'>>;
  try {
    const [reports, list] = await Promise.all([
      ctx.api.get<{ items: Template[] }>('/reports'),
      ctx.api.get<{ items: Array<Pick<SynergyEntry, 'mentions'>> }>('/entries'),
    ]);
    templates = reports.items.sort((a, b) => b.budgetYear - a.budgetYear);
    entries = list.items;
  } catch (error) {
    replaceChildren(root, errorBox(ctx, error));
    return;
  }
  const t = ctx.t;
  const open = ctx.can('template') ? 'tpl.open' : 'tpl.view';
  const latest = templates[0];
  const municipality = latest?.municipality ?? ctx.boot.municipality;
  const year = h('input', {
    type: 'number',
    inputmode: 'numeric',
    min: 2000,
    max: 2100,
    value: String(latest ? Math.max(latest.budgetYear + 1, comingYear()) : comingYear()),
  });
  const start = h(
    'select',
    null,
    templates.map((tpl) => h('option', { value: `copy:${tpl.id}` }, t('tpl.copyOf', { year: String(tpl.budgetYear) }))),
    PRESETS.map((p) => h('option', { value: p }, t(`tpl.preset.${p}`))),
    h('option', { value: 'blank' }, t('tpl.preset.blank')),
  );
  const feedback = h('div', { 'aria-live': 'polite' });
  const closed = h('div', { 'aria-live': 'polite', 'data-testid': 'roll-over-result' });

  const create = () => {
    const budgetYear = Number(year.value);
    if (templates.some((tpl) => tpl.budgetYear === budgetYear)) {
      replaceChildren(feedback, h('p', { class: 'message message-warning', role: 'alert' }, t('tpl.yearTaken', { year: String(budgetYear) })));
      return;
    }
    const draft = draftFrom(start.value as Start, templates, { budgetYear: Number.isInteger(budgetYear) ? budgetYear : comingYear(), municipality });
    void renderTemplateForm(ctx, root, draft);
  };

  replaceChildren(
    root,
    h('div', { class: 'view-header' }, h('h2', { id: 'view-title', tabindex: '-1' }, t('tpl.title'))),
    h('p', { class: 'muted' }, t('tpl.explain')),
    closed,
    templates.length
      ? h(
          'ul',
          { class: 'card-list', 'data-testid': 'template-list' },
          templates.map((tpl) => {
            const status = reportYearStatus(entries, tpl.budgetYear);
            const closable = mayCloseYear(status, tpl.budgetYear, new Date());
            return h(
              'li',
              { class: 'card', 'data-template-year': String(tpl.budgetYear) },
              h('p', { class: 'card-subtitle' }, t('tpl.year', { year: String(tpl.budgetYear) })),
              h('p', { class: 'muted' }, ctx.text(tpl.municipality).text, ' · ', t(`tpl.shape.${tpl.shape}`), ' · ', t(`tpl.preset.${tpl.preset}`)),
              h(
                'p',
                { 'data-testid': 'year-status' },
                badge(t(`tpl.status.${status}`), status === 'open' ? 'info' : 'neutral'),
                status === 'open' && !closable ? h('span', { class: 'muted' }, ' ', t('tpl.closeLater', { year: String(tpl.budgetYear) })) : null,
              ),
              h(
                'div',
                { class: 'button-row' },
                // the visible label names the year: a screen reader and a voice command hear what is shown
                linkButton(`${t(open)}: ${t('tpl.year', { year: String(tpl.budgetYear) })}`, `#/templates/${encodeURIComponent(tpl.id)}`),
                ctx.can('rollOver') && closable ? closeButton(ctx, tpl.budgetYear, closed) : null,
              ),
            );
          }),
        )
      : h('p', { class: 'empty' }, t('tpl.none')),
    !ctx.can('template')
      ? roleNeeded(ctx, 'template')
      : h(
          'form',
          {
            class: 'panel template-new',
            'aria-labelledby': 'tpl-new',
            on: {
              submit: (e: Event) => {
                e.preventDefault();
                create();
              },
            },
          },
          h('h3', { id: 'tpl-new' }, t('tpl.new')),
          h(
            'div',
            { class: 'filters' },
            field(t('tpl.startFrom'), start, 'start').wrapper,
            field(translate(ctx.lang, 'field.budgetYear'), year, 'budgetYear').wrapper,
          ),
          feedback,
          h('div', { class: 'button-row' }, button(t('tpl.create'), null, { appearance: 'accent', type: 'submit', testid: 'template-create' })),
        ),
  );
  root.querySelector<HTMLElement>('#view-title')?.focus();
}

/** Closing a year's report (after the budget is approved): every measure keeps what that year's annex shows. */
function closeButton(ctx: AppContext, year: number, result: HTMLElement): HTMLElement {
  const close = async () => {
    if (!window.confirm(ctx.t('tpl.closeConfirm', { year: String(year) }))) return;
    try {
      const counts = await ctx.api.send<{ rolledOver: number; alreadyDone: number; notInYear: number }>('POST', '/register/roll-over', { year });
      const figures = {
        year: String(year),
        rolledOver: String(counts.rolledOver),
        alreadyDone: String(counts.alreadyDone),
        notInYear: String(counts.notInYear),
      };
      replaceChildren(result, h('p', { class: 'message message-success', role: 'status' }, ctx.t('tpl.closed', figures)));
    } catch (error) {
      replaceChildren(result, errorBox(ctx, error));
    }
  };
  return button(ctx.t('tpl.closeOf', { year: String(year) }), () => void close(), { testid: 'roll-over' });
}

/** A new, unsaved template: a preset filled with the municipality and year, or a copy of another year's. */
function draftFrom(start: Start, templates: Template[], base: { budgetYear: number; municipality: AnnualReport['municipality'] }): AnnualReport {
  if (start.startsWith('copy:')) {
    const source = templates.find((tpl) => `copy:${tpl.id}` === start);
    if (source) {
      const { id: _id, etag: _etag, ...copy } = structuredClone(source);
      return { ...copy, budgetYear: base.budgetYear };
    }
  }
  if (start === 'blank') return blankTemplate({ budgetYear: base.budgetYear, municipality: base.municipality });
  const preset = (PRESETS as readonly string[]).includes(start) ? (start as PresetName) : 'molenbeek-list';
  return presetTemplate(preset, { budgetYear: base.budgetYear, municipality: base.municipality });
}

/** `#/templates/<id>`: the stored template in the editor. */
export async function renderTemplate(ctx: AppContext, root: HTMLElement, id: string): Promise<void> {
  replaceChildren(root, loading(ctx));
  try {
    const template = await ctx.api.get<Template>(`/reports/${encodeURIComponent(id)}`);
    await renderTemplateForm(ctx, root, template);
  } catch (error) {
    replaceChildren(root, linkButton(ctx.t('tpl.back'), '#/templates'), errorBox(ctx, error));
  }
}
