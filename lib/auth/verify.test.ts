import { inspect } from 'node:util';
import { SignJWT, UnsecuredJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalIssuer, type RunningIssuer } from '../../stand-ins/issuer/index.ts';
import { GRAPH_AUDIENCE } from '../config.ts';
import type { Caller } from './caller.ts';
import { AuthError, createTokenVerifier, type TokenVerifier } from './verify.ts';

const EMMA = '14820482817';
const now = () => Math.floor(Date.now() / 1000);

let issuer: RunningIssuer;
let verifier: TokenVerifier;
beforeAll(async () => {
  issuer = await startLocalIssuer({ port: 0 });
  verifier = createTokenVerifier({ issuer: issuer.issuer, jwksUrl: `${issuer.issuer}/jwks`, audience: GRAPH_AUDIENCE });
});
afterAll(() => issuer.close());

const bearer = (token: string) => `Bearer ${token}`;

async function refusal(header: string | undefined): Promise<AuthError> {
  const error = await verifier.verify(header).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthError);
  return error as AuthError;
}

describe('createTokenVerifier', () => {
  describe('a valid token', () => {
    const callers: Caller[] = [
      { role: 'citizen', ident: EMMA },
      { role: 'nav-advisor', navIdent: 'Z990001', azureId: '6f1d3c1e-2b7a-4c3e-9a0f-990001000001' },
      { role: 'career-counsellor', counsellorId: 'KV-101', centreId: 'KS-TRD' },
      { role: 'training-advisor', advisorId: 'FR-01' },
      { role: 'partner-reporting', clientId: 'trondelag-forum' },
    ];
    it.each(callers)('names the $role it was issued for', async (caller) => {
      const verified = await verifier.verify(bearer(await issuer.tokenFor(caller)));
      expect(verified.caller).toEqual(caller);
    });

    it('keeps the raw token for exchange and its expiry', async () => {
      const token = await issuer.tokenFor({ role: 'training-advisor', advisorId: 'FR-01' }, { expiresInSeconds: 600 });
      const verified = await verifier.verify(bearer(token));
      expect(verified.token).toBe(token);
      expect(verified.expiresAt).toBeGreaterThanOrEqual(now() + 590);
    });

    it('cannot be logged: toString, JSON and inspect hide the token', async () => {
      const token = await issuer.tokenFor({ role: 'citizen', ident: EMMA });
      const verified = await verifier.verify(bearer(token));
      expect(String(verified)).toBe('[VerifiedToken]');
      expect(JSON.stringify({ verified })).not.toContain(token.slice(0, 20));
      expect(inspect(verified)).not.toContain(token.slice(0, 20));
      expect(Object.keys(verified)).not.toContain('token');
    });

    it('accepts the scheme in any case', async () => {
      const token = await issuer.tokenFor({ role: 'training-advisor', advisorId: 'FR-01' });
      await expect(verifier.verify(`bearer ${token}`)).resolves.toMatchObject({ caller: { role: 'training-advisor' } });
    });
  });

  describe('refuses with AuthError', () => {
    it('a missing header', async () => {
      expect((await refusal(undefined)).reason).toBe('missing');
      await refusal('');
    });

    it('a header that is not a bearer JWT', async () => {
      await refusal('Basic dXNlcjpwYXNz');
      await refusal('Bearer not-a-jwt');
      await refusal('Bearer a.b.c');
    });

    it('an expired token', async () => {
      const token = await issuer.signToken({ role: 'training-advisor', advisorId: 'FR-01', iat: now() - 7200, exp: now() - 60 });
      expect((await refusal(bearer(token))).reason).toBe('expired');
    });

    it('a token that is not valid yet (nbf in the future)', async () => {
      const token = await issuer.signToken({ role: 'training-advisor', advisorId: 'FR-01', nbf: now() + 600 });
      expect((await refusal(bearer(token))).reason).toBe('claims');
    });

    it('a token without exp', async () => {
      const token = await issuer.signToken({ role: 'training-advisor', advisorId: 'FR-01', exp: undefined });
      await refusal(bearer(token));
    });

    it('a token of another issuer, even signed with the right key', async () => {
      const token = await issuer.signToken({ role: 'training-advisor', advisorId: 'FR-01', iss: 'http://localhost:1/other' });
      await refusal(bearer(token));
    });

    it('a token for another audience', async () => {
      const token = await issuer.tokenFor({ role: 'training-advisor', advisorId: 'FR-01' }, { audience: 'nav-api' });
      await refusal(bearer(token));
    });

    it('a token signed by another key', async () => {
      const { privateKey } = await generateKeyPair('RS256');
      const token = await new SignJWT({ role: 'training-advisor', advisorId: 'FR-01' })
        .setProtectedHeader({ alg: 'RS256' })
        .setIssuer(issuer.issuer)
        .setAudience(GRAPH_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey);
      expect((await refusal(bearer(token))).reason).toBe('signature');
    });

    it('an unsigned token (alg: none)', async () => {
      const token = new UnsecuredJWT({ role: 'training-advisor', advisorId: 'FR-01' })
        .setIssuer(issuer.issuer)
        .setAudience(GRAPH_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('1h')
        .encode();
      await refusal(bearer(token));
    });

    it('an HS256 token, whatever its secret', async () => {
      const jwks = (await (await fetch(`${issuer.issuer}/jwks`)).text()) as string;
      // The classic confusion attack: the public key set used as the HMAC secret.
      const token = await new SignJWT({ role: 'training-advisor', advisorId: 'FR-01' })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(issuer.issuer)
        .setAudience(GRAPH_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(jwks));
      expect((await refusal(bearer(token))).reason).toBe('signature');
    });

    it('a citizen token without a valid fødselsnummer', async () => {
      const token = await issuer.signToken({ role: 'citizen', pid: '14820482818', acr: 'idporten-loa-high' });
      expect((await refusal(bearer(token))).reason).toBe('claims');
    });

    it('a citizen token below level high', async () => {
      const token = await issuer.signToken({ role: 'citizen', pid: EMMA, acr: 'idporten-loa-substantial' });
      await refusal(bearer(token));
    });

    it('a NAV token without the Entra object id', async () => {
      await refusal(bearer(await issuer.signToken({ role: 'nav-advisor', NAVident: 'Z990001' })));
    });

    it('a counsellor token without a centre', async () => {
      await refusal(bearer(await issuer.signToken({ role: 'career-counsellor', counsellorId: 'KV-101' })));
    });

    it('a token with an unknown role', async () => {
      await refusal(bearer(await issuer.signToken({ role: 'admin', sub: 'x' })));
    });

    it('with a generic message that never contains the token or the person', async () => {
      const token = await issuer.signToken({ role: 'citizen', pid: EMMA, acr: 'idporten-loa-high', exp: now() - 60 });
      const error = await refusal(bearer(token));
      expect(error.message).toBe('invalid token');
      expect(inspect(error)).not.toContain(token.slice(-20));
      expect(inspect(error)).not.toContain(EMMA);
    });

    it('every token when the keys cannot be fetched', async () => {
      const offline = createTokenVerifier({ issuer: issuer.issuer, jwksUrl: 'http://127.0.0.1:9/jwks', audience: GRAPH_AUDIENCE });
      const token = await issuer.tokenFor({ role: 'training-advisor', advisorId: 'FR-01' });
      const error = await offline.verify(bearer(token)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthError);
      expect((error as AuthError).reason).toBe('keys-unavailable');
    });
  });

  describe('configuration', () => {
    it('refuses symmetric algorithms and none at creation', () => {
      const base = { issuer: 'http://x/fagbrev', jwksUrl: 'http://x/fagbrev/jwks', audience: GRAPH_AUDIENCE };
      expect(() => createTokenVerifier({ ...base, algorithms: ['HS256'] })).toThrow(/asymmetric/);
      expect(() => createTokenVerifier({ ...base, algorithms: ['none'] })).toThrow(/asymmetric/);
      expect(() => createTokenVerifier({ ...base, algorithms: [] })).toThrow(/asymmetric/);
    });
  });
});
