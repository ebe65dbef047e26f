/**
 * Where a subgraph remembers the nonces of the signatures it accepted, until those signatures expire: a request sent
 * a second time within its signature's window is a replay and is refused.
 *
 * The memory store holds one process's nonces. With several replicas of a subgraph, a replay that reaches another
 * replica than the first request did is not seen by it; to refuse those too, give every replica one shared store
 * (e.g. Redis `SET nonce 1 NX PXAT expiresAtMs`, or a table with a unique key) through this interface. The window
 * stays short (60 s) either way, and a request can only be replayed to the subgraph it was signed for, with the
 * same token, call id and body.
 */
export interface NonceStore {
  /** True the first time `nonce` is claimed; false when it was claimed before (a replay). */
  claim(nonce: string, expiresAtMs: number): boolean | Promise<boolean>;
}

/** The process's own nonces; each is forgotten once its signature has expired, so memory follows the request rate. */
export function memoryNonceStore(now: () => number = () => Date.now()): NonceStore {
  const seen = new Map<string, number>();
  return {
    claim(nonce, expiresAtMs) {
      const time = now();
      // Insertion order is (almost) expiry order: drop from the front until an entry still counts.
      for (const [old, expiry] of seen) {
        if (expiry > time) break;
        seen.delete(old);
      }
      if (seen.has(nonce)) return false;
      seen.set(nonce, expiresAtMs);
      return true;
    },
  };
}
