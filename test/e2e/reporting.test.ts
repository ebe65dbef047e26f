import { describe, expect, it } from 'vitest';
import type { Caller } from '../../lib/auth/caller.ts';
import { DEMO_FIXTURES_DIR } from '../../stand-ins/common/fixtures.ts';
import { allIdents, navAdvisor, readFixtures } from '../support/fixtures.ts';
import { DEMO, useStack } from '../support/stack.ts';
import { expectedStatistics, partner, periodsBetween, PROGRAMME_STATISTICS, rawFigures } from './reporting.support.ts';

const fx = readFixtures(DEMO_FIXTURES_DIR);
const graph = useStack();
const CURRENT_MONTH = '2026-11'; // the fixtures' reference now, 2026-11-26 in Oslo

const statistics = (caller: Caller, from: string, to: string) => graph.query(caller, PROGRAMME_STATISTICS, { from, to });
const codes = (res: { errors?: Array<{ extensions?: Record<string, any> }> }) => [...new Set(res.errors?.map((e) => e.extensions?.code))];

describe('programme statistics for a reporting client (demo set)', () => {
  it.each([
    ['the programme year so far', '2026-01', CURRENT_MONTH],
    ['one month', '2026-09', '2026-09'],
    ['the autumn', '2026-08', '2026-11'],
    ['a period before the programme started', '2024-01', '2024-12'],
    ['the longest period allowed', '2023-12', CURRENT_MONTH],
  ])('gives the figures the fixture files imply for %s, small counts suppressed', async (_name, from, to) => {
    const res = await statistics(partner, from, to);
    expect(res.errors).toBeUndefined();
    expect(res.data!.programmeStatistics).toEqual(expectedStatistics(fx, from, to));
  });

  it('hides a booking count of 1–4 and, in a breakdown, also the smallest other cell, so no hidden cell can be recovered', async () => {
    // Steinkjer has 1–4 bookings in the autumn and Trondheim the rest: Trondheim's count would give Steinkjer's away.
    const raw = rawFigures(fx, '2026-08', '2026-11');
    const [stk, trd] = ['KS-STK', 'KS-TRD'].map((id) => raw.byCentre.find((c) => c.centre.id === id)!.n) as [number, number];
    expect([stk >= 1 && stk <= 4, trd >= 5, raw.bookings >= 5]).toEqual([true, true, true]);

    const { data } = await statistics(partner, '2026-08', '2026-11');
    const s = data!.programmeStatistics;
    expect(s.bookings).toEqual({ value: raw.bookings, suppressed: false });
    expect(s.bookingsByCentre.map((c: any) => [c.centre.id, c.count])).toEqual([
      ['KS-STK', { value: null, suppressed: true }],
      ['KS-TRD', { value: null, suppressed: true }],
    ]);
  });

  it('hides bookings referred by NAV when what is left of the total is 1–4', async () => {
    const raw = rawFigures(fx, '2026-08', '2026-11');
    expect(raw.referredByNav).toBeGreaterThanOrEqual(5);
    expect(raw.bookings - raw.referredByNav).toBeGreaterThanOrEqual(1);
    expect(raw.bookings - raw.referredByNav).toBeLessThanOrEqual(4);
    const { data } = await statistics(partner, '2026-08', '2026-11');
    expect(data!.programmeStatistics.bookingsReferredByNav).toEqual({ value: null, suppressed: true });
  });

  it('never publishes a count from 1 to 4, in any period of up to a year', async () => {
    for (const [from, to] of periodsBetween('2026-01', CURRENT_MONTH, 12).filter((_, i) => i % 7 === 0)) {
      const { data } = await statistics(partner, from, to);
      const counts = JSON.stringify(data!.programmeStatistics).match(/"value":\d+/g) ?? [];
      expect(counts.map((c) => Number(c.slice(8))).filter((n) => n >= 1 && n <= 4), `${from}..${to}`).toEqual([]);
    }
  });

  it('answers no person\'s identity anywhere in the figures', async () => {
    const res = await statistics(partner, '2026-01', CURRENT_MONTH);
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
    const res = await statistics(caller, '2026-01', CURRENT_MONTH);
    expect(res.data?.programmeStatistics ?? null).toBeNull();
    expect(codes(res)).toEqual(['FORBIDDEN']);
  });

  it.each(others)('%s gets FORBIDDEN from each contributing subgraph asked directly for the entity', async (_name, caller) => {
    const entities = (fields: string) =>
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on ProgrammeStatistics { ${fields} } } }`;
    const r = [{ __typename: 'ProgrammeStatistics', from: '2026-01', to: CURRENT_MONTH }];
    const career = await graph.subgraphQuery('career', caller, entities('bookings { value } notesShared { value }'), { r });
    const training = await graph.subgraphQuery('training', caller, entities('skillsMappingRequests { value } trainingPlansSent { value }'), { r });
    for (const res of [career, training]) {
      expect(res.data?._entities?.[0] ?? null).toBeNull();
      expect(codes(res)).toEqual(['FORBIDDEN']);
    }
  });

  it('a request without a token is refused', async () => {
    const res = await graph.query(null, PROGRAMME_STATISTICS, { from: '2026-01', to: CURRENT_MONTH });
    expect(res.data?.programmeStatistics ?? null).toBeNull();
    expect(codes(res)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('the period', () => {
  it.each([
    ['a month that does not exist', '2026-13', '2026-11'],
    ['a month without its leading zero', '2026-1', '2026-11'],
    ['a date instead of a month', '2026-01-01', '2026-11'],
    ['from after to', '2026-10', '2026-09'],
    ['more than 36 months', '2023-11', CURRENT_MONTH],
    ['a month after the current one', '2026-11', '2026-12'],
  ])('is BAD_USER_INPUT for %s, with no figures', async (_name, from, to) => {
    const res = await statistics(partner, from, to);
    expect(res.data?.programmeStatistics ?? null).toBeNull();
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    // The reason, not the inner workings: no subgraph address or body, and the value stays with the caller.
    expect(res.errors?.[0]?.extensions?.response).toBeUndefined();
    expect(res.errors?.[0]?.message).not.toContain(`"${from}"`);
  });

  it('is checked by the training subgraph too when asked directly for the entity', async () => {
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on ProgrammeStatistics { skillsMappingRequests { value } } } }';
    const res = await graph.subgraphQuery('training', partner, query, { r: [{ __typename: 'ProgrammeStatistics', from: '2026-11', to: '2027-01' }] });
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
