import type { ProposalChanges } from '../../../import';
import type { ImportProposal } from '../../../import';

/**
 * What the review screen sends back: only the clerk's decisions against the proposal the server keeps (the order of
 * the measures by key, the fields changed on each, the measures added by a split, the template's changes), so a
 * report of thousands of measures is confirmed without resending it whole.
 */

/** The changes that turn `original` into `current`: what the review screen sends. */
export function changesBetween(original: ImportProposal, current: ImportProposal): ProposalChanges {
  const before = new Map(original.entries.map((e) => [e.key, e]));
  const entries: Record<string, Record<string, unknown>> = {};
  const added: Array<Record<string, unknown>> = [];
  for (const entry of current.entries) {
    const was = before.get(entry.key);
    if (!was) {
      added.push({ ...entry });
      continue;
    }
    const changed = Object.fromEntries(
      Object.entries(entry).filter(([field, value]) => JSON.stringify(value) !== JSON.stringify((was as Record<string, unknown>)[field])),
    );
    if (Object.keys(changed).length) entries[entry.key] = changed;
  }
  const template = Object.fromEntries(
    Object.entries(current.template).filter(
      ([field, value]) => JSON.stringify(value) !== JSON.stringify((original.template as Record<string, unknown>)[field]),
    ),
  );
  return {
    importId: current.importId,
    order: current.entries.map((e) => e.key),
    entries,
    added,
    year: current.year,
    templateAction: current.templateAction,
    ...(Object.keys(template).length ? { template } : {}),
    meetings: current.meetings,
  };
}
