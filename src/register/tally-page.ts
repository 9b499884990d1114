import { DOMAIN_CODES, type EntryFilter, inDomain, type SynergyEntry } from '../domain';
import { type Collection, MAX_PAGE, type Stored, type Tally } from '../store';

/** A page of the register: the entries shown, how many the filter selects, and their spread. */
export interface EntryPage {
  total: number;
  offset: number;
  items: Stored<SynergyEntry>[];
  countsByDomain: Record<string, number>;
  countsByStatus: Record<string, number>;
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
  const countsByDomain: Record<string, number> = {};
  const countsByStatus: Record<string, number> = {};
  for (const { values, count } of rows) {
    countsByDomain[String(values.domain)] = (countsByDomain[String(values.domain)] ?? 0) + count;
    countsByStatus[String(values.status)] = (countsByStatus[String(values.status)] ?? 0) + count;
  }
  const total = Object.values(countsByDomain).reduce((n, c) => n + c, 0);
  const domains = Object.keys(countsByDomain).sort((a, b) => rank.get(a)! - rank.get(b)!);
  const keep =
    filter.status || filter.year !== undefined
      ? (e: Stored<SynergyEntry>) => (!filter.status || e.status === filter.status) && (filter.year === undefined || e.startYear === filter.year)
      : undefined;
  const items: Stored<SynergyEntry>[] = [];
  let skip = offset;
  for (const domain of domains) {
    if (items.length >= limit) break;
    const counted = countsByDomain[domain];
    if (skip >= counted) {
      skip -= counted;
      continue;
    }
    const wanted = Math.min(limit - items.length, counted - skip);
    const found = await readDomain(entries, domain, keep, skip, wanted);
    if (found.length < wanted) {
      void entries.recount?.();
      return undefined;
    }
    items.push(...found);
    skip = 0;
  }
  return { total, offset, items, countsByDomain, countsByStatus };
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
