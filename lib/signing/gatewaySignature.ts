import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Gateway → subgraph request signing (the idea of Hive Gateway's HMAC upstream signature): the gateway signs what it
 * sends with a secret it shares with the subgraphs, so a subgraph can refuse traffic that did not come through the
 * gateway. The signature binds the exact request body (query, operationName, variables, extensions — every byte),
 * the subgraph it is meant for, the caller's Authorization header, the call id, a timestamp and a nonce, so it
 * cannot be moved to another subgraph, another body or another token, nor sent twice (lib/signing/nonces.ts).
 */
export const SIGNATURE_HEADER = 'x-fagbrev-gateway-signature';
export const TIMESTAMP_HEADER = 'x-fagbrev-gateway-timestamp';
export const NONCE_HEADER = 'x-fagbrev-gateway-nonce';

export interface SignedParts {
  /** Seconds since the epoch, as sent in TIMESTAMP_HEADER. */
  timestamp: string;
  /** A value used once, as sent in NONCE_HEADER. */
  nonce: string;
  /** The subgraph's name in the supergraph (nav, career, training): a request signed for one is refused by another. */
  subgraph: string;
  callId: string;
  authorization: string;
  /** The request body exactly as sent. */
  body: string | Buffer;
}

const NONCE = /^[A-Za-z0-9_-]{16,64}$/;
const sha256 = (value: string | Buffer) => createHash('sha256').update(value).digest('hex');

function payload(parts: SignedParts): string {
  return ['v2', parts.timestamp, parts.nonce, parts.subgraph, parts.callId, sha256(parts.authorization), sha256(parts.body)].join('\n');
}

export function sign(secret: string, parts: SignedParts): string {
  return `v2=${createHmac('sha256', secret).update(payload(parts)).digest('hex')}`;
}

/** The headers that sign one request to `subgraph`: a fresh timestamp and nonce, and the signature over them. */
export function signatureHeaders(
  secret: string,
  request: Omit<SignedParts, 'timestamp' | 'nonce'>,
  now: () => Date = () => new Date(),
): Record<string, string> {
  const timestamp = String(Math.floor(now().getTime() / 1000));
  const nonce = randomBytes(16).toString('base64url');
  return { [TIMESTAMP_HEADER]: timestamp, [NONCE_HEADER]: nonce, [SIGNATURE_HEADER]: sign(secret, { ...request, timestamp, nonce }) };
}

export interface SignatureCheckOptions {
  /** Largest accepted age (or clock skew) of a signature, in seconds. @default 60 */
  maxSkewSeconds?: number;
  now?: () => Date;
}

export const DEFAULT_MAX_SKEW_SECONDS = 60;

/** True when `signature` is the gateway's signature of these parts and recent enough. Constant-time comparison. */
export function isValidSignature(secret: string, parts: SignedParts, signature: string | undefined, options: SignatureCheckOptions = {}): boolean {
  if (!signature || !/^\d{1,12}$/.test(parts.timestamp) || !NONCE.test(parts.nonce)) return false;
  const nowSeconds = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSeconds - Number(parts.timestamp)) > (options.maxSkewSeconds ?? DEFAULT_MAX_SKEW_SECONDS)) return false;
  const expected = Buffer.from(sign(secret, parts));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A secret must be long enough to resist guessing; fails at configuration time, not at the first request. */
export function assertSecret(secret: string): string {
  if (secret.length < 32) throw new Error('The gateway signing secret must be at least 32 characters (GATEWAY_SIGNING_SECRET).');
  return secret;
}
