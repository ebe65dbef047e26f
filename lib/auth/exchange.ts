import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { VerifiedToken } from './caller.ts';
import { BoundedExpiringMap } from '../boundedExpiringMap.ts';

export interface TokenExchangerOptions {
  /** The issuer's token endpoint (stackUrls().auth.tokenUrl). */
  tokenUrl: string;
  /** This service's client id at the issuer (e.g. 'nav-subgraph'). */
  clientId: string;
  clientSecret: string;
  /** Give up on the issuer after this long. @default 3000 */
  timeoutMs?: number;
  /** Exchanged tokens kept at most; the oldest go first. @default 10000 */
  maxCacheEntries?: number;
  /** A cached token is reused until this many seconds before it expires. @default 30 */
  refreshBeforeSeconds?: number;
}

export interface TokenExchanger {
  /** A token for `audience` carrying the subject's identity (RFC 8693), from the cache while it is fresh. */
  exchange(subject: VerifiedToken, audience: string): Promise<string>;
}

/** A failed token exchange. The message names the failure, never a token; `oauthError` is the issuer's code. */
export class TokenExchangeError extends Error {
  override readonly name = 'TokenExchangeError';
  readonly status: number | undefined;
  readonly oauthError: string | undefined;
  readonly timedOut: boolean;
  /**
   * The caller's own token was the problem: it expired (a token within the verifier's clock tolerance has, for
   * the issuer) or the issuer no longer accepts it (`invalid_grant`). Anything else is the token service's or our
   * configuration's fault, and the caller can only try again later.
   */
  readonly subjectRefused: boolean;

  constructor(message: string, details: { status?: number; oauthError?: string; timedOut?: boolean; subjectRefused?: boolean } = {}) {
    super(message);
    this.status = details.status;
    this.oauthError = details.oauthError;
    this.timedOut = details.timedOut ?? false;
    this.subjectRefused = details.subjectRefused ?? (details.status === 400 && details.oauthError === 'invalid_grant');
  }
}

const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const JWT_TYPE = 'urn:ietf:params:oauth:token-type:jwt';

const tokenResponse = z.object({
  access_token: z.string().min(1),
  token_type: z.string().regex(/^bearer$/i),
  expires_in: z.number().int().positive(),
});
const errorResponse = z.object({ error: z.string().regex(/^[\x20-\x7e]{1,64}$/) });

/**
 * RFC 8693 token exchange against the issuer with client_secret_basic. Concurrent requests for the same subject
 * and audience share one call; results are cached until shortly before they expire.
 */
export function createTokenExchanger(options: TokenExchangerOptions): TokenExchanger {
  const timeoutMs = options.timeoutMs ?? 3000;
  const refreshBefore = options.refreshBeforeSeconds ?? 30;
  const cache = new BoundedExpiringMap<string>(options.maxCacheEntries ?? 10_000);
  const inFlight = new Map<string, Promise<string>>();
  // RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined and base64-encoded.
  const basic = `Basic ${Buffer.from(`${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`).toString('base64')}`;

  async function request(subject: VerifiedToken, audience: string, key: string): Promise<string> {
    const body = new URLSearchParams({
      grant_type: TOKEN_EXCHANGE,
      subject_token: subject.token,
      subject_token_type: JWT_TYPE,
      audience,
    });
    let response: Response;
    try {
      response = await fetch(options.tokenUrl, {
        method: 'POST',
        headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
      throw new TokenExchangeError(timedOut ? 'token exchange timed out' : 'token endpoint unreachable', { timedOut });
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const oauthError = errorResponse.safeParse(json).data?.error;
      throw new TokenExchangeError(`token exchange refused (${response.status}${oauthError ? ` ${oauthError}` : ''})`, {
        status: response.status,
        ...(oauthError ? { oauthError } : {}),
      });
    }
    const parsed = tokenResponse.safeParse(json);
    if (!parsed.success) throw new TokenExchangeError('token endpoint sent an invalid response', { status: response.status });
    // The issued token cannot outlive the subject's; trust the smaller of the two.
    const expiresAt = Math.min(Math.floor(Date.now() / 1000) + parsed.data.expires_in, subject.expiresAt);
    cache.set(key, parsed.data.access_token, expiresAt);
    return parsed.data.access_token;
  }

  return {
    async exchange(subject, audience) {
      // Verifiers allow a few seconds of clock skew; the issuer allows none, so do not ask it for what it refuses.
      if (subject.expiresAt <= Math.floor(Date.now() / 1000)) throw new TokenExchangeError('subject token expired', { subjectRefused: true });
      // Keyed by a hash, so the cache holds no second copy of every caller's token.
      const key = createHash('sha256').update(subject.token).update('\0').update(audience).digest('base64url');
      const cached = cache.get(key, Math.floor(Date.now() / 1000) + refreshBefore);
      if (cached) return cached;
      const pending = inFlight.get(key);
      if (pending) return pending;
      const call = request(subject, audience, key).finally(() => inFlight.delete(key));
      inFlight.set(key, call);
      return call;
    },
  };
}
