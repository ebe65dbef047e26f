import { decodeJwt } from 'jose';

/** Helpers for tests that talk to the local issuer over HTTP. */

export const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
export const JWT_TYPE = 'urn:ietf:params:oauth:token-type:jwt';

/** POSTs a form to the token endpoint; returns status, headers and the JSON body. */
export async function postToken(issuer: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  const response = await fetch(`${issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

/** client_secret_basic credentials (RFC 6749 §2.3.1). */
export const basicAuth = (id: string, secret: string) => ({
  authorization: `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`,
});

/** The payload of a token, unverified: for asserting on claims the issuer wrote. */
export const claimsOf = (token: unknown) => decodeJwt(String(token));
