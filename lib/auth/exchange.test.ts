import { SignJWT, decodeJwt, generateKeyPair } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { upstreamCallerSchema } from '../../stand-ins/common/app.ts';
import { startLocalIssuer, type RunningIssuer } from '../../stand-ins/issuer/index.ts';
import { GRAPH_AUDIENCE } from '../config.ts';
import { listen } from '../http.ts';
import type { Caller, VerifiedToken } from './caller.ts';
import { TokenExchangeError, createTokenExchanger } from './exchange.ts';
import { createTokenVerifier } from './verify.ts';
import { hiddenToken } from './verifiedToken.ts';

const INGRID_OID = '6f1d3c1e-2b7a-4c3e-9a0f-990001000001';
const INGRID: Caller = { role: 'nav-advisor', navIdent: 'Z990001', azureId: INGRID_OID };
const EMMA: Caller = { role: 'citizen', ident: '14820482817' };

let issuer: RunningIssuer;
let tokenUrl: string;
beforeAll(async () => {
  issuer = await startLocalIssuer({ port: 0 });
  tokenUrl = `${issuer.issuer}/token`;
});
afterAll(() => issuer.close());
afterEach(() => vi.restoreAllMocks());

async function verified(caller: Caller, expiresInSeconds?: number): Promise<VerifiedToken> {
  const verifier = createTokenVerifier({ issuer: issuer.issuer, jwksUrl: `${issuer.issuer}/jwks`, audience: GRAPH_AUDIENCE });
  return verifier.verify(`Bearer ${await issuer.tokenFor(caller, expiresInSeconds ? { expiresInSeconds } : {})}`);
}
const navSubgraph = () => createTokenExchanger({ tokenUrl, clientId: 'nav-subgraph', clientSecret: 'local-dev-secret' });
const tokenRequests = () => vi.spyOn(globalThis, 'fetch');

async function failure(promise: Promise<unknown>): Promise<TokenExchangeError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TokenExchangeError);
  return error as TokenExchangeError;
}

