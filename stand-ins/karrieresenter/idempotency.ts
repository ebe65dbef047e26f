/**
 * Idempotency-Key handling for POST /bookings and POST /notes (contract: "Idempotency"): the same key and the
 * same request within 24 hours replays the first response; the same key with another request is
 * 422 IDEMPOTENCY_KEY_REUSED; a key whose first request is still running is 409 IDEMPOTENCY_IN_PROGRESS.
 */
const RETENTION_MS = 24 * 60 * 60 * 1000;

interface Entry {
  /** Operation, caller and canonical body: a key is bound to exactly one request. */
  fingerprint: string;
  at: number;
  response?: StoredResponse;
}

/** A first response kept for replay (a deep copy, so later changes to the record do not leak into it). */
export interface StoredResponse {
  status: number;
  body: unknown;
  etag?: string;
}

export type IdempotencyLookup =
  | { kind: 'new' }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'reused' }
  | { kind: 'in-progress' };

export interface IdempotencyStore {
  /** Looks the key up; on `new` the key is reserved (in progress) until `complete` or `release`. */
  begin(key: string, fingerprint: string, nowMs: number): IdempotencyLookup;
  /** Stores the successful first response for replay. */
  complete(key: string, response: StoredResponse): void;
  /** Forgets a reserved key whose request failed, so a corrected retry with the same key can succeed. */
  release(key: string): void;
  readonly size: number;
}

export function createIdempotencyStore(): IdempotencyStore {
  const entries = new Map<string, Entry>();
  return {
    begin(key, fingerprint, nowMs) {
      const entry = entries.get(key);
      if (entry && nowMs - entry.at < RETENTION_MS) {
        if (entry.fingerprint !== fingerprint) return { kind: 'reused' };
        return entry.response ? { kind: 'replay', response: entry.response } : { kind: 'in-progress' };
      }
      entries.set(key, { fingerprint, at: nowMs });
      return { kind: 'new' };
    },
    complete(key, response) {
      const entry = entries.get(key);
      if (entry) entry.response = { ...response, body: structuredClone(response.body) };
    },
    release(key) {
      entries.delete(key);
    },
    get size() {
      return entries.size;
    },
  };
}

/** JSON with sorted keys, so `{a,b}` and `{b,a}` count as the same body. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
