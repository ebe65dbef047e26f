import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../lib/log.ts';
import { readSupergraph } from '../schema/compose.ts';
import { useSubgraphDouble } from '../test/support/subgraphDoubles.ts';
import { RequestBudget } from './budget.ts';
import type { GatewayContext } from './context.ts';
import { createGatewayMetrics } from './metrics.ts';
import { subgraphSchemas } from './subgraphSchemas.ts';
import { SubgraphSource } from './subgraphSource.ts';

const schema = subgraphSchemas(readSupergraph()).get('career')!;
const QUERY = '{ careerCentres { id } trades: careerCentres { name } }';

describe('a subgraph call', () => {
  const career = useSubgraphDouble(() => ({ body: { data: { careerCentres: [{ id: 'KS-1' }], trades: [{ name: 'Trondheim' }] } } }));

  async function callWith(budget: RequestBudget) {
    const source = new SubgraphSource({ name: 'career', url: career.graphqlUrl, schema, timeoutMs: 1_000, metrics: createGatewayMetrics() });
    const context = { callId: 'c-1', authorization: 'Bearer t', caller: { role: 'citizen', ident: '14820482817' }, log: createLogger('test', 'silent'), budget } as GatewayContext;
    const options = { kind: 'incoming operation', request: { query: QUERY, variables: {} }, context, incomingRequestContext: {}, document: parse(QUERY) };
    return source.process(options as unknown as Parameters<SubgraphSource['process']>[0]);
  }

  it('is sent while the request has budget left', async () => {
    const before = career.received.length;
    expect(await callWith(new RequestBudget(1_000))).toEqual({ data: { careerCentres: [{ id: 'KS-1' }], trades: [{ name: 'Trondheim' }] } });
    expect(career.received).toHaveLength(before + 1);
  });

  it('is not started once the budget is spent: each of its fields gets UPSTREAM_TIMEOUT at once', async () => {
    let now = 0;
    const budget = new RequestBudget(500, 0, () => now);
    now = 500;
    const before = career.received.length;
    const res = await callWith(budget);
    expect(career.received).toHaveLength(before);
    expect(res.data).toBeUndefined();
    expect(res.errors?.map((e) => ({ path: e.path, code: e.extensions?.code }))).toEqual([
      { path: ['careerCentres'], code: 'UPSTREAM_TIMEOUT' },
      { path: ['trades'], code: 'UPSTREAM_TIMEOUT' },
    ]);
  });
});
