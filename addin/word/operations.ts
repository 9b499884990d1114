/// <reference types="office-js" />
import { AddinError, DocumentError } from './errors';
import { unitTag } from './fingerprint';
import { appendParts, dressAnnex, placePart, withTracking, writeItem } from './parts';
import { ANNEX_TAG, DETACHED_ANNEX_TAG, planItems, type PlannedItem, type PlannedUnit, type UnitKind, type WordPlan } from './plan';
import { type AnnexSnapshot, readAnnex } from './read-annex';
import { type Outcome, reconcile } from './reconcile';

export * from './errors';

/**
 * Insert and Refresh against Word: every read and write of a run is queued and sent in a fixed number of
 * context.sync calls, whatever the size of the annex (Insert 2, Refresh 3).
 */

export interface WriteResult {
  syncs: number;
  /** paragraphs and tables written */
  items: number;
}

/**
 * Sends the writes. Should Word refuse the batch part way, the clerk's tracking mode is put back (Word ran
 * the batch up to the refused operation, the mode change included) before the error goes up.
 */
async function syncWrites(context: Word.RequestContext, trackingMode: string | undefined): Promise<void> {
  try {
    await context.sync();
  } catch (error) {
    if (trackingMode !== undefined) {
      context.document.changeTrackingMode = trackingMode as Word.ChangeTrackingMode;
      await context.sync().catch(() => undefined);
    }
    throw error;
  }
}

const OUR_TAGS = (tag: string) => tag === ANNEX_TAG || tag === DETACHED_ANNEX_TAG || tag.startsWith('sr/');

/** The controls tagged `tag` already there, the cursor and the content control around it: one context.sync. */
async function placeOfInsert(context: Word.RequestContext, tag: string) {
  const existing = context.document.contentControls.getByTag(tag);
  existing.load('items/id');
  const selection = context.document.getSelection();
  const around = selection.parentContentControlOrNullObject;
  around.load('tag');
  await context.sync();
  return { existing, selection, around };
}

/**
 * Insert: puts the annex after the paragraph holding the cursor, in a content control tagged
 * "synergy-register-annex", one content control per part inside it. Refuses a second annex (Refresh is the
 * way to update one) unless `afresh`: then the annexes already there are set aside (untagged as annexes,
 * their text left for the clerk) and a new one is inserted. Two context.sync calls.
 */
export async function insertAnnex(
  context: Word.RequestContext,
  plan: WordPlan,
  options: { afresh?: boolean } = {},
): Promise<WriteResult & { parts: number; present: string[] }> {
  const { existing, selection, around } = await placeOfInsert(context, ANNEX_TAG);
  if (existing.items.length > 0 && !options.afresh) {
    throw new AddinError('already_present', 'This document already holds the synergy annex: use Refresh to update it');
  }
  if (!around.isNullObject && OUR_TAGS(around.tag)) {
    throw new DocumentError('cursor_in_annex', 'The cursor is inside the synergy annex: put it where the new annex goes, outside the annex');
  }
  for (const old of existing.items) old.tag = DETACHED_ANNEX_TAG;
  const annex = selection.insertParagraph('', 'After').insertContentControl();
  dressAnnex(annex, plan);
  appendParts(annex, plan);
  await context.sync();
  return { syncs: 2, items: planItems(plan).length, parts: plan.units.length, present: plan.units.map((u) => u.key) };
}

/**
 * Puts `items` (e.g. the "what changed" section) in a content control tagged `tag`: the first control with
 * that tag gets them instead of what it held, else a new control goes after the paragraph holding the cursor,
 * never inside one of ours. Two context.sync calls.
 */
export async function insertBlocks(
  context: Word.RequestContext,
  tag: string,
  title: string,
  items: readonly PlannedItem[],
): Promise<WriteResult & { replaced: boolean }> {
  const { existing, selection, around } = await placeOfInsert(context, tag);
  const [target] = existing.items;
  if (!target && !around.isNullObject && (OUR_TAGS(around.tag) || around.tag === tag)) {
    throw new DocumentError('cursor_in_annex', 'The cursor is inside a part the register wrote: put it where the new text goes, outside it');
  }
  const control = target ?? selection.insertParagraph('', 'After').insertContentControl();
  if (target) control.clear();
  Object.assign(control, { tag, title, appearance: 'BoundingBox' });
  for (const item of items) writeItem(control, item);
  await context.sync();
  return { syncs: 2, items: items.length, replaced: Boolean(target) };
}

