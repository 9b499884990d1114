import { brusselsYear } from './budget-year';
import type { SynergyEntry } from './model';

/**
 * Where a budget year's report stands: `filed` when the register holds what a filed report printed (mentions read
 * back from it), `closed` when the register's own closing froze it (roll-over), `open` while nothing is frozen.
 */
export type ReportYearStatus = 'open' | 'closed' | 'filed';

export function reportYearStatus(entries: readonly Pick<SynergyEntry, 'mentions'>[], year: number): ReportYearStatus {
  const frozen = entries.flatMap((e) => e.mentions.filter((m) => m.reportYear === year));
  if (frozen.some((m) => !m.rolledOver)) return 'filed';
  return frozen.length ? 'closed' : 'open';
}

/**
 * Closing a year's report is offered for an open year that has begun (the past or the current Brussels calendar
 * year): a future year's report is still being written, a filed or closed one is frozen already.
 */
export function mayCloseYear(status: ReportYearStatus, year: number, now: Date): boolean {
  return status === 'open' && year <= brusselsYear(now);
}
