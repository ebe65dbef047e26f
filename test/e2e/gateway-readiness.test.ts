import { describe, expect, it } from 'vitest';
import { DEMO, useStack } from '../support/stack.ts';
import { useGatewayOver, useSubgraphDouble, type DoubleAnswer } from '../support/subgraphDoubles.ts';

const SUBGRAPHS = ['nav', 'career', 'training'] as const;

describe('a gateway whose subgraphs sit under a path prefix (behind a reverse proxy: http://host/nav/graphql)', () => {
  const graph = useStack();
  // The proxy: /<subgraph>/<path> → the stack's subgraph at /<path>; anything else is 404.
  const proxy = useSubgraphDouble(async (request): Promise<DoubleAnswer> => {
    const [, prefix, ...rest] = request.path.split('/');
    const target = SUBGRAPHS.find((s) => s === prefix);
    if (!target) return { status: 404, body: 'no such path', contentType: 'text/plain' };
    const url = new URL(`/${rest.join('/')}`, graph.stack.subgraphUrls[target]);
    const post = request.body.length > 0;
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([k, v]) => typeof v === 'string' && !['host', 'content-length', 'connection'].includes(k))) as Record<string, string>;
    const res = await fetch(url, post ? { method: 'POST', headers, body: request.body } : { headers });
    return { status: res.status, body: await res.text(), contentType: res.headers.get('content-type') ?? 'text/plain' };
  });
  const gateway = useGatewayOver(graph, () => ({ subgraphUrls: Object.fromEntries(SUBGRAPHS.map((s) => [s, `${proxy.url}/${s}/graphql`])) }));
  const base = () => new URL(gateway.url).origin;

  it('is ready: each subgraph is probed at <prefix>/internal/isready (regression: the prefix was dropped, so never ready)', async () => {
    const res = await fetch(`${base()}/internal/isready`);
    expect(await res.json()).toEqual({ ready: true, subgraphs: { nav: true, career: true, training: true } });
    expect(res.status).toBe(200);
    expect(proxy.received.map((r) => r.path).filter((p) => p.endsWith('isready')).sort()).toEqual(SUBGRAPHS.map((s) => `/${s}/internal/isready`).sort());
  });

  it('answers queries through the prefixed subgraphs as well', async () => {
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await graph.token({ role: 'citizen', ident: DEMO.P01 })}` },
      body: JSON.stringify({ query: '{ me { ident followUp { innsatsgruppe } guidanceBookings { id } skillsMappingRequests { id } } }' }),
    });
    const body = (await res.json()) as { data: { me: Record<string, unknown> }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data.me.ident).toBe(DEMO.P01);
    expect((body.data.me.guidanceBookings as unknown[]).length).toBeGreaterThan(0);
  });
});
