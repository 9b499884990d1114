import { DOMAIN_CODES, type EntryFilter, filterEntries, inDomain, type SynergyEntry } from '../domain';
import { BULK_PAGE, type Collection, type FieldFilter, MAX_PAGE, SCAN_PAGE, type Stored, type Tally } from '../store';

/** A page of the register: the entries shown, how many the filter selects, and their spread. */
export interface EntryPage {
  total: number;
  offset: number;
  items: Stored<SynergyEntry>[];
  countsByDomain: Record<string, number>;
  countsByStatus: Record<string, number>;
}

export type Spread = Pick<EntryPage, 'countsByDomain' | 'countsByStatus'>;

/** How entries spread over domains and statuses; `countOf` says how many entries an item stands for (one by default). */
export function spreadOf<T extends { domain: string; status: string }>(items: Iterable<T>, countOf: (item: T) => number = () => 1): Spread {
  const countsByDomain: Record<string, number> = {};
  const countsByStatus: Record<string, number> = {};
  for (const item of items) {
    countsByDomain[item.domain] = (countsByDomain[item.domain] ?? 0) + countOf(item);
    countsByStatus[item.status] = (countsByStatus[item.status] ?? 0) + countOf(item);
  }
  return { countsByDomain, countsByStatus };
}

/** The filters a tally answers the counts of: by domain, status and start year, nothing else. */
export function tallyAnswers(filter: EntryFilter): boolean {
  return Object.entries(filter).every(([name, value]) => value === undefined || name === 'domain' || name === 'status' || name === 'year');
}

const rank = new Map<string, number>(DOMAIN_CODES.map((code, i) => [code, i]));

/**
 * A page of the register from the entries' tally: the counts come from it, the entries from the domains the page
 * covers, each read through its indexed column in creation order (report order is the domains in their order,
 * then creation order). On SharePoint the first page costs the tally's read and one or two `$top` reads, however
 * large the register. Undefined when the tally cannot say (a domain outside the list, or fewer entries found than
 * counted: then the tally is counted again and the caller reads the register itself).
 */
export async function pageFromTally(
  entries: Collection<SynergyEntry>,
  tally: Tally,
  filter: EntryFilter,
  offset: number,
  limit: number,
): Promise<EntryPage | undefined> {
  const rows = tally.rows.filter(
    ({ values }) =>
      (!filter.domain || inDomain(String(values.domain), filter.domain)) &&
      (!filter.status || values.status === filter.status) &&
      (filter.year === undefined || values.startYear === filter.year),
  );
  if (rows.some(({ values }) => !rank.has(String(values.domain)))) return undefined;
  const { countsByDomain, countsByStatus } = spreadOf(
    rows.map(({ values, count }) => ({ domain: String(values.domain), status: String(values.status), count })),
    (group) => group.count,
  );
  const total = Object.values(countsByDomain).reduce((n, c) => n + c, 0);
  const domains = Object.keys(countsByDomain).sort((a, b) => rank.get(a)! - rank.get(b)!);
  const keep =
    filter.status || filter.year !== undefined
      ? (e: Stored<SynergyEntry>) => (!filter.status || e.status === filter.status) && (filter.year === undefined || e.startYear === filter.year)
      : undefined;
  // a filter on status or start year: every entry it selects, read through that index, when that takes fewer
  // requests than reading the page's domains past the entries the filter leaves out
  const index = keep ? narrowestIndex(tally, filter) : undefined;
  if (index && Math.ceil(index.count / BULK_PAGE) <= domainReads(tally, countsByDomain, domains, offset, limit)) {
    return pageFromIndex(entries, index.where, filter, offset, limit, total);
  }
  const items: Stored<SynergyEntry>[] = [];
  for (const { domain, skip, taken } of windows(countsByDomain, domains, offset, limit)) {
    const found = await readDomain(entries, domain, keep, skip, taken);
    if (found.length < taken) {
      void entries.recount?.();
      return undefined;
    }
    items.push(...found);
  }
  return { total, offset, items, countsByDomain, countsByStatus };
}

type Where = { field: 'status' | 'startYear'; equals: string | number };

/** The indexed field of the filter that selects the fewest entries, with how many it selects (from the tally). */
function narrowestIndex(tally: Tally, filter: EntryFilter): { where: Where; count: number } | undefined {
  const options: Where[] = [];
  if (filter.status) options.push({ field: 'status', equals: filter.status });
  if (filter.year !== undefined) options.push({ field: 'startYear', equals: filter.year });
  const counted = options.map((where) => ({
    where,
    count: tally.rows.filter((r) => r.values[where.field] === where.equals).reduce((n, r) => n + r.count, 0),
  }));
  return counted.sort((a, b) => a.count - b.count)[0];
}

/**
 * What the page at `offset` takes of each domain, in report order: the entries it skips in that domain and how many
 * it takes after them (`selected` counts each domain's entries the filter selects).
 */
function* windows(selected: Record<string, number>, domains: readonly string[], offset: number, limit: number) {
  let skip = offset;
  let wanted = limit;
  for (const domain of domains) {
    if (wanted <= 0) return;
    if (skip >= selected[domain]) {
      skip -= selected[domain];
      continue;
    }
    const taken = Math.min(wanted, selected[domain] - skip);
    yield { domain, skip, taken };
    wanted -= taken;
    skip = 0;
  }
}

/** About how many requests reading the page's domains takes, each read going past the entries the filter leaves out. */
function domainReads(tally: Tally, selected: Record<string, number>, domains: readonly string[], offset: number, limit: number): number {
  let requests = 0;
  for (const { domain, skip, taken } of windows(selected, domains, offset, limit)) {
    const all = tally.rows.filter((r) => r.values.domain === domain).reduce((n, r) => n + r.count, 0);
    requests += Math.max(1, Math.ceil(((skip + taken) * all) / selected[domain] / SCAN_PAGE));
  }
  return requests;
}

/** The page from every entry the index selects, put in report order: its counts are the entries' own. */
async function pageFromIndex(
  entries: Collection<SynergyEntry>,
  where: Where,
  filter: EntryFilter,
  offset: number,
  limit: number,
  counted: number,
): Promise<EntryPage> {
  const all = filterEntries(await entries.list(where as FieldFilter<SynergyEntry>), filter);
  if (all.length !== counted) void entries.recount?.();
  return { total: all.length, offset, items: all.slice(offset, offset + limit), ...spreadOf(all) };
}

/** `wanted` entries of one domain after the first `skip` of them, in creation order. */
async function readDomain(
  entries: Collection<SynergyEntry>,
  domain: string,
  keep: ((e: Stored<SynergyEntry>) => boolean) | undefined,
  skip: number,
  wanted: number,
): Promise<Stored<SynergyEntry>[]> {
  const out: Stored<SynergyEntry>[] = [];
  let passed = 0;
  let after: string | undefined;
  do {
    const page = await entries.page({ where: { field: 'domain', equals: domain }, keep, top: Math.min(MAX_PAGE, skip - passed + wanted - out.length), after });
    for (const entry of page.items) {
      if (passed < skip) passed++;
      else if (out.length < wanted) out.push(entry);
    }
    after = page.next;
  } while (out.length < wanted && after !== undefined);
  return out;
}
