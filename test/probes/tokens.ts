import { createHash } from 'node:crypto';
import { generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import type { Caller } from '../../lib/auth/caller.ts';
import { UPSTREAM_AUDIENCE } from '../../lib/auth/audiences.ts';
import { claimsForCaller } from '../../lib/auth/claims.ts';
import { GRAPH_AUDIENCE } from '../../lib/config.ts';
import type { Stack } from '../../stack/index.ts';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * Tokens no process of the graph may accept, each wrong in one way only (the rest is a valid token for `caller`):
 * the Authorization header to send, or undefined for none at all.
 */
export async function badTokens(stack: Stack, caller: Caller): Promise<Array<{ name: string; authorization: string | undefined }>> {
  const now = Math.floor(Date.now() / 1000);
  const claims = claimsForCaller(caller);
  const valid: JWTPayload = { iss: stack.issuer.issuer, aud: GRAPH_AUDIENCE, iat: now, nbf: now, exp: now + 600, ...claims };
  const issuerKid = ((await (await fetch(`${stack.issuer.issuer}/jwks`)).json()) as { keys: Array<{ kid: string }> }).keys[0]!.kid;
  const foreign = await generateKeyPair('RS256');
  const bearer = (token: string) => `Bearer ${token}`;
  return [
    { name: 'missing', authorization: undefined },
    { name: 'expired', authorization: bearer(await stack.issuer.signToken({ ...claims, iat: now - 7200, nbf: now - 7200, exp: now - 3600 })) },
    { name: 'not yet valid', authorization: bearer(await stack.issuer.signToken({ ...claims, nbf: now + 3600, exp: now + 7200 })) },
    { name: 'from another issuer', authorization: bearer(await stack.issuer.signToken({ ...claims, iss: 'https://issuer.example.invalid/fagbrev' })) },
    { name: 'for another audience', authorization: bearer(await stack.issuer.signToken(claims, { audience: UPSTREAM_AUDIENCE.karrieresenter })) },
    {
      name: 'signed by another key (under the issuer\'s kid)',
      authorization: bearer(await new SignJWT(valid).setProtectedHeader({ alg: 'RS256', kid: issuerKid, typ: 'JWT' }).sign(foreign.privateKey)),
    },
    { name: 'alg none', authorization: bearer(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(valid)}.`) },
    {
      // The issuer's public key as an HMAC secret (RFC 8725 §2.1): only a verifier that trusts the header falls for it.
      name: 'HS256 with the issuer\'s public key',
      authorization: bearer(
        await new SignJWT(valid)
          .setProtectedHeader({ alg: 'HS256', kid: issuerKid, typ: 'JWT' })
          .sign(createHash('sha256').update(JSON.stringify(await (await fetch(`${stack.issuer.issuer}/jwks`)).json())).digest()),
      ),
    },
  ];
}
