import type { SynergyEntry } from '../../../domain';
import { DOMAINS, STATUSES } from '../../../domain';
import type { Stored } from '../../../store';
import { isAbort } from '../api';
import type { AppContext } from '../context';
import { debounce, h, replaceChildren } from '../dom';
import { badge, button, errorBox, field, linkButton, loading, localized, selectOf } from '../ui';

export interface RegisterFilters {
  domain: string;
  status: string;
  year: string;
  focusGroupId: string;
  party: string;
  q: string;
  page: number;
}

export const emptyFilters = (): RegisterFilters => ({ domain: '', status: '', year: '', focusGroupId: '', party: '', q: '', page: 0 });

interface EntriesPage {
  total: number;
  offset: number;
  items: Stored<SynergyEntry>[];
  countsByDomain: Record<string, number>;
  countsByStatus: Record<string, number>;
}

export const PAGE_SIZE = 50;

const TEXT_FILTERS = ['domain', 'status', 'year', 'focusGroupId', 'party', 'q'] as const;

/** The filters a link carries ("#/register?domain=ICT&q=laptops&page=2"): a reload or a shared link keeps them. */
export function filtersFromQuery(query: URLSearchParams): RegisterFilters {
  const filters = emptyFilters();
  for (const key of TEXT_FILTERS) filters[key] = query.get(key) ?? '';
  filters.page = Math.max(0, (Number(query.get('page')) || 1) - 1);
  return filters;
}

/** The view's address for its filters (only those set; the page from 1). */
export function registerHash(filters: RegisterFilters): string {
  const p = new URLSearchParams();
  for (const key of TEXT_FILTERS) if (filters[key].trim()) p.set(key, filters[key].trim());
  if (filters.page > 0) p.set('page', String(filters.page + 1));
  const query = p.toString();
  return query ? `#/register?${query}` : '#/register';
}

export function queryOf(filters: RegisterFilters): string {
  const p = new URLSearchParams();
  if (filters.domain) p.set('domain', filters.domain);
  if (filters.status) p.set('status', filters.status);
  if (/^\d{4}$/.test(filters.year.trim())) p.set('year', filters.year.trim());
  if (filters.focusGroupId) p.set('focusGroupId', filters.focusGroupId);
  if (filters.party.trim()) p.set('party', filters.party.trim());
  if (filters.q.trim()) p.set('q', filters.q.trim());
  p.set('offset', String(filters.page * PAGE_SIZE));
  p.set('limit', String(PAGE_SIZE));
  return p.toString();
}

const STATUS_KIND: Record<string, string> = {
  new: 'accent',
  existing: 'neutral',
  in_progress: 'info',
  decided: 'info',
  completed: 'success',
  proposed: 'warning',
  under_study: 'warning',
  rejected: 'muted',
  stopped: 'muted',
};

/**
 * The register grouped by domain, with filters and counts. Paginated on the server (offset/limit), so
 * 5 000 entries render one page at a time; the free-text and party filters are debounced and a newer
 * query aborts the older one.
 */
