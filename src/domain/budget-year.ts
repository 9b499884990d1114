import { localDate } from './brussels-time';

/**
 * The budget year a municipality is preparing: the year after today's calendar year in Brussels. At
 * 00:30 on 1 January in Brussels the new year has begun there while UTC still reads 31 December, so the
 * rule reads the Brussels calendar, never the UTC one. The annex screens of the tab and the Word pane
 * propose this year first, and the templates screen starts a new template at it.
 */
/** The calendar year in Brussels at that instant. */
export function brusselsYear(now: Date): number {
  return Number(localDate(now).slice(0, 4));
}

/** The budget year being prepared at that instant: the Brussels calendar year plus one. */
export function comingBudgetYear(now: Date): number {
  return brusselsYear(now) + 1;
}

/**
 * The year an annex screen proposes: the coming budget year when the list offers it, else the nearest
 * offered year (a register that only has older years proposes its newest).
 */
export function defaultAnnexYear(years: readonly number[], now: Date): number {
  const coming = comingBudgetYear(now);
  if (years.length === 0 || years.includes(coming)) return coming;
  return [...years].sort((a, b) => Math.abs(a - coming) - Math.abs(b - coming) || b - a)[0];
}
