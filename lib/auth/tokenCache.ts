/**
 * A size-bounded map of tokens with their expiry. A Map keeps insertion order, so the first key is the oldest
 * entry and eviction is O(1); every caller of the graph gets an entry, so the bound keeps memory flat.
 */
export class BoundedTokenCache {
  private readonly entries = new Map<string, { token: string; expiresAt: number }>();

  constructor(private readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new Error('BoundedTokenCache: maxEntries must be a positive integer');
  }

  /** The token under `key` if it is still valid at `validUntil` (seconds since the epoch); stale entries are dropped. */
  get(key: string, validUntil: number): string | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= validUntil) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.token;
  }

  set(key: string, token: string, expiresAt: number): void {
    this.entries.delete(key);
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    this.entries.set(key, { token, expiresAt });
  }

  get size(): number {
    return this.entries.size;
  }
}
