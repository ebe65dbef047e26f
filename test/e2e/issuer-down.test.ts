import { describe, expect, it } from 'vitest';
import { DEMO, useStack } from '../support/stack.ts';

const citizen = { role: 'citizen', ident: DEMO.P01 } as const;

describe('when the token issuer is down', () => {
  const graph = useStack();

  it('answers 503 UPSTREAM_UNAVAILABLE rather than 401, so the client retries instead of logging out', async () => {
    const token = await graph.token(citizen); // signed before the issuer stops; the gateway has not fetched its keys yet
    await graph.stack.issuer.close();
    const res = await fetch(graph.stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { ident } }' }),
    });
    const body = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    expect(res.status).toBe(503);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
  });
});
