import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../lib/auth/caller.ts';
import { GRAPH_AUDIENCE } from '../../lib/config.ts';
import { listen, type RunningServer } from '../../lib/http.ts';
import { callerOf, createStandInApp, upstreamCallerSchema } from '../common/app.ts';
import { startLocalIssuer, type RunningIssuer } from './issuer.ts';
import { JWT_TYPE, TOKEN_EXCHANGE, basicAuth, claimsOf, postToken } from './testing.ts';

const EMMA = '14820482817';
const INGRID_OID = '6f1d3c1e-2b7a-4c3e-9a0f-990001000001';
const INGRID: Caller = { role: 'nav-advisor', navIdent: 'Z990001', azureId: INGRID_OID };
const now = () => Math.floor(Date.now() / 1000);

let issuer: RunningIssuer;
/** A stand-in that verifies signatures against the issuer and echoes the caller it read. */
let upstream: RunningServer;
beforeAll(async () => {
  issuer = await startLocalIssuer({ port: 0, clientSecret: 'test-secret' });
  const app = createStandInApp({ jwksUrl: `${issuer.issuer}/jwks`, unauthorized: (res) => void res.status(401).end() });
  app.get('/whoami', (_req, res) => void res.json(callerOf(res)));
  upstream = await listen(app, 0);
});
afterAll(async () => {
  await upstream.close();
  await issuer.close();
});

function exchangeForm(subjectToken: string, audience: string) {
  return { grant_type: TOKEN_EXCHANGE, subject_token: subjectToken, subject_token_type: JWT_TYPE, audience };
}
const asNavSubgraph = basicAuth('nav-subgraph', 'test-secret');

