import { BoundedExpiringMap } from '../boundedExpiringMap.ts';

/**
 * Where the graph remembers what a client's idempotency key did, for a write whose upstream has no idempotency of
 * its own (veilarbdialog). Records expire and the store is bounded. The interface is async so that a store shared
 * by every replica of a subgraph (Redis `SET NX PX`, a PostgreSQL table with an expiry column) fits it unchanged;
 * `claim` must be atomic in every implementation.
 */
export interface IdempotencyStore<T> {
  /** The record under `key`, unless there is none or it has expired. */
  get(key: string): Promise<T | undefined>;
  /**
   * Stores `record` only if no live record is under `key` — or, with `replacing`, only if the live record is
   * (structurally) that one: true when this call stored it. Compare-and-set, so two requests cannot both win.
   */
  claim(key: string, record: T, replacing?: T): Promise<boolean>;
  /** Stores (replaces) the record; its lifetime starts again. */
  set(key: string, record: T): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface MemoryIdempotencyStoreOptions {
  /** Records kept at most; the oldest go first. @default 10000 */
  maxKeys?: number;
  /** How long a record lives after its last change, in seconds. @default 86400 (a day) */
  ttlSeconds?: number;
  /** The clock, in milliseconds. @default Date.now */
  now?: () => number;
}

/**
 * The store of one process: bounded and expiring, lost on restart. Check-and-set runs without an await between,
 * so `claim` is atomic within the process — and only there: with several replicas each has its own.
 */
export function memoryIdempotencyStore<T>(options: MemoryIdempotencyStoreOptions = {}): IdempotencyStore<T> {
  const ttlMs = (options.ttlSeconds ?? 86_400) * 1000;
  if (!(ttlMs > 0)) throw new Error('memoryIdempotencyStore: ttlSeconds must be positive');
  const now = options.now ?? Date.now;
  const records = new BoundedExpiringMap<T>(options.maxKeys ?? 10_000);
  return {
    async get(key) {
      return records.get(key, now());
    },
    async claim(key, record, replacing) {
      const live = records.get(key, now());
      const expected = replacing === undefined ? undefined : JSON.stringify(replacing);
      if ((live === undefined ? undefined : JSON.stringify(live)) !== expected) return false;
      records.set(key, record, now() + ttlMs);
      return true;
    },
    async set(key, record) {
      records.set(key, record, now() + ttlMs);
    },
    async delete(key) {
      records.delete(key);
    },
  };
}
