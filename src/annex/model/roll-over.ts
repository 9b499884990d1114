import type { Mention, SynergyEntry } from '../../domain';
import { mentionIn } from '../../domain';
import { placementOf, type YearRules } from './placement';

type WithId<T> = T & { id: string };

/**
 * Year roll-over for one entry: freezes how it stands in `rules.year`'s report (the annex's own year rules: nothing
 * that started later or ended earlier, italics for what is new) and moves it on: "new" becomes "existing".
 * Returns undefined when the year is already frozen for this entry, or the entry is not of that year's report.
 */
export function rollOverEntry<E extends WithId<SynergyEntry>>(entry: E, rules: YearRules): E | undefined {
  if (mentionIn(entry, rules.year)) return undefined;
  const placed = placementOf(entry, rules);
  if (!placed || !('placement' in placed)) return undefined;
  const { status, italic } = placed.placement;
  const frozen: Mention = { reportYear: rules.year, status, italic, listed: true, ...(entry.section ? { section: entry.section } : {}), rolledOver: true };
  return {
    ...entry,
    mentions: [...entry.mentions, frozen].sort((a, b) => a.reportYear - b.reportYear),
    status: entry.status === 'new' ? 'existing' : entry.status,
  };
}
