import { describe, expect, it } from 'vitest';
import type { Caller } from '../../lib/auth/caller.ts';
import { DEMO_FIXTURES_DIR } from '../../stand-ins/common/fixtures.ts';
import { allIdents, navAdvisor, readFixtures } from '../support/fixtures.ts';
import { DEMO, useStack } from '../support/stack.ts';
import { attack, departuresFromFiles, partner, PROGRAMME_STATISTICS, publishedQuarters, rawFigures, recovered, refusedQuarters, SUPPRESSED_BELOW_5 } from './reporting.support.ts';

const fx = readFixtures(DEMO_FIXTURES_DIR);
const graph = useStack();
const QUARTERS = publishedQuarters(fx.now); // 2023-Q4 to 2026-Q3 at the fixtures' reference now, 2026-11-26

const statistics = (caller: Caller, quarter: string) => graph.query(caller, PROGRAMME_STATISTICS, { quarter });
const codes = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => [...new Set(res.errors?.map((e) => e.extensions?.code))];

describe('programme statistics for a reporting client (demo set)', () => {
  it('gives, for every quarter published, each count rounded to base 5 from what the files imply, every breakdown adding up', async () => {
    expect(QUARTERS).toHaveLength(12);
    for (const quarter of QUARTERS) {
      const res = await statistics(partner, quarter);
      expect(res.errors, quarter).toBeUndefined();
      expect(res.data!.programmeStatistics.quarter).toBe(quarter);
      expect(departuresFromFiles(fx, res.data!.programmeStatistics), quarter).toEqual([]);
    }
  });

  it('never publishes a count from 1 to 4: every count is a multiple of 5', async () => {
    // The third quarter has small counts (1–4 of them) in the files: they must not show.
    const raw = rawFigures(fx, '2026-Q3');
    expect(Object.values(raw).some((n) => typeof n === 'number' && n >= 1 && n <= 4)).toBe(true);
    const { data } = await statistics(partner, '2026-Q3');
    const counts = (JSON.stringify(data!.programmeStatistics).match(/"value":\d+/g) ?? []).map((c) => Number(c.slice(8)));
    expect(counts.length).toBeGreaterThan(10);
    expect(counts.filter((n) => n % 5 !== 0)).toEqual([]);
  });

  it('answers a quarter the same way every time it is asked', async () => {
    const first = await statistics(partner, '2026-Q3');
    const again = await statistics(partner, '2026-Q3');
    expect(again.data).toEqual(first.data);
  });

  it('the issue\'s differencing attack (2025-07..2026-11 minus 2025-07..2026-10) finds no ranges to subtract: they are refused', async () => {
    for (const to of ['2026-11', '2026-10']) {
      const res = await graph.query(partner, `{ programmeStatistics(from: "2025-07", to: "${to}") { bookings { value } } }`);
      expect(res.data?.programmeStatistics ?? null).toBeNull();
      expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    }
    const res = await graph.subgraphQuery('career', partner, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on ProgrammeStatistics { bookings { value } } } }', {
      r: [{ __typename: 'ProgrammeStatistics', from: '2025-07', to: '2026-11' }],
    });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  });

  it('a differencing attack over every quarter published recovers no count, nor narrows one beyond its own rounding', async () => {
    const pinned: string[] = [];
    const narrowed: string[] = [];
    for (const quarter of QUARTERS) {
      const answer = (await statistics(partner, quarter)).data!.programmeStatistics;
      const found = recovered(answer, attack(answer));
      pinned.push(...found.pinned.map((cell) => `${quarter} ${cell}`));
      narrowed.push(...found.narrowed.map((cell) => `${quarter} ${cell}`));
    }
    expect(pinned).toEqual([]);
    expect(narrowed).toEqual([]);
  });

  it('the attacker finds what suppression beside a shown total left solvable, so its finding nothing above means something', () => {
    // The rule before: 12 bookings shown, in person 10 shown, phone and digital (1 and 1) hidden; 5 referred shown.
    const shown = (value: number) => ({ value, suppressed: false });
    const hidden = { value: null, suppressed: true };
    const oldAnswer = {
      bookings: shown(12),
      bookingsReferredByNav: shown(5),
      sessionsCompleted: shown(12),
      bookingsByMode: [
        { mode: 'IN_PERSON', count: shown(10) },
        { mode: 'PHONE', count: hidden },
        { mode: 'DIGITAL', count: hidden },
      ],
      bookingsByCentre: [
        { centre: { id: 'KS-STK' }, count: hidden },
        { centre: { id: 'KS-TRD' }, count: hidden },
      ],
      notesShared: shown(0),
      skillsMappingRequests: hidden,
      trainingPlansSent: shown(0),
    };
    const rule = SUPPRESSED_BELOW_5(12);
    expect(recovered(oldAnswer, attack(oldAnswer, rule), rule).pinned).toEqual(['mode PHONE', 'mode DIGITAL']);
  });

  it('answers no person\'s identity anywhere in the figures', async () => {
    const res = await statistics(partner, QUARTERS[0]!);
    const body = JSON.stringify(res);
    expect([...allIdents(fx)].filter((ident) => body.includes(ident))).toEqual([]);
  });
});

