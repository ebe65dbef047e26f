import { describe, expect, it } from 'vitest';
import { claimsForCaller } from '../../lib/auth/claims.ts';
import { operationText } from '../support/fixtures.ts';
import { DEMO, useStack, type GraphQLResult } from '../support/stack.ts';

const citizen = { role: 'citizen', ident: DEMO.P01 } as const;
const CITIZEN_OVERVIEW = operationText('citizen.graphql', 'CitizenOverview');
/** A field of each subgraph, each read from its upstream with an exchanged token. */
const ONE_FIELD_EACH = '{ me { ident followUp { startedAt } guidanceBookings { id } skillsMappingRequests { id } } }';
const seconds = () => Math.floor(Date.now() / 1000);

/**
 * Each subgraph exchanges the caller's token for one per upstream (RFC 8693). When that fails, the fields that
 * needed it say why — the caller's token, or the token service — never INTERNAL_SERVER_ERROR. The tests run in
 * order: the last stops the issuer.
 */
describe('a failed token exchange', () => {
  const graph = useStack();

  async function post(authorization: string, query: string) {
    const res = await fetch(graph.stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query }),
    });
    return { status: res.status, ...((await res.json()) as GraphQLResult) };
  }

  it('is UNAUTHENTICATED on every field for a token expired within the clock tolerance, which the issuer will not exchange', async () => {
    // Two seconds past exp: the gateway and the subgraphs accept it (5 s clock tolerance); the issuer allows none.
    const token = await graph.stack.issuer.signToken({ ...claimsForCaller(citizen), iat: seconds() - 3600, nbf: seconds() - 3600, exp: seconds() - 2 });
    for (const query of [ONE_FIELD_EACH, CITIZEN_OVERVIEW]) {
      const res = await post(`Bearer ${token}`, query);
      expect(res.status).toBe(200);
      expect(res.data?.me.ident).toBe(DEMO.P01);
      expect(res.errors?.length).toBeGreaterThan(0);
      expect(new Set(res.errors!.map((e) => e.extensions?.code))).toEqual(new Set(['UNAUTHENTICATED']));
    }
    const res = await post(`Bearer ${token}`, ONE_FIELD_EACH);
    expect(res.errors!.map((e) => e.path?.join('.')).sort()).toEqual(['me.followUp', 'me.guidanceBookings', 'me.skillsMappingRequests']);
    expect(res.data?.me).toMatchObject({ followUp: null, guidanceBookings: null, skillsMappingRequests: null });
  });

  it('is UPSTREAM_UNAVAILABLE on every field when the token service is down, and the fields without an upstream still resolve', async () => {
    // The gateway and subgraphs have the issuer's keys from this first request; then the issuer stops.
    const warm = await graph.query(citizen, ONE_FIELD_EACH);
    expect(warm.errors).toBeUndefined();
    await graph.stack.issuer.close();
    // A new token: nothing exchanged for it is cached.
    const token = await graph.stack.issuer.tokenFor(citizen);
    const res = await post(`Bearer ${token}`, ONE_FIELD_EACH);
    expect(res.status).toBe(200);
    expect(res.data?.me).toEqual({ ident: DEMO.P01, followUp: null, guidanceBookings: null, skillsMappingRequests: null });
    expect(res.errors!.map((e) => [e.path?.join('.'), e.extensions]).sort()).toEqual([
      ['me.followUp', { code: 'UPSTREAM_UNAVAILABLE', system: 'token-exchange', serviceName: 'nav' }],
      ['me.guidanceBookings', { code: 'UPSTREAM_UNAVAILABLE', system: 'token-exchange', serviceName: 'career' }],
      ['me.skillsMappingRequests', { code: 'UPSTREAM_UNAVAILABLE', system: 'token-exchange', serviceName: 'training' }],
    ]);
  });
});
