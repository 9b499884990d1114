import type { Matched } from './match-register';

/**
 * The proposals this server made, kept by import id for a while so the review can send only its changes. Bounded in
 * count and age; a proposal no longer here (another server, a restart, too old) is simply proposed again.
 */
export class ProposalCache {
  private readonly kept = new Map<string, { matched: Matched; at: number }>();

  constructor(
    private readonly max = 20,
    private readonly ttlMs = 2 * 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  keep(matched: Matched): void {
    const id = matched.proposal.importId;
    this.kept.delete(id);
    this.kept.set(id, { matched, at: this.now() });
    while (this.kept.size > this.max) this.kept.delete(this.kept.keys().next().value!);
  }

  get(importId: string): Matched | undefined {
    const found = this.kept.get(importId);
    if (!found) return undefined;
    if (this.now() - found.at > this.ttlMs) {
      this.kept.delete(importId);
      return undefined;
    }
    return found.matched;
  }
}