describe('createTokenExchanger', () => {
  it('gets a token for the upstream that names the same caller', async () => {
    const token = await navSubgraph().exchange(await verified(INGRID), 'nav-api');
    const claims = decodeJwt(token);
    expect(claims.aud).toBe('nav-api');
    expect(upstreamCallerSchema.parse(claims)).toMatchObject({ role: 'NAV', NAVident: 'Z990001', oid: INGRID_OID });
  });

  it('gets a PERSON token for a citizen at the Karrieresenter', async () => {
    const exchanger = createTokenExchanger({ tokenUrl, clientId: 'career-subgraph', clientSecret: 'local-dev-secret' });
    const token = await exchanger.exchange(await verified(EMMA), 'karrieresenter-api');
    expect(upstreamCallerSchema.parse(decodeJwt(token))).toMatchObject({ role: 'PERSON', pid: '14820482817' });
  });

  describe('caching', () => {
    it('reuses a token for the same subject and audience', async () => {
      const exchanger = navSubgraph();
      const subject = await verified(INGRID);
      const fetches = tokenRequests();
      const first = await exchanger.exchange(subject, 'nav-api');
      const second = await exchanger.exchange(subject, 'nav-api');
      expect(second).toBe(first);
      expect(fetches).toHaveBeenCalledTimes(1);
    });

    it('makes one request for concurrent exchanges of the same token', async () => {
      const exchanger = navSubgraph();
      const subject = await verified(INGRID);
      const fetches = tokenRequests();
      const tokens = await Promise.all(Array.from({ length: 5 }, () => exchanger.exchange(subject, 'nav-api')));
      expect(new Set(tokens).size).toBe(1);
      expect(fetches).toHaveBeenCalledTimes(1);
    });

    it('keeps tokens of different callers apart', async () => {
      const exchanger = createTokenExchanger({ tokenUrl, clientId: 'training-subgraph', clientSecret: 'local-dev-secret' });
      const fr01 = await exchanger.exchange(await verified({ role: 'training-advisor', advisorId: 'FR-01' }), 'fagopplaering-api');
      const fr02 = await exchanger.exchange(await verified({ role: 'training-advisor', advisorId: 'FR-02' }), 'fagopplaering-api');
      expect(decodeJwt(fr01).advisorId).toBe('FR-01');
      expect(decodeJwt(fr02).advisorId).toBe('FR-02');
    });

    it('keeps audiences apart', async () => {
      const exchanger = createTokenExchanger({ tokenUrl, clientId: 'training-subgraph', clientSecret: 'local-dev-secret' });
      const subject = await verified({ role: 'training-advisor', advisorId: 'FR-01' });
      const records = await exchanger.exchange(subject, 'fagopplaering-api');
      const mail = await exchanger.exchange(subject, 'digipost-api');
      expect(decodeJwt(records).aud).toBe('fagopplaering-api');
      expect(decodeJwt(mail).aud).toBe('digipost-api');
    });

    it('asks again when the token would expire within 30 seconds', async () => {
      const exchanger = navSubgraph();
      // The exchanged token cannot outlive its subject, so this one is never fresh enough to keep.
      const subject = await verified(INGRID, 25);
      const fetches = tokenRequests();
      await exchanger.exchange(subject, 'nav-api');
      await exchanger.exchange(subject, 'nav-api');
      expect(fetches).toHaveBeenCalledTimes(2);
    });

    it('forgets the oldest entry when it is full', async () => {
      const exchanger = createTokenExchanger({ tokenUrl, clientId: 'nav-subgraph', clientSecret: 'local-dev-secret', maxCacheEntries: 1 });
      const first = await verified(INGRID);
      const second = await verified({ role: 'nav-advisor', navIdent: 'Z990002', azureId: '6f1d3c1e-2b7a-4c3e-9a0f-990002000002' });
      await exchanger.exchange(first, 'nav-api');
      await exchanger.exchange(second, 'nav-api');
      const fetches = tokenRequests();
      await exchanger.exchange(first, 'nav-api');
      expect(fetches).toHaveBeenCalledTimes(1);
    });
  });

  describe('throws TokenExchangeError', () => {
    it('for a wrong client secret, without the token in the message', async () => {
      const exchanger = createTokenExchanger({ tokenUrl, clientId: 'nav-subgraph', clientSecret: 'wrong' });
      const subject = await verified(INGRID);
      const error = await failure(exchanger.exchange(subject, 'nav-api'));
      expect(error).toMatchObject({ status: 401, oauthError: 'invalid_client' });
      expect(error.message).not.toContain(subject.token.slice(-16));
    });

    it('for an audience the client may not ask for', async () => {
      const error = await failure(navSubgraph().exchange(await verified(INGRID), 'karrieresenter-api'));
      expect(error.oauthError).toBe('invalid_target');
    });

    it('for a subject token the issuer did not sign', async () => {
      const { privateKey } = await generateKeyPair('RS256');
      const foreign = await new SignJWT({ role: 'nav-advisor', NAVident: 'Z990001', oid: INGRID_OID })
        .setProtectedHeader({ alg: 'RS256' })
        .setIssuer(issuer.issuer)
        .setAudience(GRAPH_AUDIENCE)
        .setExpirationTime('1h')
        .sign(privateKey);
      const error = await failure(navSubgraph().exchange(hiddenToken(INGRID, foreign, Math.floor(Date.now() / 1000) + 3600), 'nav-api'));
      expect(error).toMatchObject({ status: 400, oauthError: 'invalid_grant', subjectRefused: true });
    });

    it('for a subject token past its expiry (accepted within the clock tolerance), without asking the issuer', async () => {
      const now = Math.floor(Date.now() / 1000);
      const subject = hiddenToken(INGRID, await issuer.tokenFor(INGRID), now - 2);
      const fetches = tokenRequests();
      const error = await failure(navSubgraph().exchange(subject, 'nav-api'));
      expect(error).toMatchObject({ subjectRefused: true, message: 'subject token expired' });
      expect(fetches).not.toHaveBeenCalled();
    });

    it('that blames the token service, not the caller, when the client is refused', async () => {
      const exchanger = createTokenExchanger({ tokenUrl, clientId: 'nav-subgraph', clientSecret: 'wrong' });
      expect(await failure(exchanger.exchange(await verified(INGRID), 'nav-api'))).toMatchObject({ subjectRefused: false });
    });

    it('when the issuer is unreachable', async () => {
      const exchanger = createTokenExchanger({ tokenUrl: 'http://127.0.0.1:9/token', clientId: 'nav-subgraph', clientSecret: 's' });
      const error = await failure(exchanger.exchange(await verified(INGRID), 'nav-api'));
      expect(error).toMatchObject({ timedOut: false, subjectRefused: false });
    });

    it('when the issuer does not answer in time', async () => {
      // Accepts the connection and never answers.
      const hanging = await listen(() => undefined, 0);
      try {
        const exchanger = createTokenExchanger({ tokenUrl: `${hanging.url}/token`, clientId: 'nav-subgraph', clientSecret: 's', timeoutMs: 100 });
        const error = await failure(exchanger.exchange(await verified(INGRID), 'nav-api'));
        expect(error).toMatchObject({ timedOut: true, message: 'token exchange timed out' });
      } finally {
        await hanging.close();
      }
    });

    it('when the issuer answers 200 without a token', async () => {
      const broken = await listen((_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end('{"token_type":"Bearer"}'), 0);
      try {
        const exchanger = createTokenExchanger({ tokenUrl: `${broken.url}/token`, clientId: 'nav-subgraph', clientSecret: 's' });
        const error = await failure(exchanger.exchange(await verified(INGRID), 'nav-api'));
        expect(error.message).toBe('token endpoint sent an invalid response');
      } finally {
        await broken.close();
      }
    });
  });
});
