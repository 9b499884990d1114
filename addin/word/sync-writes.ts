/// <reference types="office-js" />

/** What a write to Word cost: the context.sync calls it took and what it wrote. */
export interface WriteResult {
  syncs: number;
  /** paragraphs and tables written */
  items: number;
}

/**
 * Sends the writes. Should Word refuse the batch part way, the clerk's tracking mode is put back (Word ran
 * the batch up to the refused operation, the mode change included) before the error goes up.
 */
export async function syncWrites(context: Word.RequestContext, trackingMode: string | undefined): Promise<void> {
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
