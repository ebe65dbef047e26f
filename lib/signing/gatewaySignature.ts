import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Gateway → subgraph request signing (the idea of Hive Gateway's HMAC upstream signature): the gateway signs what it
 * sends with a secret it shares with the subgraphs, so a subgraph can refuse traffic that did not come through the
 * gateway. The signature binds the GraphQL request, the caller's Authorization header, the call id and a timestamp.
 */
export const SIGNATURE_HEADER = 'x-fagbrev-gateway-signature';
export const TIMESTAMP_HEADER = 'x-fagbrev-gateway-timestamp';

export interface SignedParts {
  /** Seconds since the epoch, as sent in TIMESTAMP_HEADER. */
  timestamp: string;
  callId: string;
  authorization: string;
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

function payload(parts: SignedParts): string {
  const authHash = createHash('sha256').update(parts.authorization).digest('hex');
  const body = JSON.stringify({ query: parts.query, operationName: parts.operationName ?? null, variables: parts.variables ?? null });
  return `v1\n${parts.timestamp}\n${parts.callId}\n${authHash}\n${body}`;
}

export function sign(secret: string, parts: SignedParts): string {
  return `v1=${createHmac('sha256', secret).update(payload(parts)).digest('hex')}`;
}

export interface SignatureCheckOptions {
  /** Largest accepted age (or clock skew) of a signature, in seconds. @default 60 */
  maxSkewSeconds?: number;
  now?: () => Date;
}

/** True when `signature` is the gateway's signature of these parts and recent enough. Constant-time comparison. */
export function isValidSignature(secret: string, parts: SignedParts, signature: string | undefined, options: SignatureCheckOptions = {}): boolean {
  if (!signature || !/^\d{1,12}$/.test(parts.timestamp)) return false;
  const nowSeconds = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSeconds - Number(parts.timestamp)) > (options.maxSkewSeconds ?? 60)) return false;
  const expected = Buffer.from(sign(secret, parts));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A secret must be long enough to resist guessing; fails at configuration time, not at the first request. */
export function assertSecret(secret: string): string {
  if (secret.length < 32) throw new Error('The gateway signing secret must be at least 32 characters (GATEWAY_SIGNING_SECRET).');
  return secret;
}
