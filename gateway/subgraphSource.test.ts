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

/** One call of the plan's fetch QUERY to the subgraph at `url`, as the gateway makes it within `budget`. */
function callCareer(url: string, budget = new RequestBudget(1_000)) {
  const source = new SubgraphSource({ name: 'career', url, schema, timeoutMs: 1_000, metrics: createGatewayMetrics() });
  const context = { callId: 'c-1', authorization: 'Bearer t', log: createLogger('test', 'silent'), budget } as GatewayContext;
  const options = { kind: 'incoming operation', request: { query: QUERY, variables: {} }, context, incomingRequestContext: {}, document: parse(QUERY) };
  return source.process(options as unknown as Parameters<SubgraphSource['process']>[0]);
}
const codesOf = (res: Awaited<ReturnType<typeof callCareer>>) => res.errors?.map((e) => ({ path: e.path, code: e.extensions?.code }));

describe('a subgraph call', () => {
  const career = useSubgraphDouble(() => ({ body: { data: { careerCentres: [{ id: 'KS-1' }], trades: [{ name: 'Trondheim' }] } } }));

  it('is sent while the request has budget left', async () => {
    const before = career.received.length;
    expect(await callCareer(career.graphqlUrl)).toEqual({ data: { careerCentres: [{ id: 'KS-1' }], trades: [{ name: 'Trondheim' }] } });
    expect(career.received).toHaveLength(before + 1);
  });

  it('is not started once the budget is spent: each of its fields gets UPSTREAM_TIMEOUT at once', async () => {
    let now = 0;
    const budget = new RequestBudget(500, 0, () => now);
    now = 500;
    const before = career.received.length;
    const res = await callCareer(career.graphqlUrl, budget);
    expect(career.received).toHaveLength(before);
    expect(res.data).toBeUndefined();
    expect(codesOf(res)).toEqual([
      { path: ['careerCentres'], code: 'UPSTREAM_TIMEOUT' },
      { path: ['trades'], code: 'UPSTREAM_TIMEOUT' },
    ]);
  });
});

describe('a subgraph that fails as a whole, with an error but no data and no path', () => {
  const career = useSubgraphDouble(() => ({ body: { data: null, errors: [{ message: 'Internal error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } }));

  it('gives that error on each field it was asked, so the client sees where data is missing', async () => {
    expect(codesOf(await callCareer(career.graphqlUrl))).toEqual([
      { path: ['careerCentres'], code: 'INTERNAL_SERVER_ERROR' },
      { path: ['trades'], code: 'INTERNAL_SERVER_ERROR' },
    ]);
  });
});
