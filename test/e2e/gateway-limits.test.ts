import { getIntrospectionQuery, parse, print, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../lib/auth/caller.ts';
import { upstreamCalls } from '../../subgraphs/nav/test/navTruth.ts';
import { operationText } from '../support/fixtures.ts';
import { DEMO, useStack, type GraphQLResult } from '../support/stack.ts';

const citizen = { role: 'citizen', ident: DEMO.P01 } as const;
const partner = { role: 'partner-reporting', clientId: 'partnerskap' } as const;
const advisor = { role: 'nav-advisor', navIdent: 'Z990001', azureId: '6f1d3c1e-2b7a-4c3e-9a0f-990001000001' } as const;
const trainingAdvisor = { role: 'training-advisor', advisorId: 'FR-01' } as const;
const counsellor = { role: 'career-counsellor', counsellorId: 'KV-101', centreId: 'KS-TRD' } as const;

/** The bomb: F0 spreads F1 twice, … F(n-1) spreads Fn twice; 2^n spreads of `__typename` at depth 1. */
const fragmentBomb = (n: number) =>
  `query{...F0} ${Array.from({ length: n }, (_, i) => `fragment F${i} on Query{...F${i + 1} ...F${i + 1}}`).join(' ')} fragment F${n} on Query{__typename}`;

/** The selection set a client operation asks of its (only) root field, as text. */
function rootSelection(file: string, name: string): string {
  const operation = parse(operationText(file, name)).definitions[0] as OperationDefinitionNode;
  return print((operation.selectionSet.selections[0] as FieldNode).selectionSet!);
}

const LIMIT_CODES = ['DEPTH_LIMIT_EXCEEDED', 'ALIAS_LIMIT_EXCEEDED', 'DIRECTIVE_LIMIT_EXCEEDED', 'TOKEN_LIMIT_EXCEEDED', 'COST_LIMIT_EXCEEDED', 'BATCH_LIMIT_EXCEEDED'];

describe('the gateway refuses what would block it or fan out without bound, before any work', () => {
  const graph = useStack();

  const post = async (caller: Caller, body: unknown) => {
    const res = await fetch(graph.stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await graph.token(caller)}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as GraphQLResult | GraphQLResult[] };
  };
  /** Every subgraph's upstream calls so far, summed. */
  const allUpstreamCalls = async () => {
    let total = 0;
    for (const url of Object.values(graph.stack.subgraphUrls)) total += Object.values(await upstreamCalls(url)).reduce((a, b) => a + b, 0);
    return total;
  };
  const expectRefused = (res: { status: number; body: GraphQLResult | GraphQLResult[] }, code: string) => {
    expect(res.status).toBe(400);
    expect(Array.isArray(res.body)).toBe(false);
    const body = res.body as GraphQLResult;
    expect(body.data).toBeUndefined();
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual([code]);
    return body.errors![0]!;
  };

  describe('the fragment bomb', () => {
    it.each([20, 30])('is refused at n = %i with COST_LIMIT_EXCEEDED, even with a partner-reporting token', async (n) => {
      const error = expectRefused(await post(partner, { query: fragmentBomb(n) }), 'COST_LIMIT_EXCEEDED');
      expect(error.message).toBe(`The operation has an estimated cost of ${2 ** n}; at most 60000 per request is allowed.`);
      expect(error.extensions?.limit).toBe(60000);
    });

    it('is refused at n = 40 already by its length (TOKEN_LIMIT_EXCEEDED), even with a partner-reporting token', async () => {
      expectRefused(await post(partner, { query: fragmentBomb(40) }), 'TOKEN_LIMIT_EXCEEDED');
    });

    it('is refused as a GET request too, and with a citizen token', async () => {
      const res = await fetch(`${graph.stack.gateway.url}?query=${encodeURIComponent(fragmentBomb(30))}`, {
        headers: { authorization: `Bearer ${await graph.token(citizen)}`, 'apollo-require-preflight': 'true' },
      });
      expectRefused({ status: res.status, body: (await res.json()) as GraphQLResult }, 'COST_LIMIT_EXCEEDED');
    });

    it('cannot be smuggled in as an automatic persisted query: a hash carries no text to measure, so APQ is off', async () => {
      const res = await post(partner, { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } });
      expect((res.body as GraphQLResult).errors?.map((e) => e.extensions?.code)).toEqual(['PERSISTED_QUERY_NOT_SUPPORTED']);
    });
  });

  it('refuses an operation nested deeper than 15 fields, counted through fragments, with DEPTH_LIMIT_EXCEEDED', async () => {
    // GuidanceBooking.person → Person.guidanceBookings → …: 16 fields deep, half of them inside a fragment.
    const fragment = `fragment Deeper on Person { guidanceBookings { person { guidanceBookings { person { guidanceBookings { person { guidanceBookings { person { ident } } } } } } } } }`;
    const query = `{ me { guidanceBookings { person { guidanceBookings { person { guidanceBookings { person { guidanceBookings { person { ...Deeper } } } } } } } } } } ${fragment}`;
    const error = expectRefused(await post(citizen, { query }), 'DEPTH_LIMIT_EXCEEDED');
    expect(error.message).toBe('Query depth limit of 15 exceeded, found 18.');
  });

  it('refuses more than 30 aliases, counted through fragments, with ALIAS_LIMIT_EXCEEDED', async () => {
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: ident`).join(' ');
    const res = await post(citizen, { query: `{ me { ...Twice } me2: me { ...Twice } } fragment Twice on Person { ${aliases} }` });
    expect(expectRefused(res, 'ALIAS_LIMIT_EXCEEDED').message).toBe('Aliases limit of 30 exceeded, found 33.');
  });

  it('refuses more than 50 directives with DIRECTIVE_LIMIT_EXCEEDED', async () => {
    const res = await post(citizen, { query: `{ me { ident ${'@include(if: true) '.repeat(51)}} }` });
    expect(expectRefused(res, 'DIRECTIVE_LIMIT_EXCEEDED').message).toBe('Directives limit of 50 exceeded, found 51.');
  });

  it('refuses more than 400 tokens in one request — one document, or a batch together — with TOKEN_LIMIT_EXCEEDED', async () => {
    const res = await post(citizen, { query: `{ me { ${'ident '.repeat(400)}} }` });
    expect(expectRefused(res, 'TOKEN_LIMIT_EXCEEDED').message).toBe('The document has more than 400 tokens; at most 400 per request are allowed.');
    const batch = await post(citizen, Array(2).fill({ query: `{ me { ${'ident '.repeat(198)}} }` }));
    expect(expectRefused(batch, 'TOKEN_LIMIT_EXCEEDED').message).toBe("The batch's documents have more than 400 tokens together; at most 400 per request are allowed.");
  });

  it('refuses 20 aliased myCaseload(first: $first = 50) reads in one operation with COST_LIMIT_EXCEEDED, calling no upstream system', async () => {
    const pages = Array.from({ length: 20 }, (_, i) => `c${i}: myCaseload(first: $first) { ...Page }`).join(' ');
    const query = `query Fanout($first: Int!) { ${pages} } fragment Page on CaseloadConnection ${rootSelection('nav-advisor.graphql', 'AdvisorCaseload')}`;
    const before = await allUpstreamCalls();
    const error = expectRefused(await post(advisor, { query, variables: { first: 50 } }), 'COST_LIMIT_EXCEEDED');
    expect(error.message).toMatch(/^The operation has an estimated cost of \d+; at most 60000 per request is allowed\.$/);
    expect(await allUpstreamCalls()).toBe(before);
  });

  it('refuses a batch of 10 operations × 30 aliased person(ident:) reads at the door (its documents exceed the tokens of one request), calling no upstream system', async () => {
    const idents = [DEMO.P01, DEMO.P02, DEMO.P03, DEMO.P04, DEMO.P05];
    const persons = Array.from({ length: 30 }, (_, i) => `p${i}: person(ident: "${idents[i % idents.length]}") { ...Overview }`).join(' ');
    const overview = rootSelection('nav-advisor.graphql', 'AdvisorPersonOverview');
    const operation = { query: `query Fanout($trade: ID!) { ${persons} } fragment Overview on Person ${overview}`, variables: { trade: 'BARLF3----' } };
    const before = await allUpstreamCalls();
    expectRefused(await post(advisor, Array(10).fill(operation)), 'TOKEN_LIMIT_EXCEEDED');
    expect(await allUpstreamCalls()).toBe(before);
  });

  it('refuses a batch whose operations are each within the budget but together over it, and answers each of them alone', async () => {
    const worklist = { query: operationText('training-advisor.graphql', 'TrainingAdvisorWorklist'), variables: { first: 100 } };
    const before = await allUpstreamCalls();
    const error = expectRefused(await post(trainingAdvisor, [worklist, worklist, worklist]), 'COST_LIMIT_EXCEEDED');
    expect(error.message).toMatch(/^The batch's 3 operations together have/);
    expect(await allUpstreamCalls()).toBe(before);

    const alone = await post(trainingAdvisor, worklist);
    expect(alone.status).toBe(200);
    expect((alone.body as GraphQLResult).data?.skillsMappingRequests.nodes.length).toBeGreaterThan(0);
  });

  it('refuses a batch of more than ten operations with BATCH_LIMIT_EXCEEDED, and answers a batch within the limit', async () => {
    const operation = { query: '{ me { ident } }' };
    const error = expectRefused(await post(citizen, Array(11).fill(operation)), 'BATCH_LIMIT_EXCEEDED');
    expect(error.message).toBe('A batch may hold at most 10 operations; this one holds 11.');
    const fine = await post(citizen, Array(2).fill(operation));
    expect((fine.body as GraphQLResult[]).map((r) => r.data?.me.ident)).toEqual([DEMO.P01, DEMO.P01]);
  });

  it('names the batch operation that exceeds a per-operation limit', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: ident`).join(' ');
    const res = await post(citizen, [{ query: '{ me { ident } }' }, { query: `{ me { ${aliases} } }` }]);
    expect(expectRefused(res, 'ALIAS_LIMIT_EXCEEDED').message).toBe('Operation 2 of the batch: Aliases limit of 30 exceeded, found 31.');
  });

  it("answers every read operation of the clients, at the largest page, and the introspection query, within every limit", async () => {
    const reads: Array<[Caller, string, string, Record<string, unknown>]> = [
      [counsellor, 'career-counsellor.graphql', 'CounsellorDay', { centreId: 'KS-TRD', date: '2026-11-26' }],
      [citizen, 'citizen.graphql', 'CitizenOverview', {}],
      [citizen, 'citizen.graphql', 'AvailableSlots', { centreId: 'KS-TRD', from: '2026-11-30', to: '2026-12-04' }],
      [advisor, 'nav-advisor.graphql', 'AdvisorCaseload', { first: 100 }],
      [advisor, 'nav-advisor.graphql', 'AdvisorPersonOverview', { ident: DEMO.P01, trade: 'BARLF3----' }],
      [partner, 'partner-reporting.graphql', 'ProgrammeStatistics', { quarter: '2026-Q3' }],
      [trainingAdvisor, 'training-advisor.graphql', 'TrainingAdvisorWorklist', { first: 100 }],
      [trainingAdvisor, 'training-advisor.graphql', 'TradeCurriculum', { code: 'BARLF3----' }],
      [trainingAdvisor, 'training-advisor.graphql', 'PriorSubjectMapping', { ident: DEMO.P07, trade: 'HSBUA3----' }],
    ];
    for (const [caller, file, name, variables] of reads) {
      const res = await post(caller, { query: operationText(file, name), variables });
      const codes = (res.body as GraphQLResult).errors?.map((e) => e.extensions?.code) ?? [];
      expect({ name, status: res.status, limitCodes: codes.filter((c) => LIMIT_CODES.includes(c)) }).toEqual({ name, status: 200, limitCodes: [] });
      expect((res.body as GraphQLResult).data, name).toBeTruthy();
    }
    const introspection = await post(partner, { query: getIntrospectionQuery() });
    expect(introspection.status).toBe(200);
    expect((introspection.body as GraphQLResult).data?.__schema.types.length).toBeGreaterThan(100);
  });

  it('never suggests schema names ("Did you mean …?") in validation, variable or input errors, and still names what is wrong', async () => {
    const asked: Array<[Caller, string, Record<string, unknown>, string]> = [
      [citizen, '{ me { idnt } }', {}, '"idnt"'],
      [citizen, '{ me { ... on Persn { ident } } }', {}, '"Persn"'],
      [advisor, '{ myCaseload(frist: 1) { totalCount } }', {}, '"frist"'],
      [citizen, '{ availableSlots(centreId: "KS-TRD", from: "2026-12-01", to: "2026-12-02", mode: DIGTAL) { id } }', {}, '"DIGTAL"'],
      [citizen, 'query Slots($m: GuidanceMode) { availableSlots(centreId: "KS-TRD", from: "2026-12-01", to: "2026-12-02", mode: $m) { id } }', { m: 'DIGTAL' }, '"DIGTAL"'],
      [citizen, 'mutation Share($i: ShareCareerNoteInput!) { shareCareerNote(input: $i) { userErrors { code } } }', { i: { notId: 'x' } }, '"notId"'],
    ];
    for (const [caller, query, variables, named] of asked) {
      const { body } = await post(caller, { query, variables });
      const messages = (body as GraphQLResult).errors?.map((e) => e.message) ?? [];
      expect(messages.join('\n'), query).toContain(named);
      for (const message of messages) {
        expect(message).not.toMatch(/did you mean/i);
        expect(message).not.toMatch(/ \?$/);
      }
    }
  });

  it('counts operations by name in /internal/metrics', async () => {
    const res = await post(citizen, { query: 'query MetricsProbe { me { ident } }' });
    expect(res.status).toBe(200);
    const metrics = await (await fetch(new URL('/internal/metrics', graph.stack.gateway.url))).text();
    expect(metrics).toMatch(/fagbrev_graphql_operations_total\{operation="MetricsProbe",error="none",process="gateway"\} 1/);
  });
});
