/// <reference types="office-js" />
import { DocumentError } from './errors';
import { unitTag } from './fingerprint';
import { placePart, withTracking } from './parts';
import type { PlannedUnit } from './plan';
import type { RefreshOptions } from './refresh-report';
import { syncWrites } from './sync-writes';

/** The clerk's actions on one part the refresh summary lists: resolve a conflict or an orphan, or select the part. */

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
