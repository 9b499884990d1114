/// <reference types="office-js" />
import { AddinError, DocumentError } from './errors';
import { appendParts, dressAnnex, writeItem } from './parts';
import { ANNEX_TAG, DETACHED_ANNEX_TAG, planItems, type PlannedItem, type WordPlan } from './plan';
import type { WriteResult } from './sync-writes';

export * from './errors';
export { refreshAnnex } from './refresh';
export type { RefreshReport, ReportedPart } from './refresh-report';
export { resolvePart, selectPart, type PartAction } from './resolve-part';

/**
 * Insert and Refresh against Word: every read and write of a run is queued and sent in a fixed number of
 * context.sync calls, whatever the size of the annex (Insert 2, Refresh 3). Insert lives here; Refresh in
 * refresh.ts, the clerk's actions on a part in resolve-part.ts.
 */

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
