import type { SynergyEntry } from '../../../domain';
import type { Stored } from '../../../store';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import { button } from '../ui';

/** Two versions of the form's values, as texts per field (the labels are the form's own). */
export interface ConflictView {
  mine: Record<string, string>;
  theirs: Record<string, string>;
  labelOf(field: string): string;
  loadTheirs(): void;
  reapply(): void;
}

/**
 * The stored version differs from the one the form was loaded from: the fields that differ, side by side,
 * and the person's choice to load the other version or to keep their own on top of it.
 */
export function showConflict(ctx: AppContext, target: HTMLElement, theirs: Stored<SynergyEntry>, view: ConflictView): void {
  const t = ctx.t;
  const rows = Object.keys(view.mine)
    .filter((k) => (view.mine[k] ?? '').trim() !== (view.theirs[k] ?? '').trim())
    .map((k) =>
      h(
        'tr',
        null,
        h('th', { scope: 'row' }, view.labelOf(k)),
        h('td', { 'data-testid': `theirs-${k}` }, view.theirs[k] || '—'),
        h('td', null, view.mine[k] || '—'),
      ),
    );
  const whoWhen = theirs.updatedAt ? ctx.dateTime(theirs.updatedAt) : '';
  replaceChildren(
    target,
    h(
      'div',
      { class: 'message message-warning conflict', role: 'alert', 'data-testid': 'conflict' },
      h('h3', { tabindex: '-1' }, t('conflict.title')),
      h('p', null, t('conflict.explain', { when: whoWhen })),
      rows.length
        ? h(
            'div',
            { class: 'table-wrap' },
            h(
              'table',
              { class: 'data-table' },
              h('caption', null, t('conflict.caption')),
              h(
                'thead',
                null,
                h(
                  'tr',
                  null,
                  h('th', { scope: 'col' }, t('conflict.field')),
                  h('th', { scope: 'col' }, t('conflict.theirs')),
                  h('th', { scope: 'col' }, t('conflict.yours')),
                ),
              ),
              h('tbody', null, rows),
            ),
          )
        : h('p', null, t('conflict.sameValues')),
      h(
        'div',
        { class: 'button-row' },
        button(t('conflict.loadTheirs'), view.loadTheirs, { testid: 'conflict-load-theirs' }),
        button(
          t('conflict.reapply'),
          () => {
            view.reapply();
            replaceChildren(target, h('p', { class: 'message message-info', role: 'status' }, t('conflict.reapplied')));
          },
          { appearance: 'accent', testid: 'conflict-reapply' },
        ),
      ),
    ),
  );
  target.querySelector<HTMLElement>('h3')?.focus();
}
