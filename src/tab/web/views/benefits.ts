import type { YearBenefit } from '../../../domain';
import { ADMINISTRATIONS } from '../../../domain';
import { translate } from '../../../i18n';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import { button } from '../ui';

/** One row as typed: strings, so that what is not a number reaches the server and is refused there. */
export interface BenefitRow {
  year: string;
  administration: string;
  estimatedEur: string;
  realisedEur: string;
}

/** the administrations a yearly benefit is counted for (model.yearBenefit) */
const BENEFIT_ADMINISTRATIONS = ['gemeente', 'ocmw'] as const;

export function rowsOf(benefits: readonly YearBenefit[] | undefined): BenefitRow[] {
  return (benefits ?? []).map((b) => ({
    year: String(b.year),
    administration: b.administration,
    estimatedEur: b.estimatedEur === null ? '' : String(b.estimatedEur),
    realisedEur: b.realisedEur === null ? '' : String(b.realisedEur),
  }));
}

/** "1 500,50" → 1500.5; "" → null; anything else stays as typed for the server to refuse with a reason. */
export function numberOrRaw(s: string): number | null | string {
  const t = s.trim().replace(/\s/g, '').replace(',', '.');
  if (!t) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : s;
}

export function benefitsBody(rows: readonly BenefitRow[]): unknown[] {
  return rows
    .filter((r) => r.year.trim() || r.estimatedEur.trim() || r.realisedEur.trim())
    .map((r) => ({
      year: numberOrRaw(r.year),
      administration: r.administration,
      estimatedEur: numberOrRaw(r.estimatedEur),
      realisedEur: numberOrRaw(r.realisedEur),
    }));
}

/** A short text of the rows, to compare two versions in a conflict. */
export function benefitsText(rows: readonly BenefitRow[]): string {
  return rows.map((r) => `${r.year} ${r.administration}: ${r.estimatedEur || '–'} / ${r.realisedEur || '–'}`).join('; ');
}

/**
 * Euro per administration and budget year, estimated and realised: one row per year and administration,
 * added and removed by buttons. Controls are named after the API fields ("benefits.0.year") so that a 400
 * issue lands next to its cell.
 */
export function benefitsEditor(ctx: AppContext, initial: BenefitRow[]): { element: HTMLElement; rows(): BenefitRow[] } {
  const rows = initial.map((r) => ({ ...r }));
  const label = (key: 'year' | 'administration' | 'estimatedEur' | 'realisedEur') => translate(ctx.lang, `field.${key}`);
  const body = h('tbody');
  const redraw = () => {
    replaceChildren(
      body,
      rows.map((row, i) => {
        const n = String(i + 1);
        const cell = (key: keyof BenefitRow, control: HTMLInputElement | HTMLSelectElement) => {
          control.name = `benefits.${i}.${key}`;
          control.setAttribute('aria-label', ctx.t('form.benefitCell', { field: label(key), n }));
          control.addEventListener('input', () => {
            row[key] = control.value;
          });
          control.addEventListener('change', () => {
            row[key] = control.value;
          });
          return h('td', { 'data-label': label(key) }, control, h('div', { class: 'field-errors', 'data-errors-for': control.name }));
        };
        const admin = h(
          'select',
          null,
          BENEFIT_ADMINISTRATIONS.map((a) => h('option', { value: a, selected: a === row.administration }, ctx.label(ADMINISTRATIONS, a))),
        );
        return h(
          'tr',
          null,
          cell('year', h('input', { type: 'text', inputmode: 'numeric', value: row.year, size: 5 })),
          cell('administration', admin),
          cell('estimatedEur', h('input', { type: 'text', inputmode: 'decimal', value: row.estimatedEur })),
          cell('realisedEur', h('input', { type: 'text', inputmode: 'decimal', value: row.realisedEur })),
          h(
            'td',
            null,
            button(ctx.t('form.benefitRemove', { n }), () => {
              rows.splice(i, 1);
              redraw();
            }),
          ),
        );
      }),
    );
  };
  redraw();
  const add = () => {
    const last = rows[rows.length - 1];
    rows.push({
      year: last ? last.year : String(new Date().getFullYear()),
      administration: last?.administration === 'gemeente' ? 'ocmw' : 'gemeente',
      estimatedEur: '',
      realisedEur: '',
    });
    redraw();
    body.querySelector<HTMLElement>('tr:last-child input')?.focus();
  };
  const element = h(
    'div',
    { class: 'benefits' },
    h(
      'table',
      { class: 'data-table benefits-table' },
      h('caption', { class: 'visually-hidden' }, translate(ctx.lang, 'field.benefits')),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, label('year')),
          h('th', { scope: 'col' }, label('administration')),
          h('th', { scope: 'col' }, label('estimatedEur')),
          h('th', { scope: 'col' }, label('realisedEur')),
          h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, ctx.t('actions.commands'))),
        ),
      ),
      body,
    ),
    button(ctx.t('form.benefitAdd'), add, { testid: 'benefit-add' }),
  );
  return { element, rows: () => rows.map((r) => ({ ...r })) };
}
