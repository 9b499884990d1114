import type { SynergyEntry } from '../../../domain';
import { ADMINISTRATIONS, FORMALISATIONS, FORMS, SCOPES } from '../../../domain';
import { translate } from '../../../i18n';
import type { AppContext } from '../context';
import { h } from '../dom';
import { badge, definition, section } from '../ui';

type Key =
  'subheading' | 'department' | 'section' | 'scope' | 'form' | 'endYear' | 'notes' | 'benefits' | 'year' | 'administration' | 'estimatedEur' | 'realisedEur';

/** The entry's annex fields as terms of its detail list: sub-heading, department, section, scope, form, end year. */
export function annexFacts(ctx: AppContext, entry: SynergyEntry): HTMLElement[] {
  const label = (key: Key) => translate(ctx.lang, `field.${key}`);
  const text = (value: SynergyEntry['department']) => {
    const picked = ctx.text(value);
    return picked.text ? h('span', { lang: picked.lang !== ctx.lang ? picked.lang : undefined }, picked.text) : '—';
  };
  return [
    ...definition(label('subheading'), text(entry.subheading)),
    ...definition(label('department'), text(entry.department)),
    ...definition(label('section'), entry.section || ctx.t('entry.sectionByTemplate')),
    ...definition(label('scope'), ctx.label(SCOPES, entry.scope)),
    ...definition(
      label('form'),
      entry.form ? ctx.label(FORMS, entry.form) : '—',
      entry.formalisationOverride
        ? h('span', { 'data-testid': 'override' }, ' ', badge(ctx.t('entry.override', { value: ctx.label(FORMALISATIONS, entry.formalisation) }), 'warning'))
        : null,
    ),
    ...definition(label('endYear'), entry.endYear ? String(entry.endYear) : '—'),
  ];
}

/** Euro per administration and year, and the notes: sections of the detail view (nothing when empty). */
export function annexSections(ctx: AppContext, entry: SynergyEntry): Array<HTMLElement | null> {
  const label = (key: Key) => translate(ctx.lang, `field.${key}`);
  const euro = (n: number | null) => (n === null ? '—' : ctx.euro(n));
  const notes = ctx.text(entry.notes);
  return [
    entry.benefits.length
      ? section(
          label('benefits'),
          'sec-benefits',
          h(
            'div',
            { class: 'table-wrap' },
            h(
              'table',
              { class: 'data-table', 'data-testid': 'benefits' },
              h(
                'thead',
                null,
                h(
                  'tr',
                  null,
                  (['year', 'administration', 'estimatedEur', 'realisedEur'] as const).map((k) => h('th', { scope: 'col' }, label(k))),
                ),
              ),
              h(
                'tbody',
                null,
                [...entry.benefits]
                  .sort((a, b) => a.year - b.year || a.administration.localeCompare(b.administration))
                  .map((b) =>
                    h(
                      'tr',
                      null,
                      h('td', null, String(b.year)),
                      h('td', null, ctx.label(ADMINISTRATIONS, b.administration)),
                      h('td', { class: 'amount' }, euro(b.estimatedEur)),
                      h('td', { class: 'amount' }, euro(b.realisedEur)),
                    ),
                  ),
              ),
            ),
          ),
        )
      : null,
    notes.text ? section(label('notes'), 'sec-notes', h('p', { class: 'prewrap', lang: notes.lang !== ctx.lang ? notes.lang : undefined }, notes.text)) : null,
  ];
}
