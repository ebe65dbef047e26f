import type { UpstreamCaller } from '../common/app.ts';

/** A first response kept for replay. */
export interface StoredResponse {
  fingerprint: string;
  status: number;
  body: unknown;
  storedAt: number;
}

/** First responses by `<caller>|<Idempotency-Key>`. */
export type IdempotencyStore = Map<string, StoredResponse>;

/** A key is honoured for 24 hours (contract: "same key and body within 24 h"). */
const TTL_MS = 24 * 60 * 60 * 1000;

/** Keys are per caller, so one client's key can never replay another's response. */
export function idempotencyScope(caller: UpstreamCaller, key: string): string {
  const who = caller.NAVident ?? caller.oid ?? caller.advisorId ?? caller.pid ?? caller.sub ?? '';
  return `${caller.role}:${who}|${key.toLowerCase()}`;
}

/** The body as canonical JSON (sorted keys), so key order does not make two equal bodies differ. */
export function fingerprint(body: unknown): string {
  return JSON.stringify(body, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

export type Lookup = { kind: 'new' } | { kind: 'replay'; response: StoredResponse } | { kind: 'reused' };

/** What to do with a request carrying this key and body at `now`. */
export function lookup(store: IdempotencyStore, scope: string, print: string, now: Date): Lookup {
  const stored = store.get(scope);
  if (!stored) return { kind: 'new' };
  if (now.getTime() - stored.storedAt >= TTL_MS) {
    store.delete(scope);
    return { kind: 'new' };
  }
  return stored.fingerprint === print ? { kind: 'replay', response: stored } : { kind: 'reused' };
}

/** Keeps a successful first response; refusals are not kept, since they changed nothing and may be retried. */
export function remember(store: IdempotencyStore, scope: string, print: string, status: number, body: unknown, now: Date): void {
  store.set(scope, { fingerprint: print, status, body, storedAt: now.getTime() });
}