export interface RefreshOptions {
  /** make the refresh's edits tracked changes (Word with WordApi 1.4); the clerk's mode is restored after */
  track: boolean;
  /** the clerk's answer to a document with several annexes or duplicated parts: refresh the first of each */
  onlyFirst?: boolean;
  /** the clerk's answer when Word cannot read the parts: rewrite the whole annex, as before parts existed */
  whole?: boolean;
  /** this Word reads and sets change tracking (WordApi 1.4) */
  tracking: boolean;
  /** the parts' keys after the last insert or refresh (kept with the document): tells a part the clerk deleted */
  present?: readonly string[];
  /** parts the clerk deleted and now wants back */
  reinsert?: readonly string[];
}

/** One line of the refresh summary: what happened to a part, and the content control that selects it. */
export interface ReportedPart {
  outcome: Outcome;
  key: string;
  kind: UnitKind | 'unknown';
  label: string;
  /** the part's content control now (none for a removed part) */
  controlId?: number;
  /** the part's tag when the refresh saw it: a later action checks the part is still as the summary shows */
  tag?: string;
  /** conflicts and orphans: the document's text and (conflicts) the register's */
  mine?: string;
  register?: string;
  /** conflicts: the register's part, to write if the clerk takes it */
  unit?: PlannedUnit;
}

export interface RefreshReport extends WriteResult {
  mode: 'parts' | 'whole';
  /** the parts' keys in the annex now, and those the clerk deleted: kept with the document for the next refresh */
  present: string[];
  /** why the whole annex was rewritten: an annex from before parts existed, or the clerk asked */
  reason?: 'no_parts' | 'asked';
  tracked: 'on' | 'off' | 'unavailable';
  counts: Record<Outcome, number>;
  /** every part but the unchanged ones, in document order */
  parts: ReportedPart[];
}

const LABEL_LENGTH = 90;
const labelOf = (text: string) => {
  const line =
    text
      .split(/[\r\n]/)
      .map((l) => l.trim())
      .find(Boolean) ?? '';
  return line.length > LABEL_LENGTH ? `${line.slice(0, LABEL_LENGTH - 1)}…` : line;
};
const kindOf = (key: string): UnitKind | 'unknown' => {
  const prefix = key.split(':')[0];
  return (['entry', 'meeting', 'section', 'table', 'text'] as const).find((k) => k === prefix) ?? 'unknown';
};
const emptyCounts = (): Record<Outcome, number> => ({
  unchanged: 0,
  replaced: 0,
  inserted: 0,
  removed: 0,
  kept: 0,
  conflict: 0,
  orphan: 0,
  duplicate: 0,
  withdrawn: 0,
});
/** parts the refresh itself took out; a part the clerk deleted stays remembered, so it stays out */
const GONE: ReadonlySet<Outcome> = new Set(['removed']);

