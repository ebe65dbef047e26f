import { generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { claimsForCaller } from '../../lib/auth/claims.ts';
import { GRAPH_AUDIENCE } from '../../lib/config.ts';
import { DEMO, useStack, type GraphQLResult } from '../support/stack.ts';

const citizen = { role: 'citizen', ident: DEMO.P01 } as const;
const ME = '{ me { ident followUp { startedAt } guidanceBookings { id } skillsMappingRequests { id } } }';
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ident } } }`;
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const seconds = () => Math.floor(Date.now() / 1000);

describe('identity: every process refuses a token that is not valid for the graph', () => {
  const graph = useStack();
  const claims = claimsForCaller(citizen);

  /** Authorization headers that must be refused, each made with the running issuer's key unless the case is the key. */
  const badTokens: Record<string, () => Promise<string | null>> = {
    'no token': async () => null,
    'an expired token': async () => `Bearer ${await graph.stack.issuer.signToken({ ...claims, iat: seconds() - 7200, nbf: seconds() - 7200, exp: seconds() - 3600 })}`,
    'a token not yet valid': async () => `Bearer ${await graph.stack.issuer.signToken({ ...claims, nbf: seconds() + 3600 })}`,
    'a token from another issuer': async () => `Bearer ${await graph.stack.issuer.signToken({ ...claims, iss: 'https://issuer.invalid/fagbrev' })}`,
    'a token for another audience': async () => `Bearer ${await graph.stack.issuer.signToken(claims, { audience: 'nav-api' })}`,
    'a token signed with another key': async () => {
      const { privateKey } = await generateKeyPair('RS256');
      const jwt = await new SignJWT({ ...claims })
        .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
        .setIssuer(graph.stack.issuer.issuer)
        .setAudience(GRAPH_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(privateKey);
      return `Bearer ${jwt}`;
    },
    'an unsigned token (alg none)': async () =>
      `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, iss: graph.stack.issuer.issuer, aud: GRAPH_AUDIENCE, iat: seconds(), exp: seconds() + 3600 })}.`,
  };

  const expectRefused = (res: GraphQLResult & { status: number }) => {
    expect(res.status).toBe(401);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  };

  it('accepts a valid token (the probes below differ from it in one thing only)', async () => {
    const res = await graph.query(citizen, ME);
    expect(res.status).toBe(200);
    expect(res.data?.me.ident).toBe(DEMO.P01);
    for (const subgraph of ['nav', 'career', 'training'] as const) {
      const direct = await graph.subgraphQuery(subgraph, citizen, ENTITIES, { r: [{ __typename: 'Person', ident: DEMO.P01 }] });
      expect(direct.status).toBe(200);
      expect(direct.data?._entities).toEqual([{ ident: DEMO.P01 }]);
    }
  });

  for (const [name, make] of Object.entries(badTokens)) {
    it(`the gateway answers ${name} with 401 UNAUTHENTICATED and no data`, async () => {
      const authorization = await make();
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (authorization) headers.authorization = authorization;
      const res = await fetch(graph.stack.gateway.url, { method: 'POST', headers, body: JSON.stringify({ query: ME }) });
      expectRefused({ status: res.status, ...((await res.json()) as GraphQLResult) });
    });

    it(`each subgraph answers ${name} with 401 UNAUTHENTICATED, even in a request signed as the gateway's`, async () => {
      const authorization = (await make()) ?? '';
      for (const subgraph of ['nav', 'career', 'training'] as const) {
        const res = await graph.subgraphQuery(subgraph, null, ENTITIES, { r: [{ __typename: 'Person', ident: DEMO.P01 }] }, { authorization });
        expectRefused(res);
      }
    });
  }
});
