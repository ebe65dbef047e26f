import { describe, expect, it } from 'vitest';
import { DEMO_FIXTURES_DIR } from '../../stand-ins/common/fixtures.ts';
import { expectedCitizenOverview, instants, operationText, readFixtures } from '../support/fixtures.ts';
import { DEMO, useStack, type GraphQLResult } from '../support/stack.ts';
import { forward, useGatewayOver, useSubgraphDouble } from '../support/subgraphDoubles.ts';

const fx = readFixtures(DEMO_FIXTURES_DIR);
const CITIZEN_OVERVIEW = operationText('citizen.graphql', 'CitizenOverview');
const citizen = { role: 'citizen', ident: DEMO.P01 } as const;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asks a gateway as P01; gives up (and fails the test) long after any configured bound, where main never answered. */
async function askAsP01(graph: ReturnType<typeof useStack>, url: string): Promise<GraphQLResult & { ms: number }> {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await graph.token(citizen)}` },
    body: JSON.stringify({ query: CITIZEN_OVERVIEW }),
    signal: AbortSignal.timeout(8_000),
  });
  return { ...((await res.json()) as GraphQLResult), ms: performance.now() - started };
}

const errorsOf = (res: GraphQLResult) => (res.errors ?? []).map((e) => ({ path: e.path, code: e.extensions?.code }));

describe('a subgraph that never answers (regression: the gateway waited 20 s and more and lost every other subgraph\'s data)', () => {
  const graph = useStack();
  const hungCareer = useSubgraphDouble(() => 'hang');
  // The call timeout is the gateway's for every subgraph: long enough for NAV and fagopplæring on a loaded machine.
  const gateway = useGatewayOver(graph, () => ({ subgraphUrls: { career: hungCareer.graphqlUrl }, timeouts: { subgraphTimeoutMs: 3_000, requestBudgetMs: 6_000 } }));

  it('costs only its own fields: the answer comes with NAV\'s and fagopplæring\'s data and UPSTREAM_TIMEOUT on each career field', async () => {
    const res = await askAsP01(graph, gateway.url);
    const { guidanceBookings: _g, careerNotes: _c, ...rest } = expectedCitizenOverview(fx, DEMO.P01).me;
    expect(hungCareer.received).toHaveLength(1);
    expect(instants(res.data)).toEqual({ me: { ...rest, guidanceBookings: null, careerNotes: null } });
    expect(errorsOf(res)).toEqual([
      { path: ['me', 'guidanceBookings'], code: 'UPSTREAM_TIMEOUT' },
      { path: ['me', 'careerNotes'], code: 'UPSTREAM_TIMEOUT' },
    ]);
    expect(res.errors!.every((e) => e.extensions?.serviceName === 'career' && !/localhost|http:/.test(e.message))).toBe(true);
  });
});

describe('the request budget', () => {
  const graph = useStack();
  // NAV answers, but only after the whole request's budget: a late answer that the plan's next calls would wait on.
  const slowNav = useSubgraphDouble(async (request) => (await sleep(1_500), forward(request, graph.stack.subgraphUrls.nav)));
  const career = useSubgraphDouble((request) => forward(request, graph.stack.subgraphUrls.career));
  const training = useSubgraphDouble((request) => forward(request, graph.stack.subgraphUrls.training));
  const gateway = useGatewayOver(graph, () => ({
    subgraphUrls: { nav: slowNav.graphqlUrl, career: career.graphqlUrl, training: training.graphqlUrl },
    timeouts: { subgraphTimeoutMs: 5_000, requestBudgetMs: 600 },
  }));

  it('ends a call still running when it is spent, and starts no later call of the plan', async () => {
    const res = await askAsP01(graph, gateway.url);
    expect(res.data).toEqual({ me: null });
    expect(errorsOf(res)).toEqual([{ path: ['me'], code: 'UPSTREAM_TIMEOUT' }]);
    // Long enough for NAV's late answer to have arrived and for the plan's career and training calls to have gone out.
    await sleep(1_500);
    expect(slowNav.received).toHaveLength(1);
    expect(career.received).toHaveLength(0);
    expect(training.received).toHaveLength(0);
  });
});
