import type { ConfirmProgress } from '../../../import';
import type { AppContext } from '../context';
import { h } from '../dom';

/**
 * The progress of a confirmation while the server writes it: a large report takes a while on SharePoint, so the clerk
 * sees how many of the measures are written, and after a failure how many are already in (confirming again writes
 * only the rest, nothing twice).
 */

const POLL_MS = 1000;

/** Polls the server's progress of this import until stopped; `stop` answers the last progress it knows. */
export function watchConfirmation(
  ctx: AppContext,
  importId: string,
  show: (progress: ConfirmProgress) => void,
): { stop(): Promise<ConfirmProgress | undefined> } {
  let last: ConfirmProgress | undefined;
  let stopped = false;
  const read = async () => {
    try {
      last = await ctx.api.get<ConfirmProgress>(`/import/progress/${encodeURIComponent(importId)}`);
      if (!stopped && last.state === 'writing') show(last);
    } catch {
      // not started on this server yet, or the network blinked: the next poll tells
    }
  };
  const timer = setInterval(() => void read(), POLL_MS);
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await read();
      return last;
    },
  };
}

/** "120 of 500 measures written", with a ring that fills as they are. */
export function progressMessage(ctx: AppContext, progress: ConfirmProgress): HTMLElement {
  return h(
    'div',
    { class: 'message message-info', 'data-testid': 'import-progress' },
    h('fluent-progress-ring', { value: String(progress.written), max: String(Math.max(progress.total, 1)), 'aria-hidden': 'true' }),
    ` ${ctx.t('import.progress', { written: progress.written, total: progress.total })}`,
  );
}

/** After a failed confirmation: how many measures are already written, and that confirming again writes the rest. */
export function resumeText(ctx: AppContext, progress: ConfirmProgress | undefined): string | undefined {
  if (progress?.state !== 'failed' || progress.written === 0) return undefined;
  return ctx.t('import.resume', { written: progress.written, total: progress.total });
}
