import { GraphQLError } from 'graphql';
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useNock } from '../../test/support/subgraph.ts';
import { TokenExchangeError } from '../auth/exchange.ts';
import { createLogger } from '../log.ts';
import { createUpstreamHttp } from './http.ts';

const BASE = 'http://upstream.invalid';

/** One GET through the client, with a token source that fails (or not). */
async function callWith(token: () => Promise<string>) {
  const http = createUpstreamHttp(
    { system: 'veilarbaktivitet', baseUrl: BASE, correlationHeader: 'Nav-Call-Id' },
    { callId: 'c-1', log: createLogger('test', 'silent'), token },
  );
  return http({ operation: 'hent', method: 'GET', path: '/x', schema: z.object({ ok: z.boolean() }) }).then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('createUpstreamHttp when the token exchange fails', () => {
  useNock();

  it.each([
    ['UNAUTHENTICATED', 'the issuer refuses the caller\'s token (invalid_grant)', new TokenExchangeError('refused', { status: 400, oauthError: 'invalid_grant' }), { code: 'UNAUTHENTICATED' }],
    ['UNAUTHENTICATED', 'the caller\'s token has expired', new TokenExchangeError('subject token expired', { subjectRefused: true }), { code: 'UNAUTHENTICATED' }],
    ['UPSTREAM_UNAVAILABLE', 'the issuer cannot be reached', new TokenExchangeError('token endpoint unreachable'), { code: 'UPSTREAM_UNAVAILABLE', system: 'token-exchange' }],
    ['UPSTREAM_UNAVAILABLE', 'the issuer refuses this service (invalid_client)', new TokenExchangeError('refused', { status: 401, oauthError: 'invalid_client' }), { code: 'UPSTREAM_UNAVAILABLE', system: 'token-exchange' }],
    ['UPSTREAM_TIMEOUT', 'the issuer does not answer in time', new TokenExchangeError('token exchange timed out', { timedOut: true }), { code: 'UPSTREAM_TIMEOUT', system: 'token-exchange' }],
  ])('answers %s when %s, and calls nothing', async (_code, _when, failure, extensions) => {
    const error = await callWith(() => Promise.reject(failure));
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions).toEqual(extensions);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('passes the exchanged token on when the exchange works', async () => {
    nock(BASE, { reqheaders: { authorization: 'Bearer exchanged', 'nav-call-id': 'c-1' } }).get('/x').reply(200, { ok: true });
    expect(await callWith(async () => 'exchanged')).toBeUndefined();
  });
});