export function renderRegister(ctx: AppContext, root: HTMLElement, filters: RegisterFilters): void {
  const results = h('div', { class: 'results', id: 'register-results' });
  const summary = h('p', { class: 'summary', role: 'status', 'aria-live': 'polite', id: 'register-summary' });
  const statusCounts = h('ul', { class: 'status-counts', 'aria-label': ctx.t('register.countsByStatus') });
  let controller: AbortController | undefined;

  const load = async () => {
    controller?.abort();
    performance.mark('synergy:register-query');
    const mine = (controller = new AbortController());
    root.querySelector('.results')?.setAttribute('aria-busy', 'true');
    if (!results.firstChild) replaceChildren(results, loading(ctx));
    if (/^#\/register\b|^#?\/?$/.test(location.hash)) history.replaceState(null, '', registerHash(filters));
    try {
      const page = await ctx.api.get<EntriesPage>(`/entries?${queryOf(filters)}`, mine.signal);
      if (mine !== controller) return;
      performance.mark('synergy:register-data');
      if (page.total > 0 && page.items.length === 0 && filters.page > 0) {
        filters.page = Math.max(0, Math.ceil(page.total / PAGE_SIZE) - 1);
        return void load();
      }
      show(page);
      // read by `npm run bench` (tab timings): the page is in the DOM
      performance.mark('synergy:register-shown');
    } catch (error) {
      if (isAbort(error)) return;
      replaceChildren(results, errorBox(ctx, error));
      summary.textContent = '';
    } finally {
      if (mine === controller) results.removeAttribute('aria-busy');
    }
  };
  const reload = () => {
    filters.page = 0;
    void load();
  };
  const reloadDebounced = debounce(reload, 250);

  const show = (page: EntriesPage) => {
    summary.textContent = ctx.plural('register.found', page.total);
    replaceChildren(
      statusCounts,
      Object.keys(STATUSES)
        .filter((s) => page.countsByStatus[s])
        .map((s) => h('li', null, badge(`${ctx.label(STATUSES, s)}: ${ctx.number(page.countsByStatus[s])}`, STATUS_KIND[s]))),
    );
    if (page.items.length === 0) {
      replaceChildren(results, h('p', { class: 'empty' }, ctx.t('register.empty')));
      return;
    }
    const groups = new Map<string, Stored<SynergyEntry>[]>();
    for (const e of page.items) {
      const list = groups.get(e.domain) ?? [];
      list.push(e);
      groups.set(e.domain, list);
    }
    const pages = Math.max(1, Math.ceil(page.total / PAGE_SIZE));
    const pager =
      pages > 1
        ? h(
            'nav',
            { class: 'pager', 'aria-label': ctx.t('register.pages') },
            button(
              ctx.t('register.previous'),
              () => {
                filters.page--;
                void load();
                root.querySelector<HTMLElement>('#register-summary')?.focus();
              },
              { testid: 'page-previous' },
            ),
            h('span', { class: 'pager-position' }, ctx.t('register.pageOf', { page: ctx.number(filters.page + 1), pages: ctx.number(pages) })),
            button(
              ctx.t('register.next'),
              () => {
                filters.page++;
                void load();
              },
              { testid: 'page-next' },
            ),
          )
        : null;
    if (pager) {
      const [prev, , next] = Array.from(pager.children) as HTMLElement[];
      if (filters.page === 0) prev.setAttribute('disabled', '');
      if (filters.page >= pages - 1) next.setAttribute('disabled', '');
    }
    replaceChildren(
      results,
      [...groups].map(([domain, entries]) => {
        const headingId = `domain-${domain.replace(/\W/g, '-')}`;
        return h(
          'section',
          { class: 'domain-group', 'aria-labelledby': headingId, 'data-domain': domain },
          h(
            'h3',
            { id: headingId },
            ctx.label(DOMAINS, domain),
            ' ',
            h('span', { class: 'count' }, `(${ctx.number(page.countsByDomain[domain] ?? entries.length)})`),
          ),
          h(
            'ul',
            { class: 'entry-list' },
            entries.map((e) => entryRow(ctx, e)),
          ),
        );
      }),
      pager,
    );
  };

  const domain = selectOf(ctx, DOMAINS, filters.domain, { empty: ctx.t('filter.allDomains') });
  domain.addEventListener('change', () => {
    filters.domain = domain.value;
    reload();
  });
  const status = selectOf(ctx, STATUSES, filters.status, { empty: ctx.t('filter.allStatuses') });
  status.addEventListener('change', () => {
    filters.status = status.value;
    reload();
  });
  const year = h('input', { type: 'number', inputmode: 'numeric', min: 1976, max: 2100, value: filters.year, placeholder: ctx.t('filter.anyYear') });
  year.addEventListener('input', () => {
    filters.year = year.value;
    reloadDebounced();
  });
  const focusGroup = h(
    'select',
    null,
    h('option', { value: '' }, ctx.t('filter.allFocusGroups')),
    ctx.focusGroups.map((g) => h('option', { value: g.id, selected: g.id === filters.focusGroupId }, ctx.text(g.name).text)),
  );
  focusGroup.addEventListener('change', () => {
    filters.focusGroupId = focusGroup.value;
    reload();
  });
  const party = h('input', { type: 'text', value: filters.party, autocomplete: 'off' });
  party.addEventListener('input', () => {
    filters.party = party.value;
    reloadDebounced();
  });
  const q = h('input', { type: 'search', value: filters.q, autocomplete: 'off' });
  q.addEventListener('input', () => {
    filters.q = q.value;
    reloadDebounced();
  });

  const bound = ctx.boundFocusGroupId ? ctx.focusGroups.find((g) => g.id === ctx.boundFocusGroupId) : undefined;
  replaceChildren(
    root,
    h(
      'div',
      { class: 'view-header' },
      h('h2', { id: 'view-title', tabindex: '-1' }, ctx.t('register.title')),
      ctx.can('edit') ? linkButton(ctx.t('register.new'), '#/new', { 'data-testid': 'new-entry' }) : null,
    ),
    bound
      ? h('p', { class: 'message message-info', 'data-testid': 'channel-filter' }, ctx.t('register.channelFilter', { name: ctx.text(bound.name).text }))
      : null,
    h(
      'form',
      {
        class: 'filters',
        role: 'search',
        'aria-label': ctx.t('filter.label'),
        on: {
          submit: (e: Event) => {
            e.preventDefault();
            reload();
          },
        },
      },
      field(ctx.t('filter.text'), q, 'q').wrapper,
      field(ctx.t('filter.domain'), domain, 'domain').wrapper,
      field(ctx.t('filter.status'), status, 'status').wrapper,
      field(ctx.t('filter.year'), year, 'year').wrapper,
      field(ctx.t('filter.focusGroup'), focusGroup, 'focusGroupId').wrapper,
      field(ctx.t('filter.party'), party, 'party').wrapper,
      h(
        'div',
        { class: 'filter-actions' },
        button(
          ctx.t('filter.clear'),
          () => {
            Object.assign(filters, emptyFilters());
            renderRegister(ctx, root, filters);
          },
          { testid: 'clear-filters' },
        ),
      ),
    ),
    summary,
    statusCounts,
    results,
  );
  void load();
}

function entryRow(ctx: AppContext, e: Stored<SynergyEntry>): HTMLElement {
  const benefit = e.financialBenefit?.amountEur;
  return h(
    'li',
    { class: 'entry-row', 'data-entry-id': e.id },
    h('a', { href: `#/entry/${encodeURIComponent(e.id)}`, class: `entry-title${e.status === 'new' ? ' is-new' : ''}` }, localized(ctx, e.title)),
    h(
      'div',
      { class: 'entry-meta' },
      badge(ctx.label(STATUSES, e.status), STATUS_KIND[e.status]),
      e.startYear ? h('span', null, ctx.t('entry.since', { year: String(e.startYear) })) : null,
      e.parties.length ? h('span', null, e.parties.join(', ')) : null,
      typeof benefit === 'number' ? h('span', { class: 'amount' }, ctx.euro(benefit)) : null,
    ),
  );
}
