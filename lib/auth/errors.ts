/** Why a token was refused: safe to log, never shown to the caller. */
export type AuthReason = 'missing' | 'malformed' | 'expired' | 'signature' | 'claims' | 'keys-unavailable';

/**
 * A refused bearer token. The message is always "invalid token" so nothing about the token (or the person in
 * it) reaches a response or a log line; `reason` says why, for metrics and logs.
 */
export class AuthError extends Error {
  override readonly name = 'AuthError';
  /** The graph error code the gateway answers with. */
  readonly code = 'UNAUTHENTICATED';

  constructor(readonly reason: AuthReason) {
    super('invalid token');
  }
}
