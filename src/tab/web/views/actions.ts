import type { Action } from '../../../domain/model';
import { ACTION_STATUSES, DOMAINS } from '../../../domain/vocabulary';
import type { Stored } from '../../../store/store';
import { ApiError } from '../api';
import type { AppContext } from '../context';
import { h, replaceChildren } from '../dom';
import { badge, button, errorBox, errorText, field, loading, selectOf } from '../ui';

export interface ActionFilters {
  open: boolean;
  overdue: boolean;
  mine: boolean;
  domain: string;
}

export const defaultActionFilters = (): ActionFilters => ({ open: true, overdue: false, mine: false, domain: '' });

/** "#/actions?open=1&overdue=0&mine=0&domain=ICT" ⇄ filters: a reload or a shared link keeps them. */
export function actionFiltersFromQuery(query: URLSearchParams): ActionFilters {
  const flag = (key: 'open' | 'overdue' | 'mine', fallback: boolean) => (query.has(key) ? query.get(key) === '1' : fallback);
  const defaults = defaultActionFilters();
  return { open: flag('open', defaults.open), overdue: flag('overdue', defaults.overdue), mine: flag('mine', defaults.mine), domain: query.get('domain') ?? '' };
}

export function actionsHash(filters: ActionFilters): string {
  const p = new URLSearchParams({ open: filters.open ? '1' : '0', overdue: filters.overdue ? '1' : '0', mine: filters.mine ? '1' : '0' });
  if (filters.domain) p.set('domain', filters.domain);
  return `#/actions?${p}`;
}

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * A table of actions with "mark done". The done call sends the eTag it showed: if someone changed the
 * action in between, the conflict is explained and the list reloaded, never overwritten.
 */
export function actionsTable(ctx: AppContext, actions: Stored<Action>[], reload: () => void, showEntry = true): HTMLElement {
  const today = todayIso();
  const feedback = h('div', { class: 'action-feedback', 'aria-live': 'polite' });
  const table = h(
    'table',
    { class: 'data-table stack-narrow', 'data-testid': 'actions-table' },
    h('caption', { class: 'visually-hidden' }, ctx.t('actions.caption')),
    h(
      'thead',
      null,
      h('tr', null, h('th', { scope: 'col' }, ctx.t('actions.action')), showEntry ? h('th', { scope: 'col' }, ctx.t('actions.entry')) : null, h('th', { scope: 'col' }, ctx.t('actions.owner')), h('th', { scope: 'col' }, ctx.t('actions.due')), h('th', { scope: 'col' }, ctx.t('actions.status')), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, ctx.t('actions.commands')))),
    ),
    h(
      'tbody',
      null,
      actions.map((a) => {
        const finished = a.status === 'done' || a.status === 'cancelled';
        const overdue = !finished && a.dueDate !== null && a.dueDate < today;
        const markDone = async (event: Event) => {
          const btn = event.currentTarget as HTMLElement;
          btn.setAttribute('disabled', '');
          try {
            await ctx.api.send('POST', `/actions/${encodeURIComponent(a.id)}/done`, undefined, a.etag);
            ctx.announce(ctx.t('actions.markedDone', { title: a.title }), 'success');
            reload();
          } catch (error) {
            btn.removeAttribute('disabled');
            if (error instanceof ApiError && error.status === 409) {
              const current = error.current as Stored<Action> | null;
              replaceChildren(
                feedback,
                h(
                  'div',
                  { class: 'message message-warning', role: 'alert', 'data-testid': 'action-conflict' },
                  h('strong', null, ctx.t('actions.conflictTitle')),
                  ' ',
                  current ? ctx.t('actions.conflictNow', { title: current.title, status: ctx.label(ACTION_STATUSES, current.status), owner: current.owner.name }) : '',
                  ' ',
                  button(ctx.t('common.reload'), reload),
                ),
              );
            } else {
              replaceChildren(feedback, h('div', { class: 'message message-error', role: 'alert' }, errorText(ctx, error)));
            }
          }
        };
        return h(
          'tr',
          { 'data-action-id': a.id },
          h('td', { class: 'action-title' }, a.title),
          showEntry ? h('td', { 'data-label': ctx.t('actions.entry') }, a.entryId ? h('a', { href: `#/entry/${encodeURIComponent(a.entryId)}` }, ctx.t('actions.openEntry', { id: a.entryId })) : '—') : null,
          h('td', { 'data-label': ctx.t('actions.owner') }, a.owner.name),
          h('td', { class: overdue ? 'due is-overdue' : 'due', 'data-label': ctx.t('actions.due') }, a.dueDate ? ctx.date(a.dueDate) : a.dueLabel ?? '—', overdue ? h('span', null, ' ', badge(ctx.t('actions.overdue'), 'danger')) : null),
          h('td', { 'data-testid': 'action-status', 'data-label': ctx.t('actions.status') }, ctx.label(ACTION_STATUSES, a.status), a.doneDate ? ` (${ctx.date(a.doneDate)})` : ''),
          h('td', null, finished || !ctx.can('edit') ? null : button(ctx.t('actions.markDone'), markDone, { ariaLabel: ctx.t('actions.markDoneOf', { title: a.title }), testid: 'mark-done' })),
        );
      }),
    ),
  );
  return h('div', { class: 'table-wrap' }, feedback, table);
}

/** Open, overdue and my actions, by domain, with mark done. */
export async function renderActions(ctx: AppContext, root: HTMLElement, filters: ActionFilters): Promise<void> {
  const results = h('div', { id: 'actions-results' });
  const summary = h('p', { class: 'summary', role: 'status', 'aria-live': 'polite' });
  const load = async () => {
    replaceChildren(results, loading(ctx));
    if (location.hash.startsWith('#/actions')) history.replaceState(null, '', actionsHash(filters));
    const p = new URLSearchParams();
    if (filters.open) p.set('open', 'true');
    if (filters.overdue) p.set('overdue', 'true');
    if (filters.mine) p.set('mine', 'true');
    if (filters.domain) p.set('domain', filters.domain);
    try {
      const { items } = await ctx.api.get<{ items: Stored<Action>[] }>(`/actions?${p}`);
      summary.textContent = ctx.plural('actions.found', items.length);
      replaceChildren(results, items.length ? actionsTable(ctx, items, () => void load()) : h('p', { class: 'empty' }, ctx.t('actions.none')));
    } catch (error) {
      replaceChildren(results, errorBox(ctx, error));
    }
  };
  const checkbox = (key: 'open' | 'overdue' | 'mine', label: string) => {
    const input = h('input', { type: 'checkbox', id: `action-filter-${key}`, checked: filters[key] });
    input.addEventListener('change', () => {
      filters[key] = input.checked;
      void load();
    });
    return h('div', { class: 'check' }, input, h('label', { for: input.id }, label));
  };
  const domain = selectOf(ctx, DOMAINS, filters.domain, { empty: ctx.t('filter.allDomains') });
  domain.addEventListener('change', () => {
    filters.domain = domain.value;
    void load();
  });
  replaceChildren(
    root,
    h('div', { class: 'view-header' }, h('h2', { id: 'view-title', tabindex: '-1' }, ctx.t('actions.title'))),
    h(
      'fieldset',
      { class: 'filters' },
      h('legend', null, ctx.t('filter.label')),
      checkbox('open', ctx.t('actions.onlyOpen')),
      checkbox('overdue', ctx.t('actions.onlyOverdue')),
      checkbox('mine', ctx.t('actions.onlyMine')),
      field(ctx.t('filter.domain'), domain, 'domain').wrapper,
    ),
    summary,
    results,
  );
  await load();
}
