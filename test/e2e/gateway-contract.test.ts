import { describe, expect, it } from 'vitest';
import { DEMO_FIXTURES_DIR } from '../../stand-ins/common/fixtures.ts';
import { expectedCitizenOverview, instants, operationText, readFixtures } from '../support/fixtures.ts';
import { DEMO, useStack, type GraphQLResult } from '../support/stack.ts';
import { forward, graphqlBody, useGatewayOver, useSubgraphDouble, type DoubleAnswer, type ReceivedRequest } from '../support/subgraphDoubles.ts';

const fx = readFixtures(DEMO_FIXTURES_DIR);
const CITIZEN_OVERVIEW = operationText('citizen.graphql', 'CitizenOverview');
const citizen = { role: 'citizen', ident: DEMO.P01 } as const;
const { guidanceBookings: expectedBookings, careerNotes: expectedNotes, ...expectedRest } = expectedCitizenOverview(fx, DEMO.P01).me;
const errorsOf = (res: GraphQLResult) => (res.errors ?? []).map((e) => ({ path: e.path, code: e.extensions?.code }));
const CAREER_FIELDS_BROKEN = [
  { path: ['me', 'guidanceBookings'], code: 'UPSTREAM_CONTRACT_VIOLATION' },
  { path: ['me', 'careerNotes'], code: 'UPSTREAM_CONTRACT_VIOLATION' },
];

/** One `_entities` item per representation the gateway sent, built by `item`. */
const entitiesAnswer = (item: (i: number) => unknown) => (request: ReceivedRequest): DoubleAnswer => ({
  body: { data: { _entities: (graphqlBody(request).variables?.representations ?? []).map((_, i) => item(i)) } },
});

describe('what a subgraph answers is checked against what the query plan asked of it', () => {
  const graph = useStack();
  let answer: (request: ReceivedRequest) => DoubleAnswer | Promise<DoubleAnswer> = () => 'hang';
  const career = useSubgraphDouble((request) => answer(request));
  const gateway = useGatewayOver(graph, () => ({ subgraphUrls: { career: career.graphqlUrl } }));

  async function overview(): Promise<GraphQLResult> {
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await graph.token(citizen)}` },
      body: JSON.stringify({ query: CITIZEN_OVERVIEW }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as GraphQLResult;
  }

  it('passes an answer within the contract on unchanged', async () => {
    answer = (request) => forward(request, graph.stack.subgraphUrls.career);
    const res = await overview();
    expect(res.errors).toBeUndefined();
    expect(instants(res.data)).toEqual(expectedCitizenOverview(fx, DEMO.P01));
  });

  const garbage: [string, DoubleAnswer][] = [
    ['an HTML page', { body: '<html><body>Bad gateway</body></html>', contentType: 'text/html' }],
    ['JSON that does not parse', { body: '{"data": {"_entities": [', contentType: 'application/json' }],
    ['a JSON array', { body: [1, 2, 3] }],
    ['data that is not an object', { body: { data: 'yes' } }],
    ['neither data nor errors', { body: {} }],
    ['errors that are not GraphQL errors', { body: { errors: 'everything is fine' } }],
    ['no _entities list', { body: { data: { entities: [] } } }],
    ['fewer _entities than representations', { body: { data: { _entities: [] } } }],
    ['a body that does not match its Content-Encoding', { body: { data: { _entities: [{ guidanceBookings: [], careerNotes: [] }] } }, headers: { 'content-encoding': 'gzip' } }],
  ];
  for (const [what, body] of garbage) {
    it(`turns a 200 with ${what} into UPSTREAM_CONTRACT_VIOLATION on each career field, with its path, and keeps the rest (regression: an error without a path)`, async () => {
      answer = () => body;
      const res = await overview();
      expect(errorsOf(res)).toEqual(CAREER_FIELDS_BROKEN);
      expect(instants(res.data)).toEqual({ me: { ...expectedRest, guidanceBookings: null, careerNotes: null } });
    });
  }

  it('nulls only the wrong-typed field of an _entities item and keeps its well-typed sibling', async () => {
    answer = entitiesAnswer(() => ({ guidanceBookings: 'three bookings', careerNotes: [] }));
    const res = await overview();
    expect(errorsOf(res)).toEqual([{ path: ['me', 'guidanceBookings'], code: 'UPSTREAM_CONTRACT_VIOLATION' }]);
    expect(instants(res.data)).toEqual({ me: { ...expectedRest, guidanceBookings: null, careerNotes: [] } });
  });

  it('refuses an _entities item of another type than its representation', async () => {
    answer = entitiesAnswer(() => ({ __typename: 'ProgrammeStatistics', guidanceBookings: [], careerNotes: [] }));
    const res = await overview();
    expect(errorsOf(res)).toEqual(CAREER_FIELDS_BROKEN);
    expect(instants(res.data)).toEqual({ me: { ...expectedRest, guidanceBookings: null, careerNotes: null } });
  });

  it('nulls a booking list whose item breaks a non-null enum, with the error at the broken value', async () => {
    answer = async (request) => {
      const real = await forward(request, graph.stack.subgraphUrls.career);
      if (real === 'hang') return real;
      const body = JSON.parse(real.body as string);
      body.data._entities[0].guidanceBookings[0].status = 'EXPLODED';
      return { body };
    };
    const res = await overview();
    expect(expectedBookings.length).toBeGreaterThan(0);
    expect(errorsOf(res)).toEqual([{ path: ['me', 'guidanceBookings', 0, 'status'], code: 'UPSTREAM_CONTRACT_VIOLATION' }]);
    expect(instants(res.data)).toEqual({ me: { ...expectedRest, guidanceBookings: null, careerNotes: expectedNotes } });
  });

  it('never lets a subgraph overwrite another subgraph\'s field (regression: career\'s `followUp` replaced NAV\'s, without an error)', async () => {
    const forged = { startedAt: '2020-01-01T00:00:00+01:00', innsatsgruppe: 'VARIG_TILPASSET_INNSATS', office: { id: '0000', name: 'Forged office' } };
    answer = entitiesAnswer(() => ({ guidanceBookings: [], careerNotes: [], followUp: forged }));
    const res = await overview();
    expect(instants(res.data)?.me.followUp).toEqual(expectedRest.followUp);
    expect(JSON.stringify(res.data)).not.toContain('Forged office');
    expect(errorsOf(res)).toEqual(CAREER_FIELDS_BROKEN);
  });
});
