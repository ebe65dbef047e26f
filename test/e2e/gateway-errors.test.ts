import { describe, expect, it } from 'vitest';
import { DEMO, useStack } from '../support/stack.ts';

const citizen = { role: 'citizen', ident: DEMO.P01 } as const;

describe('errors leave the gateway without internal detail', () => {
  const graph = useStack();

  it('a subgraph that cannot be reached is UPSTREAM_UNAVAILABLE on its fields, without its address, and the rest has data', async () => {
    await graph.stack.subgraphs.career.close();
    const res = await graph.query(citizen, '{ me { ident followUp { innsatsgruppe } guidanceBookings { id } } }');
    expect(res.data?.me.followUp.innsatsgruppe).toBe('STANDARD_INNSATS');
    expect(res.data?.me.guidanceBookings).toBeNull();
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_UNAVAILABLE']);
    const body = JSON.stringify(res);
    expect(body).not.toMatch(/localhost|127\.0\.0\.1|http:\/\/|ECONNREFUSED/);
    expect(res.errors![0]!.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', serviceName: 'career' });
    expect(res.errors![0]!.path).toEqual(['me', 'guidanceBookings']);
  });
});

describe('a request that is not a GraphQL request', () => {
  const graph = useStack();
  const post = (url: string, body: string, headers: Record<string, string> = {}) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('gets a GraphQL error with BAD_USER_INPUT for a body that is not JSON, at the gateway and at a subgraph, without a stack trace', async () => {
    for (const url of [graph.stack.gateway.url, graph.stack.subgraphUrls.nav]) {
      const res = await post(url, '{not json');
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/json');
      const text = await res.text();
      expect(JSON.parse(text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(text).not.toMatch(/node_modules|at JSON\.parse|SyntaxError/);
    }
  });

  it('gets 413 for a body over the limit', async () => {
    const res = await post(graph.stack.gateway.url, JSON.stringify({ query: `{ me { ident } }`, variables: { pad: 'x'.repeat(300_000) } }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('a document whose operation cannot be chosen', () => {
  const graph = useStack();

  it('gets 400 OPERATION_RESOLUTION_FAILURE, not a 500, with several operations and no operationName, or an operationName it does not hold', async () => {
    const two = 'query A { me { ident } } query B { me { ident } }';
    for (const body of [{ query: two }, { query: two, operationName: 'C' }, { query: '{ me { ident } }', operationName: 'Nope' }]) {
      const res = await fetch(graph.stack.gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await graph.token(citizen)}` },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as { data?: unknown; errors: Array<{ extensions: { code: string } }> };
      expect({ status: res.status, codes: json.errors.map((e) => e.extensions.code), data: json.data }).toEqual({
        status: 400,
        codes: ['OPERATION_RESOLUTION_FAILURE'],
        data: undefined,
      });
    }
  });
});
