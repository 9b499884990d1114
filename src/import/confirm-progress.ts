/**
 * How far the confirmation of an import has got on this server: the clerk sees how many of the measures are written
 * while a large report is confirmed, and after a failure how many are already in (confirming again writes the rest).
 */
export interface ConfirmProgress {
  importId: string;
  /** measures written so far (created, or their mention added or updated) */
  written: number;
  /** measures this confirmation writes */
  total: number;
  state: 'writing' | 'done' | 'failed';
}

/** How many confirmations' progress is kept: the last ones looked at, not every import ever confirmed. */
const KEPT = 50;

export class ConfirmProgressBoard {
  private readonly runs = new Map<string, ConfirmProgress>();

  set(progress: ConfirmProgress): void {
    this.runs.delete(progress.importId);
    this.runs.set(progress.importId, { ...progress });
    if (this.runs.size > KEPT) this.runs.delete(this.runs.keys().next().value!);
  }

  get(importId: string): ConfirmProgress | undefined {
    const found = this.runs.get(importId);
    return found && { ...found };
  }
}

/** A list cut into consecutive pieces of at most `size`: a confirmation writes and reports one piece at a time. */
export function inPieces<T>(items: readonly T[], size: number): T[][] {
  const pieces: T[][] = [];
  for (let at = 0; at < items.length; at += size) pieces.push(items.slice(at, at + size));
  return pieces;
}