describe('token exchange (RFC 8693)', () => {
  describe('carries the caller into the claims the stand-ins read', () => {
    const cases: { caller: Caller; client: string; audience: string; expected: Record<string, string> }[] = [
      { caller: { role: 'citizen', ident: EMMA }, client: 'career-subgraph', audience: 'karrieresenter-api', expected: { role: 'PERSON', pid: EMMA } },
      { caller: INGRID, client: 'nav-subgraph', audience: 'nav-api', expected: { role: 'NAV', NAVident: 'Z990001', oid: INGRID_OID } },
      {
        caller: { role: 'career-counsellor', counsellorId: 'KV-101', centreId: 'KS-TRD' },
        client: 'career-subgraph',
        audience: 'karrieresenter-api',
        expected: { role: 'KARRIERESENTER', counsellorId: 'KV-101', centreId: 'KS-TRD' },
      },
      {
        caller: { role: 'training-advisor', advisorId: 'FR-01' },
        client: 'training-subgraph',
        audience: 'fagopplaering-api',
        expected: { role: 'FAGOPPLAERING', advisorId: 'FR-01' },
      },
      {
        caller: { role: 'training-advisor', advisorId: 'FR-02' },
        client: 'training-subgraph',
        audience: 'digipost-api',
        expected: { role: 'FAGOPPLAERING', advisorId: 'FR-02' },
      },
      {
        caller: { role: 'partner-reporting', clientId: 'kompetanseforum' },
        client: 'career-subgraph',
        audience: 'karrieresenter-api',
        expected: { role: 'PARTNER', sub: 'kompetanseforum' },
      },
    ];
    it.each(cases)('a $caller.role via $client for $audience', async ({ caller, client, audience, expected }) => {
      const subject = await issuer.tokenFor(caller);
      const { status, body } = await postToken(issuer.issuer, exchangeForm(subject, audience), basicAuth(client, 'test-secret'));
      expect(status).toBe(200);
      expect(body).toMatchObject({ token_type: 'Bearer', issued_token_type: 'urn:ietf:params:oauth:token-type:access_token' });
      const claims = claimsOf(body.access_token);
      expect(upstreamCallerSchema.parse(claims)).toMatchObject(expected);
      expect(claims).toMatchObject({ iss: issuer.issuer, aud: audience, azp: client });

      // And a stand-in that checks signatures accepts it as that caller.
      const whoami = await fetch(`${upstream.url}/whoami`, { headers: { authorization: `Bearer ${String(body.access_token)}` } });
      expect(whoami.status).toBe(200);
      expect(await whoami.json()).toMatchObject(expected);
    });
  });

  it('issues a token that lives at most five minutes', async () => {
    const subject = await issuer.tokenFor(INGRID);
    const { body } = await postToken(issuer.issuer, exchangeForm(subject, 'nav-api'), asNavSubgraph);
    const claims = claimsOf(body.access_token);
    expect(claims.exp! - claims.iat!).toBeLessThanOrEqual(300);
    expect(body.expires_in).toBe(claims.exp! - claims.iat!);
  });

  it('never lets the exchanged token outlive the subject token', async () => {
    const subject = await issuer.tokenFor(INGRID, { expiresInSeconds: 45 });
    const { body } = await postToken(issuer.issuer, exchangeForm(subject, 'nav-api'), asNavSubgraph);
    expect(claimsOf(body.access_token).exp).toBe(claimsOf(subject).exp);
    expect(body.expires_in).toBeLessThanOrEqual(45);
  });

  it('accepts client_secret_post as well as client_secret_basic', async () => {
    const subject = await issuer.tokenFor(INGRID);
    const { status } = await postToken(issuer.issuer, {
      ...exchangeForm(subject, 'nav-api'),
      client_id: 'nav-subgraph',
      client_secret: 'test-secret',
    });
    expect(status).toBe(200);
  });

  describe('refuses', () => {
    it('a wrong client secret with 401 invalid_client', async () => {
      const subject = await issuer.tokenFor(INGRID);
      const { status, body, headers } = await postToken(issuer.issuer, exchangeForm(subject, 'nav-api'), basicAuth('nav-subgraph', 'local-dev-secret'));
      expect(status).toBe(401);
      expect(body.error).toBe('invalid_client');
      expect(headers.get('www-authenticate')).toMatch(/^Basic/);
    });

    it('an unknown client and a missing authentication alike', async () => {
      const subject = await issuer.tokenFor(INGRID);
      expect((await postToken(issuer.issuer, exchangeForm(subject, 'nav-api'), basicAuth('intruder', 'test-secret'))).status).toBe(401);
      expect((await postToken(issuer.issuer, exchangeForm(subject, 'nav-api'))).body.error).toBe('invalid_client');
    });

    it('two client authentication methods at once', async () => {
      const subject = await issuer.tokenFor(INGRID);
      const form = { ...exchangeForm(subject, 'nav-api'), client_id: 'nav-subgraph', client_secret: 'test-secret' };
      const { status, body } = await postToken(issuer.issuer, form, asNavSubgraph);
      expect(status).toBe(400);
      expect(body.error).toBe('invalid_request');
    });

    it('a client_id in the body that is not the authenticated client', async () => {
      const subject = await issuer.tokenFor(INGRID);
      const form = { ...exchangeForm(subject, 'nav-api'), client_id: 'training-subgraph' };
      expect((await postToken(issuer.issuer, form, asNavSubgraph)).body.error).toBe('invalid_request');
    });

    it('an audience the client may not ask for with invalid_target', async () => {
      const subject = await issuer.tokenFor(INGRID);
      const { status, body } = await postToken(issuer.issuer, exchangeForm(subject, 'fagopplaering-api'), asNavSubgraph);
      expect(status).toBe(400);
      expect(body.error).toBe('invalid_target');
    });

    it('an audience the issuer does not know with invalid_target', async () => {
      const subject = await issuer.tokenFor(INGRID);
      const { body } = await postToken(issuer.issuer, exchangeForm(subject, 'https://evil.example'), asNavSubgraph);
      expect(body.error).toBe('invalid_target');
    });

    it('a subject token signed by a foreign key with invalid_grant', async () => {
      const { privateKey } = await generateKeyPair('RS256');
      const foreign = await new SignJWT({ role: 'nav-advisor', NAVident: 'Z990001', oid: 'x' })
        .setProtectedHeader({ alg: 'RS256' })
        .setIssuer(issuer.issuer)
        .setAudience(GRAPH_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey);
      const { status, body } = await postToken(issuer.issuer, exchangeForm(foreign, 'nav-api'), asNavSubgraph);
      expect(status).toBe(400);
      expect(body.error).toBe('invalid_grant');
    });

    it('a subject token that is not for the graph, such as an already exchanged one', async () => {
      const subject = await issuer.tokenFor(INGRID);
      const first = await postToken(issuer.issuer, exchangeForm(subject, 'nav-api'), asNavSubgraph);
      const again = await postToken(issuer.issuer, exchangeForm(String(first.body.access_token), 'nav-api'), asNavSubgraph);
      expect(again.body.error).toBe('invalid_grant');
    });

    it('an expired subject token', async () => {
      const expired = await issuer.signToken({ role: 'training-advisor', advisorId: 'FR-01', iat: now() - 7200, exp: now() - 10 });
      const { body } = await postToken(issuer.issuer, exchangeForm(expired, 'fagopplaering-api'), basicAuth('training-subgraph', 'test-secret'));
      expect(body.error).toBe('invalid_grant');
    });

    it('a subject token without a known caller', async () => {
      const roleless = await issuer.signToken({ sub: 'someone' });
      const { body } = await postToken(issuer.issuer, exchangeForm(roleless, 'nav-api'), asNavSubgraph);
      expect(body.error).toBe('invalid_grant');
    });

    it('a wrong subject_token_type and a missing audience with invalid_request', async () => {
      const subject = await issuer.tokenFor(INGRID);
      const wrongType = { ...exchangeForm(subject, 'nav-api'), subject_token_type: 'urn:ietf:params:oauth:token-type:saml2' };
      expect((await postToken(issuer.issuer, wrongType, asNavSubgraph)).body.error).toBe('invalid_request');
      const { audience: _, ...noAudience } = exchangeForm(subject, 'nav-api');
      expect((await postToken(issuer.issuer, noAudience, asNavSubgraph)).body.error).toBe('invalid_request');
    });
  });
});