describe('who may read the programme statistics', () => {
  const others: Array<[string, Caller]> = [
    ['a citizen', { role: 'citizen', ident: DEMO.P01 }],
    ['a NAV advisor', navAdvisor(fx, 'Z990001')],
    ['a career counsellor', { role: 'career-counsellor', counsellorId: 'KV-101', centreId: 'KS-TRD' }],
    ['a training advisor', { role: 'training-advisor', advisorId: 'FR-01' }],
  ];

  it.each(others)('%s gets FORBIDDEN and no figures', async (_name, caller) => {
    const res = await statistics(caller, QUARTERS[0]!);
    expect(res.data?.programmeStatistics ?? null).toBeNull();
    expect(codes(res)).toEqual(['FORBIDDEN']);
  });

  it.each(others)('%s gets FORBIDDEN from each contributing subgraph asked directly for the entity', async (_name, caller) => {
    const entities = (fields: string) =>
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on ProgrammeStatistics { ${fields} } } }`;
    const r = [{ __typename: 'ProgrammeStatistics', quarter: QUARTERS[0] }];
    const career = await graph.subgraphQuery('career', caller, entities('bookings { value } notesShared { value }'), { r });
    const training = await graph.subgraphQuery('training', caller, entities('skillsMappingRequests { value } trainingPlansSent { value }'), { r });
    for (const res of [career, training]) {
      expect(res.data?._entities?.[0] ?? null).toBeNull();
      expect(codes(res)).toEqual(['FORBIDDEN']);
    }
  });

  it('a request without a token is refused', async () => {
    const res = await graph.query(null, PROGRAMME_STATISTICS, { quarter: QUARTERS[0] });
    expect(res.data?.programmeStatistics ?? null).toBeNull();
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('the quarter', () => {
  const [inProgress, next, thirteenthBack] = refusedQuarters(fx.now);
  it.each([
    ['the quarter in progress', inProgress!],
    ['a quarter of the future', next!],
    ['a quarter more than twelve back', thirteenthBack!],
    ['a quarter that does not exist', '2026-Q5'],
    ['a quarter without its Q', '2026-3'],
    ['a month', '2026-09'],
  ])('is BAD_USER_INPUT for %s, with no figures', async (_name, quarter) => {
    const res = await statistics(partner, quarter);
    expect(res.data?.programmeStatistics ?? null).toBeNull();
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    // The reason, not the inner workings: no subgraph address or body, and the value stays with the caller.
    expect(res.errors?.[0]?.extensions?.response).toBeUndefined();
    expect(res.errors?.[0]?.message).not.toContain(`"${quarter}"`);
  });

  it('is checked by the training subgraph too when asked directly for the entity', async () => {
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on ProgrammeStatistics { skillsMappingRequests { value } } } }';
    const res = await graph.subgraphQuery('training', partner, query, { r: [{ __typename: 'ProgrammeStatistics', quarter: inProgress }] });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('a reporting client gets nothing personal anywhere in the graph', () => {
  const personal: Array<[string, string, Record<string, unknown>]> = [
    ['person(ident:) with every subgraph\'s fields', `query($ident: ID!) { person(ident: $ident) { ident followUp { startedAt } activityPlan { activities { id } } guidanceBookings { id } careerNotes { id } skillsMappingRequests { id } completedSubjects { code } } }`, { ident: DEMO.P01 }],
    ['me', '{ me { ident guidanceBookings { id } } }', {}],
    ['myCaseload', '{ myCaseload { totalCount nodes { ident } } }', {}],
    ['centreBookings', '{ centreBookings(centreId: "KS-TRD", date: "2026-11-26") { id startsAt } }', {}],
    ['skillsMappingRequests (the training worklist)', '{ skillsMappingRequests(first: 10) { totalCount nodes { id } } }', {}],
  ];

  it.each(personal)('%s is FORBIDDEN', async (_name, query, variables) => {
    const res = await graph.query(partner, query, variables);
    expect(codes(res)).toEqual(['FORBIDDEN']);
    // At most the key the caller sent comes back: every other field is null.
    const leaves = JSON.stringify(res.data ?? {}).match(/"\w+":(?!null)[^{[]/g) ?? [];
    expect(leaves.filter((leaf) => leaf !== '"ident":"')).toEqual([]);
  });
});
