import type { AnnualReport, LocalizedText, Mention, SynergyEntry } from '../../domain';
import type { Lifecycle } from '../../domain';
import { CLOSED_STATUSES, type EntryStatus, PROPOSAL_STATUSES } from '../../domain';

/**
 * The year rules of the annex: which measures a budget year's report holds and how.
 * - A year some entry has a frozen mention for (rolled over) is closed: it shows exactly its mentions.
 * - Any other year is derived from the entries: never a measure that started later or ended earlier;
 *   a stopped (or rejected) measure appears once, in the stopped part of its end year.
 * - "New" (italics) means not running in the previous year's report; when there is no previous report
 *   (no mention and no template for that year), started in the year before or later.
 */

export type WithId<T> = T & { id: string };

export interface Placement {
  entry: WithId<SynergyEntry>;
  lifecycle: Lifecycle;
  status: EntryStatus;
  italic: boolean;
  /** the section the report printed it under (a mention's) or the entry's own `section`: wins over gathering */
  section?: string;
  textOverride?: LocalizedText;
  /** frozen: the year's report was rolled over or imported; it printed what its mention says, nothing more */
  frozen: boolean;
}

/** Why an entry of the year is not in the annex's lists; the pane lists these with a link to fix them. */
export type UnplacedReason = 'no_end_year' | 'no_section';

export interface YearRules {
  year: number;
  /** years with frozen mentions */
  closedYears: ReadonlySet<number>;
  /** years that have a report: a frozen one or a template */
  reportYears: ReadonlySet<number>;
}

export function yearRulesOf(entries: readonly SynergyEntry[], templates: readonly Pick<AnnualReport, 'budgetYear'>[], year: number): YearRules {
  const closedYears = new Set<number>();
  for (const e of entries) for (const m of e.mentions) closedYears.add(m.reportYear);
  const reportYears = new Set<number>([...closedYears, ...templates.map((t) => t.budgetYear)]);
  return { year, closedYears, reportYears };
}

/**
 * The rules for closing a year, or undefined when its report is closed already: frozen by a filed report (imported).
 * A year only the roll-over froze part of (cut short) is derived again from the entries, so that the roll-over resumes.
 */
export function rulesForClosing(entries: readonly SynergyEntry[], templates: readonly Pick<AnnualReport, 'budgetYear'>[], year: number): YearRules | undefined {
  const frozen = entries.flatMap((e) => e.mentions.filter((m) => m.reportYear === year));
  if (frozen.some((m) => !m.rolledOver)) return undefined;
  const rules = yearRulesOf(entries, templates, year);
  return { ...rules, closedYears: new Set([...rules.closedYears].filter((y) => y !== year)) };
}

export function lifecycleOf(status: EntryStatus): Lifecycle {
  if (CLOSED_STATUSES.includes(status)) return 'stopped';
  if (PROPOSAL_STATUSES.includes(status)) return 'proposals';
  return 'running';
}

function firstYearOf(entry: SynergyEntry): number | null {
  if (entry.startYear !== null) return entry.startYear;
  return entry.mentions.length ? Math.min(...entry.mentions.map((m) => m.reportYear)) : null;
}

type Derived = { lifecycle: Lifecycle; status: EntryStatus } | { unplaced: 'no_end_year' } | undefined;

/** The entry's lifecycle in a year without frozen mentions, from its start, end and current status. */
function derived(entry: SynergyEntry, year: number): Derived {
  const first = firstYearOf(entry);
  if (first !== null && first > year) return undefined;
  if (entry.endYear !== null && entry.endYear < year) return undefined;
  if (CLOSED_STATUSES.includes(entry.status)) {
    if (entry.endYear === null) return { unplaced: 'no_end_year' };
    if (entry.endYear === year) return { lifecycle: 'stopped', status: entry.status };
    return { lifecycle: 'running', status: 'existing' };
  }
  return { lifecycle: lifecycleOf(entry.status), status: entry.status };
}

function fromMention(entry: WithId<SynergyEntry>, mention: Mention): Placement | undefined {
  if (mention.listed === false) return undefined;
  return {
    entry,
    lifecycle: lifecycleOf(mention.status),
    status: mention.status,
    italic: mention.italic,
    frozen: true,
    ...(mention.section ? { section: mention.section } : {}),
    ...(mention.textOverride ? { textOverride: mention.textOverride } : {}),
  };
}

function runningIn(entry: WithId<SynergyEntry>, year: number, rules: YearRules): boolean {
  if (rules.closedYears.has(year)) {
    const mention = entry.mentions.find((m) => m.reportYear === year);
    return mention !== undefined && mention.listed !== false && lifecycleOf(mention.status) === 'running';
  }
  // a measure the clerk marks "new" without a start year is new now, not a survivor of an earlier report
  if (entry.startYear === null && entry.status === 'new') return false;
  const d = derived(entry, year);
  return d !== undefined && 'lifecycle' in d && d.lifecycle === 'running';
}

function isNew(entry: WithId<SynergyEntry>, rules: YearRules): boolean {
  const previous = rules.year - 1;
  if (rules.reportYears.has(previous)) return !runningIn(entry, previous, rules);
  return entry.startYear !== null ? entry.startYear >= previous : entry.status === 'new';
}

export type PlacementResult = { placement: Placement } | { unplaced: UnplacedReason } | undefined;

/** Where an entry stands in the report of `rules.year`, or why it cannot be placed, or undefined when it is not of that year. */
export function placementOf(entry: WithId<SynergyEntry>, rules: YearRules): PlacementResult {
  const { year } = rules;
  if (rules.closedYears.has(year)) {
    const mention = entry.mentions.find((m) => m.reportYear === year);
    const placement = mention && fromMention(entry, mention);
    return placement ? { placement } : undefined;
  }
  const d = derived(entry, year);
  if (!d) return undefined;
  if ('unplaced' in d) return { unplaced: d.unplaced };
  return {
    placement: {
      entry,
      lifecycle: d.lifecycle,
      status: d.status,
      italic: d.lifecycle === 'running' && isNew(entry, rules),
      frozen: false,
      ...(entry.section ? { section: entry.section } : {}),
    },
  };
}
