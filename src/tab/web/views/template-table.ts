import type { AnnualReport } from '../../../domain';
import { TABLE_COLUMNS } from '../../../domain';
import { translate } from '../../../i18n';
import type { AppContext } from '../context';
import { h } from '../dom';

/** The template's summary table settings, edited in place on `work`: whether the annex prints it, and which columns, kept in TABLE_COLUMNS order. */
export function tableSettings(ctx: AppContext, work: AnnualReport): HTMLElement {
  const t = ctx.t;
  const include = h('input', { type: 'checkbox', id: 'tpl-table-include', checked: work.table.include });
  include.addEventListener('change', () => {
    work.table.include = include.checked;
  });
  return h(
    'fieldset',
    { class: 'wide' },
    h('legend', null, t('tpl.table')),
    h('div', { class: 'check' }, include, h('label', { for: include.id }, t('tpl.tableInclude'))),
    h(
      'fieldset',
      { class: 'checks' },
      h('legend', null, t('tpl.columns')),
      TABLE_COLUMNS.map((col) => {
        const box = h('input', { type: 'checkbox', id: `tpl-col-${col}`, checked: work.table.columns.includes(col) });
        box.addEventListener('change', () => {
          work.table.columns = TABLE_COLUMNS.filter((c) => (c === col ? box.checked : work.table.columns.includes(c)));
        });
        return h('div', { class: 'check' }, box, h('label', { for: box.id }, translate(ctx.lang, `annex.column.${col}`)));
      }),
    ),
  );
}
