import { describe, expect, it } from 'vitest';
import { sign, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../lib/signing/gatewaySignature.ts';
import { DEMO, useStack } from '../support/stack.ts';

const citizen = { role: 'citizen', ident: DEMO.P01 } as const;
const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { guidanceBookings { id status } } } }`;
const representations = { r: [{ __typename: 'Person', ident: DEMO.P01 }] };

describe('gateway → subgraph signing', () => {
  const graph = useStack();

  it('lets a signed direct call get exactly what the gateway gets', async () => {
    const direct = await graph.subgraphQuery('career', citizen, entities, representations);
    const viaGateway = await graph.query(citizen, `{ me { guidanceBookings { id status } } }`);
    expect(direct.errors).toBeUndefined();
    expect(direct.data?._entities[0].guidanceBookings).toEqual(viaGateway.data?.me.guidanceBookings);
    expect(direct.data?._entities[0].guidanceBookings.length).toBeGreaterThan(0);
  });

  it('refuses a direct call the gateway did not sign, even with a valid token', async () => {
    for (const subgraph of ['nav', 'career', 'training'] as const) {
      const res = await graph.subgraphQuery(subgraph, citizen, entities, representations, { sign: false });
      expect(res.status).toBe(401);
      expect(res.data).toBeUndefined();
      expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses a signature made for another token or with another secret', async () => {
    const query = entities;
    const send = async (signedAuthorization: string, sentAuthorization: string, secret: string) => {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const callId = 'probe-call';
      const signature = sign(secret, { timestamp, callId, authorization: signedAuthorization, query, operationName: null, variables: representations });
      const res = await fetch(graph.stack.subgraphUrls.career, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: sentAuthorization, 'nav-call-id': callId, [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: signature },
        body: JSON.stringify({ query, variables: representations }),
      });
      return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
    };
    const p01 = `Bearer ${await graph.token(citizen)}`;
    const p02 = `Bearer ${await graph.token({ role: 'citizen', ident: DEMO.P02 })}`;
    const secret = graph.stack.gatewaySigningSecret;
    expect((await send(p01, p01, secret)).status).toBe(200);
    for (const refused of [await send(p01, p02, secret), await send(p01, p01, `${secret}-other`)]) {
      expect(refused.status).toBe(401);
      expect(refused.body.data).toBeUndefined();
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });
});
