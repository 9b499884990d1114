/// <reference types="office-js" />
import { comparable, parseUnitTag } from './fingerprint';
import { ANNEX_TAG } from './plan';
import type { DocPart } from './reconcile';

/** A part found in the document, with its content control for the write pass. */
export interface FoundPart extends DocPart {
  control: Word.ContentControl;
  tag: string;
}

/** What Refresh learns from the document before it writes anything. */
export interface AnnexSnapshot {
  /** annex controls in document order (the first is the one refreshed) */
  annexes: Array<{ control: Word.ContentControl; id: number; title: string }>;
  /** the parts inside the first annex, in document order */
  parts: FoundPart[];
  /** parts of an annex found outside every annex control (its frame was removed) */
  strayParts: number;
  inTable: boolean;
  /** another annex control inside the first one (one annex pasted into another) */
  annexInAnnex: boolean;
  /** the document's change-tracking mode; undefined when this Word cannot tell (before WordApi 1.4) */
  trackingMode?: string;
  syncs: number;
}

/**
 * Two reads, whatever the size of the annex: (1) every content control's id and tag, and the tracking mode;
 * (2) what lies inside the first annex, whether it sits in a table, and each part's text — with tracked
 * changes accepted where Word can say so (WordApi 1.4), so a refresh's own pending changes are not taken
 * for the clerk's edits. A document without an annex costs only the first.
 */
export async function readAnnex(context: Word.RequestContext, tracking: boolean, withParts = true): Promise<AnnexSnapshot> {
  const all = context.document.contentControls;
  all.load('items/id,items/tag,items/title');
  if (tracking) context.document.load('changeTrackingMode');
  await context.sync();
  const trackingMode = tracking ? context.document.changeTrackingMode : undefined;
  const annexes = all.items.filter((c) => c.tag === ANNEX_TAG).map((control) => ({ control, id: control.id, title: control.title }));
  const tagged = all.items.flatMap((control) => {
    const parsed = parseUnitTag(control.tag);
    return parsed ? [{ control, id: control.id, tag: control.tag, ...parsed }] : [];
  });
  if (annexes.length === 0 || !withParts)
    return { annexes, parts: [], strayParts: annexes.length ? 0 : tagged.length, inTable: false, annexInAnnex: false, trackingMode, syncs: 1 };

  const first = annexes[0].control;
  const inside = first.contentControls;
  inside.load('items/id,items/tag');
  const table = first.parentTableOrNullObject;
  table.load('isNullObject');
  const reviewed = tagged.map(({ control }) => {
    if (tracking) return control.getReviewedText('Current');
    control.load('text');
    return undefined;
  });
  await context.sync();

  const insideIds = new Set(inside.items.map((c) => c.id));
  const found = tagged.map((t, i) => ({ ...t, text: reviewed[i]?.value ?? t.control.text })).filter((p) => insideIds.has(p.id));
  return {
    annexes,
    parts: withoutPendingDeletions(found),
    strayParts: 0,
    inTable: !table.isNullObject,
    annexInAnnex: inside.items.some((c) => c.tag === ANNEX_TAG),
    trackingMode,
    syncs: 2,
  };
}

/**
 * A part an earlier tracked refresh replaced stays in the document, its text marked deleted, until the
 * clerk accepts the change: with the changes accepted its text is empty. When the same key also has a live
 * part, the emptied one is that pending deletion and is left out. The other way round, when the clerk
 * rejected the refresh's change, the new part is the emptied one: its fingerprint tells which register text
 * the clerk turned down.
 */
function withoutPendingDeletions(parts: FoundPart[]): FoundPart[] {
  const isEmpty = (p: FoundPart) => comparable(p.text) === '';
  const live = new Map<string, FoundPart>();
  for (const p of parts) if (!isEmpty(p) && !live.has(p.key)) live.set(p.key, p);
  for (const p of parts) {
    const kept = live.get(p.key);
    if (isEmpty(p) && kept && p.fingerprint !== kept.fingerprint) kept.rejected = p.fingerprint;
  }
  return parts.filter((p) => !isEmpty(p) || !live.has(p.key));
}
