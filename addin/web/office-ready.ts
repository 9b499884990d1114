/** What Office.onReady answers: the host the page is in (null outside Office). */
export interface OfficeInfo {
  host: unknown;
}

export interface OfficeWait {
  /** how long one wait lasts before the pane says Word is still starting and asks again */
  patienceMs: number;
  /** how many waits before the pane works as outside Word (a later answer still switches it to Word) */
  attempts: number;
  sleep(ms: number): Promise<void>;
  /** after each wait that ended without an answer */
  onSlow(attempt: number): void;
  /** an answer that came after the last wait */
  onLate(info: OfficeInfo): void;
}

/** A slow start of Word and a Word that never answers look alike for a few seconds, so give it about a minute. */
export const OFFICE_WAIT = {
  patienceMs: 4_000,
  attempts: 15,
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
} as const;

/**
 * Waits for office.js to say which host the pane is in, asking Office.onReady again after each wait that
 * ended without an answer: a slow Word start is waited for, never taken for "outside Word" for good.
 * Resolves with Office's answer, or null after `attempts` waits; an answer after that goes to `onLate`.
 */
export async function waitForOffice(onReady: () => Promise<OfficeInfo>, wait: OfficeWait): Promise<OfficeInfo | null> {
  let gaveUp = false;
  let lateSeen = false;
  for (let attempt = 1; attempt <= wait.attempts; attempt++) {
    const answer = onReady().then((info) => {
      if (gaveUp && !lateSeen) {
        lateSeen = true;
        wait.onLate(info);
      }
      return info;
    });
    const info = await Promise.race([answer, wait.sleep(wait.patienceMs).then(() => null)]);
    if (info) return info;
    wait.onSlow(attempt);
  }
  gaveUp = true;
  return null;
}
