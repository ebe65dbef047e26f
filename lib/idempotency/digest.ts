import { createHmac, randomBytes } from 'node:crypto';

/** A keyed digest of some values: what an idempotency store may hold instead of identity numbers and free text. */
export type KeyedDigest = (parts: readonly unknown[]) => string;

/**
 * HMAC-SHA256 over the JSON of `parts`. Keyed, because an identity number has too few possible values for a plain
 * hash to hide it. A store shared by several replicas needs the same secret in each; one process's store does not.
 * @param secret @default 32 random bytes, new per process
 */
export function keyedDigest(secret: string | Buffer = randomBytes(32)): KeyedDigest {
  return (parts) => createHmac('sha256', secret).update(JSON.stringify(parts)).digest('base64url');
}
