import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEMO, useStack } from '../support/stack.ts';

const citizen = { role: 'citizen', ident: DEMO.P01 } as const;
const body = JSON.stringify({ query: '{ me { ident } }' });

describe('a request body whose Content-Encoding is wrong or unknown (regression: HTTP 500)', () => {
  const graph = useStack();
  const targets = () => ({ gateway: graph.stack.gateway.url, 'the nav subgraph': graph.stack.subgraphUrls.nav });

  async function post(url: string, encoding: string, payload: string | Uint8Array<ArrayBuffer>) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': encoding, authorization: `Bearer ${await graph.token(citizen)}` },
      body: payload,
    });
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type'), text, body: JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions: { code: string } }[] } };
  }

  const cases: [string, string, number][] = [
    ['gzip on a body that is not gzip', 'gzip', 400],
    ['deflate on a body that is not deflated', 'deflate', 400],
    ['br on a body that is not brotli', 'br', 400],
    ['an encoding nobody knows', 'x-unknown', 415],
    ['two encodings stacked', 'gzip, gzip', 415],
  ];
  for (const [what, encoding, status] of cases) {
    it(`answers ${what} with ${status} and a BAD_USER_INPUT GraphQL error, at the gateway and at a subgraph`, async () => {
      for (const [target, url] of Object.entries(targets())) {
        const res = await post(url, encoding, body);
        expect({ target, status: res.status, code: res.body.errors?.[0]?.extensions.code }).toEqual({ target, status, code: 'BAD_USER_INPUT' });
        expect(res.type).toContain('application/json');
        expect(res.body.data).toBeUndefined();
        expect(res.text).not.toMatch(/node_modules|Z_DATA_ERROR|incorrect header|x-unknown|at \w+ \(/);
      }
    });
  }

  it('still reads a body that really is gzip', async () => {
    const res = await post(graph.stack.gateway.url, 'gzip', new Uint8Array(gzipSync(body)));
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ me: { ident: DEMO.P01 } });
  });
});
