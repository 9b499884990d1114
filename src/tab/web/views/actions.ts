import type { Action, SynergyEntry } from '../../../domain';
import { ACTION_STATUSES, DOMAINS } from '../../../domain';
import type { Stored } from '../../../store';
import { type ActionRefinement, noRefinement, refineActions, refinementChoices } from '../action-filters';
import type { AppContext } from '../context';
import { debounce, h, replaceChildren } from '../dom';
import { errorBox, field, linkButton, loading, selectOf } from '../ui';
import { actionsTable } from './actions-table';

export { actionsTable } from './actions-table';

export interface ActionFilters extends ActionRefinement {
  open: boolean;
  overdue: boolean;
  mine: boolean;
  domain: string;
}

export const defaultActionFilters = (): ActionFilters => ({ open: true, overdue: false, mine: false, domain: '', ...noRefinement() });

const TEXT_KEYS = ['domain', 'owner', 'department', 'status', 'q'] as const;

/** "#/actions?open=1&overdue=0&mine=0&domain=ICT&department=financien&sort=desc" ⇄ filters: a reload or a shared link keeps them. */
export function actionFiltersFromQuery(query: URLSearchParams): ActionFilters {
  const flag = (key: 'open' | 'overdue' | 'mine', fallback: boolean) => (query.has(key) ? query.get(key) === '1' : fallback);
  const defaults = defaultActionFilters();
  const out: ActionFilters = { ...defaults, open: flag('open', defaults.open), overdue: flag('overdue', defaults.overdue), mine: flag('mine', defaults.mine) };
  for (const k of TEXT_KEYS) out[k] = query.get(k) ?? '';
  out.sort = query.get('sort') === 'desc' ? 'desc' : 'asc';
  return out;
}

export function actionsHash(filters: ActionFilters): string {
  const p = new URLSearchParams({ open: filters.open ? '1' : '0', overdue: filters.overdue ? '1' : '0', mine: filters.mine ? '1' : '0' });
  for (const k of TEXT_KEYS) if (filters[k]) p.set(k, filters[k]);
  if (filters.sort === 'desc') p.set('sort', 'desc');
  return `#/actions?${p}`;
}

/**
 * Open, overdue and my actions (asked of the API), narrowed in the page by owner, department, domain,
 * status and words, sorted by due date; each with mark done and edit, and a button to add one.
 */
export async function renderActions(ctx: AppContext, root: HTMLElement, filters: ActionFilters): Promise<void> {
  const results = h('div', { id: 'actions-results' });
  const summary = h('p', { class: 'summary', role: 'status', 'aria-live': 'polite' });
  const owner = h('select', { 'data-testid': 'filter-owner' });
  const department = h('select', { 'data-testid': 'filter-department' });
  let entries = new Map<string, Stored<SynergyEntry>>();
  const entryOf = (id: string) => entries.get(id);
  const options = (select: HTMLSelectElement, empty: string, choices: Array<{ key: string; label: string }>, value: string) => {
    const known = choices.some((c) => c.key === value);
    replaceChildren(
      select,
      h('option', { value: '' }, empty),
      choices.map((c) => h('option', { value: c.key, selected: c.key === value }, c.label)),
      value && !known ? h('option', { value, selected: true }, value) : null,
    );
  };
  let fetched: Stored<Action>[] = [];
  const show = () => {
    if (location.hash.startsWith('#/actions')) history.replaceState(null, '', actionsHash(filters));
    const shown = refineActions(fetched, filters, entryOf);
    summary.textContent = ctx.plural('actions.found', shown.length);
    replaceChildren(results, shown.length ? actionsTable(ctx, shown, () => void load(), entryOf) : h('p', { class: 'empty' }, ctx.t('actions.none')));
  };
  const load = async () => {
    replaceChildren(results, loading(ctx));
    const p = new URLSearchParams();
    if (filters.open) p.set('open', 'true');
    if (filters.overdue) p.set('overdue', 'true');
    if (filters.mine) p.set('mine', 'true');
    if (filters.domain) p.set('domain', filters.domain);
    try {
      const [{ items }, { items: list }] = await Promise.all([
        ctx.api.get<{ items: Stored<Action>[] }>(`/actions?${p}`),
        ctx.api.get<{ items: Stored<SynergyEntry>[] }>('/entries'),
      ]);
      fetched = items;
      entries = new Map(list.map((e) => [e.id, e]));
      const choices = refinementChoices(items, entryOf, (v) => ctx.text(v).text);
      options(owner, ctx.t('actions.allOwners'), choices.owners, filters.owner);
      options(department, ctx.t('actions.allDepartments'), choices.departments, filters.department);
      show();
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
  const status = selectOf(ctx, ACTION_STATUSES, filters.status, { empty: ctx.t('actions.allStatuses') });
  const sort = h(
    'select',
    null,
    h('option', { value: 'asc', selected: filters.sort === 'asc' }, ctx.t('actions.sortAsc')),
    h('option', { value: 'desc', selected: filters.sort === 'desc' }, ctx.t('actions.sortDesc')),
  );
  const search = h('input', { type: 'search', value: filters.q, autocomplete: 'off' });
  const refine = () => {
    Object.assign(filters, {
      owner: owner.value,
      department: department.value,
      status: status.value,
      sort: sort.value === 'desc' ? 'desc' : 'asc',
      q: search.value,
    });
    show();
  };
  for (const select of [owner, department, status, sort]) select.addEventListener('change', refine);
  search.addEventListener('input', debounce(refine, 200));
  replaceChildren(
    root,
    h(
      'div',
      { class: 'view-header' },
      h('h2', { id: 'view-title', tabindex: '-1' }, ctx.t('actions.title')),
      ctx.can('edit') ? linkButton(ctx.t('actionForm.add'), '#/actions/new', { 'data-testid': 'new-action' }) : null,
    ),
    h(
      'fieldset',
      { class: 'filters' },
      h('legend', null, ctx.t('filter.label')),
      checkbox('open', ctx.t('actions.onlyOpen')),
      checkbox('overdue', ctx.t('actions.onlyOverdue')),
      checkbox('mine', ctx.t('actions.onlyMine')),
      field(ctx.t('actions.search'), search, 'q').wrapper,
      field(ctx.t('actions.owner'), owner, 'owner').wrapper,
      field(ctx.t('actions.department'), department, 'department').wrapper,
      field(ctx.t('filter.domain'), domain, 'domain').wrapper,
      field(ctx.t('actions.status'), status, 'status').wrapper,
      field(ctx.t('actions.sort'), sort, 'sort').wrapper,
    ),
    summary,
    results,
  );
  await load();
}