/** The documents Refresh will not touch without the clerk's say, checked before anything is written. */
function refuseBadDocument(snapshot: AnnexSnapshot, options: RefreshOptions): void {
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

/**
 * Refresh, part by part: reads the annex (two syncs), decides every part (pure, see reconcile.ts), writes
 * only what the register changed, as tracked changes if asked (one sync). An annex without parts (inserted
 * by an earlier version) is rewritten whole, once. Nothing is written before every check has passed.
 */
export async function refreshAnnex(context: Word.RequestContext, plan: WordPlan, options: RefreshOptions): Promise<RefreshReport> {
  let snapshot: AnnexSnapshot;
  try {
    snapshot = await readAnnex(context, options.tracking, !options.whole);
  } catch (error) {
    // Word refused to read the parts (Word on the web answers NotAllowed for some documents): nothing was written
    throw new DocumentError('parts_unreadable', error instanceof Error ? error.message : String(error));
  }
  refuseBadDocument(snapshot, options);
  const annex = snapshot.annexes[0];
  const tracked: RefreshReport['tracked'] = snapshot.trackingMode === undefined ? 'unavailable' : options.track ? 'on' : 'off';
  const counts = emptyCounts();

  if (options.whole || snapshot.parts.length === 0) {
    withTracking(context.document, snapshot.trackingMode, options.track, () => {
      annex.control.clear();
      if (annex.title !== plan.title) annex.control.title = plan.title;
      appendParts(annex.control, plan);
    });
    await syncWrites(context, snapshot.trackingMode);
    counts.replaced = plan.units.length;
    const present = plan.units.map((u) => u.key);
    return {
      mode: 'whole',
      reason: options.whole ? 'asked' : 'no_parts',
      tracked,
      syncs: snapshot.syncs + 1,
      items: planItems(plan).length,
      counts,
      parts: [],
      present,
    };
  }

  const wanted = new Set(options.reinsert ?? []);
  const present = options.present ? new Set(options.present.filter((k) => !wanted.has(k))) : undefined;
  const { decisions, steps } = reconcile(plan.units, snapshot.parts, present);
  const current = new Map<string, Word.ContentControl>();
  for (const part of snapshot.parts) if (!current.has(part.key)) current.set(part.key, part.control);
  const written = new Map<string, Word.ContentControl>();
  let items = 0;
  withTracking(context.document, snapshot.trackingMode, options.track, () => {
    if (annex.title !== plan.title) annex.control.title = plan.title;
    for (const step of steps) {
      if (step.op === 'delete') {
        step.part.control.delete(false);
        continue;
      }
      const empty =
        step.op === 'replace'
          ? step.part.control.insertParagraph('', 'Before')
          : 'before' in step.at
            ? current.get(step.at.before)!.insertParagraph('', 'Before')
            : 'after' in step.at
              ? current.get(step.at.after)!.insertParagraph('', 'After')
              : annex.control.insertParagraph('', 'End');
      const control = placePart(empty, step.unit);
      control.load('id');
      if (step.op === 'replace') step.part.control.delete(false);
      current.set(step.unit.key, control);
      written.set(step.unit.key, control);
      items += step.unit.items.length;
    }
  });
  await syncWrites(context, snapshot.trackingMode);

  const parts: ReportedPart[] = [];
  for (const d of decisions) {
    counts[d.outcome]++;
    if (d.outcome === 'unchanged') continue;
    const text = d.unit && (d.outcome === 'replaced' || d.outcome === 'inserted' || d.outcome === 'withdrawn') ? d.unit.text : (d.part?.text ?? '');
    const newControl = written.get(d.key);
    const showsDocument = d.outcome === 'kept' || d.outcome === 'conflict' || d.outcome === 'orphan' || d.outcome === 'duplicate';
    parts.push({
      outcome: d.outcome,
      key: d.key,
      kind: kindOf(d.key),
      label: labelOf(text),
      controlId: d.outcome === 'removed' ? undefined : showsDocument ? d.part?.id : newControl?.id,
      tag: showsDocument && d.part ? unitTag(d.part.key, d.part.fingerprint) : undefined,
      ...(d.outcome === 'conflict' || d.outcome === 'orphan' ? { mine: d.part?.text } : {}),
      ...(d.outcome === 'conflict' ? { register: d.unit?.text, unit: d.unit } : {}),
    });
  }
  const after = [...new Set(decisions.filter((d) => !GONE.has(d.outcome)).map((d) => d.key))];
  return { mode: 'parts', tracked, syncs: snapshot.syncs + 1, items, counts, parts, present: after };
}

/** What the clerk decides for a part the summary lists. */
export type PartAction = { kind: 'keep-mine'; unit: PlannedUnit } | { kind: 'take-register'; unit: PlannedUnit } | { kind: 'remove' };

/**
 * Carries out the clerk's choice for one conflict (keep mine: the part now counts as seen against the
 * register's text; take the register's: written as in a refresh) or orphan (remove). Checks first that the
 * part is still as the summary showed it. Two context.sync calls; returns the part's control now.
 */
export async function resolvePart(
  context: Word.RequestContext,
  part: { controlId: number; tag: string },
  action: PartAction,
  options: Pick<RefreshOptions, 'track' | 'tracking'>,
): Promise<{ syncs: number; controlId?: number }> {
  const control = context.document.contentControls.getByIdOrNullObject(part.controlId);
  control.load('tag');
  if (options.tracking) context.document.load('changeTrackingMode');
  await context.sync();
  if (control.isNullObject) throw new DocumentError('part_gone', `Content control ${part.controlId} is no longer in the document`);
  if (control.tag !== part.tag) throw new DocumentError('part_changed', 'The part changed since the refresh: refresh again');
  const previous = options.tracking ? context.document.changeTrackingMode : undefined;
  if (action.kind === 'keep-mine') {
    control.tag = unitTag(action.unit.key, action.unit.fingerprint);
    await context.sync();
    return { syncs: 2, controlId: part.controlId };
  }
  const fresh = withTracking(context.document, previous, options.track, () => {
    if (action.kind === 'remove') return void control.delete(false);
    const replacement = placePart(control.insertParagraph('', 'Before'), action.unit);
    replacement.load('id');
    control.delete(false);
    return replacement;
  });
  await syncWrites(context, previous);
  return { syncs: 2, controlId: fresh?.id };
}

/** Selects a part in the document (Word scrolls to it). One context.sync call. */
export async function selectPart(context: Word.RequestContext, controlId: number): Promise<void> {
  try {
    context.document.contentControls.getById(controlId).select();
    await context.sync();
  } catch (error) {
    throw new DocumentError(
      'part_gone',
      `Content control ${controlId} is no longer in the document (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}
