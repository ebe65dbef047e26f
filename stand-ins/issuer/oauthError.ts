import type { NextFunction, Request, Response } from 'express';

/** Error codes of RFC 6749 §5.2 and RFC 8693 §2.2.2 that the issuer answers with. */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_target';

/** A refusal of the token endpoint; the description is for developers and never echoes a token or an ident. */
export class OAuthError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string,
    readonly status = error === 'invalid_client' ? 401 : 400,
    /** Sent as WWW-Authenticate on 401 when the client tried HTTP Basic (RFC 6749 §5.2). */
    readonly challenge?: string,
  ) {
    super(description);
  }
}

/** Writes an OAuth error body; anything that is not an OAuthError is a 500 without details. */
export function oauthErrorHandler(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (res.headersSent) return next(err);
  res.set('cache-control', 'no-store');
  if (err instanceof OAuthError) {
    if (err.challenge) res.set('www-authenticate', err.challenge);
    res.status(err.status).json({ error: err.error, error_description: err.description });
    return;
  }
  // body-parser's errors (bad form encoding, too large) are client errors.
  const status = err && typeof err === 'object' && 'status' in err ? Number(err.status) : 500;
  if (status >= 400 && status < 500) {
    res.status(400).json({ error: 'invalid_request', error_description: 'malformed request body' });
    return;
  }
  res.status(500).json({ error: 'server_error' });
}
