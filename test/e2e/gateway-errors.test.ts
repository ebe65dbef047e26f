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
    expect(res.errors![0]!.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE' });
  });
});
