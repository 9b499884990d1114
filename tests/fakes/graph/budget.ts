/**
 * SharePoint's throttling as Graph documents it (concepts/throttling.md, SharePoint resource units): each request
 * costs resource units (1 for a single item read, 2 for a query of many items and for a create, update or delete),
 * an app has a budget per minute, and a request over it is refused with 429 and a Retry-After saying when enough
 * units are free again. Inside $batch each request is counted and refused on its own.
 */
export interface ResourceBudgetOptions {
  /** units per window (per app per tenant: 1 200 to 6 000 a minute) */
  units: number;
  /** the window; a minute by default (tests shorten it) */
  windowMs?: number;
  now?: () => number;
}

export function resourceUnitsOf(kind: string): number {
  if (kind === 'item.get' || kind === 'directory') return 1;
  if (kind === 'batch') return 0; // its requests are counted one by one
  return 2;
}

export class ResourceBudget {
  private readonly spent: Array<{ at: number; units: number }> = [];
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(private readonly options: ResourceBudgetOptions) {
    this.windowMs = options.windowMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Spends the request's units, or says how many seconds to wait before it would fit. */
  take(kind: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const units = resourceUnitsOf(kind);
    if (units === 0) return { ok: true };
    const now = this.now();
    while (this.spent.length && this.spent[0].at <= now - this.windowMs) this.spent.shift();
    let used = this.spent.reduce((sum, s) => sum + s.units, 0);
    if (used + units <= this.options.units) {
      this.spent.push({ at: now, units });
      return { ok: true };
    }
    // the earliest moment enough of what was spent leaves the window
    let freeAt = now;
    for (const s of this.spent) {
      used -= s.units;
      freeAt = s.at + this.windowMs;
      if (used + units <= this.options.units) break;
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now) / 1000)) };
  }
}
