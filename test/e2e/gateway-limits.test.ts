import { describe, expect, it } from 'vitest';
import { DEMO, useStack } from '../support/stack.ts';

const citizen = { role: 'citizen', ident: DEMO.P01 } as const;

describe('the gateway limits what one request may ask', () => {
  const graph = useStack();

  it('refuses an operation with more aliases than allowed, before any subgraph is asked', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: ident`).join(' ');
    const res = await graph.query(citizen, `{ me { ${aliases} } }`);
    expect(res.data).toBeUndefined();
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0]?.message).toContain('at most 30');
  });

  it('refuses a batch of more than ten operations, and answers a batch within the limit', async () => {
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${await graph.token(citizen)}` };
    const operation = { query: '{ me { ident } }' };
    const tooMany = await fetch(graph.stack.gateway.url, { method: 'POST', headers, body: JSON.stringify(Array(11).fill(operation)) });
    expect(tooMany.status).toBe(400);
    const fine = await fetch(graph.stack.gateway.url, { method: 'POST', headers, body: JSON.stringify(Array(2).fill(operation)) });
    expect(((await fine.json()) as unknown[]).map((r) => (r as { data: { me: { ident: string } } }).data.me.ident)).toEqual([DEMO.P01, DEMO.P01]);
  });

  it('counts operations by name in /internal/metrics', async () => {
    await graph.query(citizen, 'query MetricsProbe { me { ident } }');
    const metrics = await (await fetch(new URL('/internal/metrics', graph.stack.gateway.url))).text();
    expect(metrics).toMatch(/fagbrev_graphql_operations_total\{operation="MetricsProbe",error="none",process="gateway"\} 1/);
  });
});
