import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { VerifiedToken } from './caller.ts';
import { callerFromClaims } from './claims.ts';
import { AuthError, type AuthReason } from './errors.ts';
import { hiddenToken } from './verifiedToken.ts';

export { AuthError };

export interface TokenVerifierOptions {
  /** Expected `iss`, exactly. */
  issuer: string;
  /** Where the issuer publishes its signing keys (fetched on demand and cached by jose). */
  jwksUrl: string;
  /** Expected `aud` (the graph: GRAPH_AUDIENCE). */
  audience: string;
  /** Accepted signature algorithms; symmetric and `none` are never accepted. @default ['RS256', 'ES256'] */
  algorithms?: string[];
  /** Allowed clock skew for exp, nbf and iat. @default 5 */
  clockToleranceSeconds?: number;
  /** Key source instead of jwksUrl, for tests with a local key set. @default createRemoteJWKSet(jwksUrl) */
  keys?: JWTVerifyGetKey;
}

export interface TokenVerifier {
  /** The token's caller, from an `Authorization` header value; throws AuthError for anything but a valid token. */
  verify(authorizationHeader: string | undefined): Promise<VerifiedToken>;
}

/** Real JWTs from ID-porten or Entra ID are 1–3 kB; anything much longer is not worth the crypto. */
const MAX_TOKEN_LENGTH = 8192;
const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i;
const ASYMMETRIC = /^(RS|PS|ES)(256|384|512)$|^EdDSA$|^Ed25519$/;

/**
 * A bearer-token verifier: signature against the issuer's JWKS (algorithm allow-list), issuer, audience, expiry
 * and not-before, then the role claims into a `Caller`. Bad configuration throws at creation.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const algorithms = options.algorithms ?? ['RS256', 'ES256'];
  // An HMAC "key" would be the issuer's public key bytes to anyone who asks (RFC 8725 §2.1): never allow it.
  const unsafe = algorithms.filter((a) => !ASYMMETRIC.test(a));
  if (algorithms.length === 0 || unsafe.length > 0) {
    throw new Error(`createTokenVerifier: algorithms must be asymmetric JWS algorithms (got ${JSON.stringify(algorithms)})`);
  }
  if (!options.issuer || !options.audience) throw new Error('createTokenVerifier: issuer and audience are required');
  const keys = options.keys ?? createRemoteJWKSet(new URL(options.jwksUrl));
  const clockTolerance = options.clockToleranceSeconds ?? 5;

  return {
    async verify(authorizationHeader) {
      if (!authorizationHeader) throw new AuthError('missing');
      if (authorizationHeader.length > MAX_TOKEN_LENGTH + 7) throw new AuthError('malformed');
      const token = BEARER.exec(authorizationHeader.trim())?.[1];
      if (!token) throw new AuthError('malformed');
      let payload;
      try {
        ({ payload } = await jwtVerify(token, keys, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms,
          clockTolerance,
          // jose accepts a token without exp unless told otherwise; ours always expire.
          requiredClaims: ['exp'],
        }));
      } catch (err) {
        // The jose error is dropped on purpose: some carry the payload (with a pid) or fetch details.
        throw new AuthError(reasonOf(err));
      }
      const caller = callerFromClaims(payload);
      if (!caller) throw new AuthError('claims');
      return hiddenToken(caller, token, payload.exp!);
    },
  };
}

function reasonOf(err: unknown): AuthReason {
  const code = err && typeof err === 'object' && 'code' in err ? String(err.code) : '';
  switch (code) {
    case 'ERR_JWT_EXPIRED':
      return 'expired';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return 'claims';
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return 'signature';
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
    case 'ERR_JOSE_NOT_SUPPORTED':
      return 'malformed';
    default:
      // Fetch failures, JWKS timeouts and bad JWKS responses: the token may be fine, the keys were not there.
      return 'keys-unavailable';
  }
}
