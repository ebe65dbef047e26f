import { createRemoteJWKSet, jwtVerify } from 'jose';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GRAPH_AUDIENCE } from '../../lib/config.ts';
import { createLocalIssuer, startLocalIssuer, type RunningIssuer } from './issuer.ts';
import { claimsOf, postToken } from './testing.ts';

const EMMA = '14820482817';
const OLENA_D_NUMBER = '59889523365';

let issuer: RunningIssuer;
beforeAll(async () => {
  issuer = await startLocalIssuer({ port: 0 });
});
afterAll(() => issuer.close());

const devToken = (fields: Record<string, string>) => postToken(issuer.issuer, { grant_type: 'client_credentials', client_id: 'test', ...fields });

describe('the local issuer', () => {
  describe('discovery', () => {
    it('publishes its issuer, JWKS and token endpoint under /fagbrev', async () => {
      expect(issuer.issuer).toBe(`${issuer.url}/fagbrev`);
      const config = (await (await fetch(`${issuer.issuer}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
      expect(config).toMatchObject({
        issuer: issuer.issuer,
        jwks_uri: `${issuer.issuer}/jwks`,
        token_endpoint: `${issuer.issuer}/token`,
      });
      expect(config.grant_types_supported).toContain('urn:ietf:params:oauth:grant-type:token-exchange');
    });

    it('serves only a public RSA key', async () => {
      const jwks = (await (await fetch(`${issuer.issuer}/jwks`)).json()) as { keys: Record<string, unknown>[] };
      expect(jwks.keys).toHaveLength(1);
      expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
      expect(jwks.keys[0]).not.toHaveProperty('d');
    });

    it('uses a new key on every start, so old tokens die with it', async () => {
      const other = await createLocalIssuer({ issuerUrl: issuer.issuer });
      const token = await other.signToken({ role: 'training-advisor', advisorId: 'FR-01' });
      const keys = createRemoteJWKSet(new URL(`${issuer.issuer}/jwks`));
      await expect(jwtVerify(token, keys)).rejects.toThrow();
    });
  });

  describe('dev tokens (client_credentials)', () => {
    it('gives a citizen an hour-long graph token with pid and level high', async () => {
      const { status, body, headers } = await devToken({ role: 'citizen', subject: EMMA });
      expect(status).toBe(200);
      expect(headers.get('cache-control')).toBe('no-store');
      expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
      const claims = claimsOf(body.access_token);
      expect(claims).toMatchObject({ iss: issuer.issuer, aud: GRAPH_AUDIENCE, role: 'citizen', sub: EMMA, pid: EMMA, acr: 'idporten-loa-high' });
      expect(claims.exp! - claims.iat!).toBe(3600);
      expect(claims.nbf).toBe(claims.iat);
      expect(claims.jti).toEqual(expect.any(String));
    });

    it('accepts a D-number for a citizen', async () => {
      const { status, body } = await devToken({ role: 'citizen', subject: OLENA_D_NUMBER });
      expect(status).toBe(200);
      expect(claimsOf(body.access_token).pid).toBe(OLENA_D_NUMBER);
    });

    it('looks up a NAV advisor\'s Entra object id in the fixtures', async () => {
      const { body } = await devToken({ role: 'nav-advisor', subject: 'Z990004' });
      expect(claimsOf(body.access_token)).toMatchObject({ role: 'nav-advisor', NAVident: 'Z990004', oid: '6f1d3c1e-2b7a-4c3e-9a0f-990004000004' });
    });

    it('puts the counsellor\'s own centre in the token unless another is asked for', async () => {
      const own = await devToken({ role: 'career-counsellor', subject: 'KV-201' });
      expect(claimsOf(own.body.access_token)).toMatchObject({ counsellorId: 'KV-201', centre: 'KS-STK' });
      const other = await devToken({ role: 'career-counsellor', subject: 'KV-201', centre: 'KS-TRD' });
      expect(claimsOf(other.body.access_token)).toMatchObject({ counsellorId: 'KV-201', centre: 'KS-TRD' });
    });

    it('names training advisors and reporting clients', async () => {
      const advisor = await devToken({ role: 'training-advisor', subject: 'FR-02' });
      expect(claimsOf(advisor.body.access_token)).toMatchObject({ role: 'training-advisor', advisorId: 'FR-02' });
      const partner = await devToken({ role: 'partner-reporting', subject: 'kompetanseforum' });
      expect(claimsOf(partner.body.access_token)).toMatchObject({ role: 'partner-reporting', sub: 'kompetanseforum', client_id: 'kompetanseforum' });
    });

    describe('answers 400 with an OAuth error', () => {
      it.each([
        ['an unknown role', { role: 'admin', subject: 'x' }],
        ['a missing subject', { role: 'training-advisor' }],
        ['a citizen number with a wrong check digit', { role: 'citizen', subject: '14820482818' }],
        ['an unknown NAVident', { role: 'nav-advisor', subject: 'Z999999' }],
        ['a counsellor outside the fixtures without a centre', { role: 'career-counsellor', subject: 'KV-999' }],
        ['a centre for another role', { role: 'training-advisor', subject: 'FR-01', centre: 'KS-TRD' }],
      ])('for %s', async (_name, fields) => {
        const { status, body } = await devToken(fields);
        expect(status).toBe(400);
        expect(body.error).toBe('invalid_request');
        expect(body.error_description).toEqual(expect.any(String));
      });

      it('without echoing a fødselsnummer', async () => {
        const { body } = await devToken({ role: 'citizen', subject: '14820482818' });
        expect(JSON.stringify(body)).not.toContain('14820482818');
      });

      it('for an unsupported grant type', async () => {
        const { status, body } = await postToken(issuer.issuer, { grant_type: 'password', username: 'x', password: 'y' });
        expect(status).toBe(400);
        expect(body.error).toBe('unsupported_grant_type');
      });

      it('for a JSON body instead of a form', async () => {
        const response = await fetch(`${issuer.issuer}/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ grant_type: 'client_credentials' }),
        });
        expect(response.status).toBe(400);
        expect(await response.json()).toMatchObject({ error: 'invalid_request' });
      });
    });

    it('reads advisors from another fixture folder when told to', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'issuer-fx-'));
      try {
        const azureId = '0b7e5a52-1111-4222-8333-944455556666';
        await writeFile(join(dir, 'nav.json'), JSON.stringify({ veiledere: [{ navIdent: 'Z123456', azureId }] }));
        await writeFile(join(dir, 'karrieresenter.json'), JSON.stringify({ counsellors: [] }));
        const other = await startLocalIssuer({ port: 0, fixturesDir: dir });
        try {
          const known = await postToken(other.issuer, { grant_type: 'client_credentials', role: 'nav-advisor', subject: 'Z123456' });
          expect(claimsOf(known.body.access_token).oid).toBe(azureId);
          const demoAdvisor = await postToken(other.issuer, { grant_type: 'client_credentials', role: 'nav-advisor', subject: 'Z990001' });
          expect(demoAdvisor.status).toBe(400);
        } finally {
          await other.close();
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('fails at start when the fixture folder has no nav.json', async () => {
      await expect(createLocalIssuer({ fixturesDir: join(tmpdir(), 'no-such-fixtures') })).rejects.toThrow();
    });
  });

  describe('in production', () => {
    it('refuses to start with NODE_ENV=production', async () => {
      await expect(startLocalIssuer({ port: 0, env: { NODE_ENV: 'production' } })).rejects.toThrow(/never run in production/);
      await expect(createLocalIssuer({ env: { NODE_ENV: 'production' } })).rejects.toThrow(/never run in production/);
    });

    it('refuses to start in a prod NAIS cluster', async () => {
      await expect(createLocalIssuer({ env: { NAIS_CLUSTER_NAME: 'prod-gcp' } })).rejects.toThrow(/never run in production/);
    });

    it('reads process.env by default', async () => {
      vi.stubEnv('NODE_ENV', 'production');
      try {
        await expect(startLocalIssuer({ port: 0 })).rejects.toThrow(/never run in production/);
      } finally {
        vi.unstubAllEnvs();
      }
    });
  });
});
