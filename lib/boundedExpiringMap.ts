/**
 * A size-bounded map whose entries expire. A Map keeps insertion order, so the first key is the oldest entry and
 * eviction is O(1); caches and ledgers that get an entry per caller stay flat in memory whatever the traffic.
 * Expiry times are numbers on any one clock (seconds or milliseconds), as long as a map uses one.
 */
export class BoundedExpiringMap<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(private readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new Error('BoundedExpiringMap: maxEntries must be a positive integer');
  }

  /** The value under `key` if it is still valid at `validUntil`; stale entries are dropped. */
  get(key: string, validUntil: number): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= validUntil) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Stores `value` until `expiresAt`, as the newest entry; the oldest go when the map is full. */
  set(key: string, value: V, expiresAt: number): void {
    this.entries.delete(key);
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    this.entries.set(key, { value, expiresAt });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}
