import { AddinError, DocumentError } from './errors';
import type { AnnexSnapshot } from './read-annex';
import { labelOf, type RefreshOptions } from './refresh-report';

/** The documents Refresh will not touch without the clerk's say, checked before anything is written. */
export function refuseBadDocument(snapshot: AnnexSnapshot, options: RefreshOptions): void {
  if (snapshot.annexes.length === 0) {
    if (snapshot.strayParts > 0) {
      throw new DocumentError('annex_frame_missing', `The annex's content control was removed; ${snapshot.strayParts} of its parts remain`, {
        count: snapshot.strayParts,
      });
    }
    throw new AddinError('no_annex', 'This document has no synergy annex yet: use Insert first');
  }
  if (snapshot.inTable) throw new DocumentError('annex_in_table', 'The annex sits inside a table');
  if (options.onlyFirst) return;
  if (snapshot.annexInAnnex) throw new DocumentError('annex_in_annex', 'An annex was pasted inside the annex', { count: snapshot.annexes.length });
  if (snapshot.annexes.length > 1)
    throw new DocumentError('several_annexes', `The document holds ${snapshot.annexes.length} synergy annexes`, { count: snapshot.annexes.length });
  const seen = new Set<string>();
  const twice = snapshot.parts.filter((p) => seen.has(p.key) || !seen.add(p.key));
  if (twice.length) {
    throw new DocumentError('duplicate_parts', `${twice.length} parts of the annex appear more than once`, {
      count: twice.length,
      parts: twice.map((p) => ({ controlId: p.id, label: labelOf(p.text) })),
    });
  }
}
