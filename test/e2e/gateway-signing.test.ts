import { describe, expect, it } from 'vitest';
import { signatureHeaders } from '../../lib/signing/gatewaySignature.ts';
import { DEMO, useStack } from '../support/stack.ts';
import { forward, useGatewayOver, useSubgraphDouble, type ReceivedRequest } from '../support/subgraphDoubles.ts';

const citizen = { role: 'citizen', ident: DEMO.P01 } as const;
const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { guidanceBookings { id status } } } }`;
const representations = { r: [{ __typename: 'Person', ident: DEMO.P01 }] };

const answerOf = (answer: Awaited<ReturnType<typeof forward>>) => {
  if (answer === 'hang') throw new Error('no answer');
  const body = JSON.parse(answer.body as string) as { data?: any; errors?: { extensions?: { code?: string } }[] };
  return { status: answer.status, data: body.data, code: body.errors?.[0]?.extensions?.code };
};
const REFUSED = { status: 401, data: undefined, code: 'UNAUTHENTICATED' };

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
    const send = async (signedAuthorization: string, sentAuthorization: string, secret: string) => {
      const callId = 'probe-call';
      const body = JSON.stringify({ query: entities, variables: representations });
      const signature = signatureHeaders(secret, { subgraph: 'career', callId, authorization: signedAuthorization, body });
      const res = await fetch(graph.stack.subgraphUrls.career, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: sentAuthorization, 'nav-call-id': callId, ...signature },
        body,
      });
      const answer = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
      return { status: res.status, data: answer.data, code: answer.errors?.[0]?.extensions?.code };
    };
    const p01 = `Bearer ${await graph.token(citizen)}`;
    const p02 = `Bearer ${await graph.token({ role: 'citizen', ident: DEMO.P02 })}`;
    const secret = graph.stack.gatewaySigningSecret;
    expect((await send(p01, p01, secret)).status).toBe(200);
    expect(await send(p01, p02, secret)).toEqual(REFUSED);
    expect(await send(p01, p01, `${secret}-other`)).toEqual(REFUSED);
  });
});

describe('a request the gateway signed, taken off the wire', () => {
  const graph = useStack();
  // Stands where NAV is for a second gateway over the same stack: keeps what that gateway sends, answers nothing.
  const wire = useSubgraphDouble(() => ({ status: 503, body: { errors: [{ message: 'taken off the wire' }] } }));
  const gateway = useGatewayOver(graph, () => ({ subgraphUrls: { nav: wire.graphqlUrl } }));

  /** Asks the gateway as P01, so it signs a NAV request, and returns that request as it went out. */
  async function signedNavRequest(): Promise<ReceivedRequest> {
    const before = wire.received.length;
    await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await graph.token(citizen)}` },
      body: JSON.stringify({ query: '{ me { ident followUp { innsatsgruppe } } }' }),
    });
    expect(wire.received).toHaveLength(before + 1);
    return wire.received[before]!;
  }

  it('is answered once at NAV, and refused when sent again within the window (regression: a replay was served)', async () => {
    const request = await signedNavRequest();
    const first = answerOf(await forward(request, graph.stack.subgraphUrls.nav));
    expect(first).toMatchObject({ status: 200, data: { me: { ident: DEMO.P01, followUp: { innsatsgruppe: 'STANDARD_INNSATS' } } } });
    expect(answerOf(await forward(request, graph.stack.subgraphUrls.nav))).toEqual(REFUSED);
  });

  it('is refused with its extensions changed (regression: the signature covered query, operation name and variables only)', async () => {
    const request = await signedNavRequest();
    const body = JSON.stringify({ ...JSON.parse(request.body), extensions: { injected: true } });
    expect(answerOf(await forward({ ...request, body }, graph.stack.subgraphUrls.nav))).toEqual(REFUSED);
    // The refusal was the change: the request as signed still passes.
    expect(answerOf(await forward(request, graph.stack.subgraphUrls.nav)).status).toBe(200);
  });

  it('is refused by another subgraph than the one it was signed for (regression: it named no subgraph)', async () => {
    const request = await signedNavRequest();
    for (const other of ['career', 'training'] as const) {
      expect(answerOf(await forward(request, graph.stack.subgraphUrls[other]))).toEqual(REFUSED);
    }
  });
});
