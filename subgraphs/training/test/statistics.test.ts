import { describe, expect, it } from 'vitest';
import { serveApp, useNock } from '../../../test/support/subgraph.ts';
import { BASE, auth, fagopplaering, makeApp, reporting, TIMEOUT_MS } from './support.ts';

useNock();
const post = serveApp(makeApp);

const QUERY = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ProgrammeStatistics { quarter skillsMappingRequests { value } trainingPlansSent { value } } } }`;
const q3 = { r: [{ __typename: 'ProgrammeStatistics', quarter: '2026-Q3' }] };

const row = (status: string, rute: string | null, antall: number, maaned = '2026-09') => ({ maaned, status, laerefagkode: 'ELELE3----', rute, antall });
const statistikk = (rader: unknown[]) =>
  fagopplaering()
    .get(`${BASE}/statistikk/kartlegginger`)
    .query({ fraMaaned: '2026-07', tilMaaned: '2026-09' })
    .reply(200, { fraMaaned: '2026-07', tilMaaned: '2026-09', generert: '2026-11-26T08:00:00.000+01:00', rader });

/** A published value is a rounding of `n` to base 5: a multiple of 5 within 4 of it, `n` itself when it is one. */
const roundingOf = (value: number, n: number) => value % 5 === 0 && Math.abs(value - n) <= 4 && (n % 5 !== 0 || value === n);

describe('ProgrammeStatistics in the training subgraph', () => {
  it('counts every request made in the quarter and, of those, the ones whose plan went out, from one statistics call', async () => {
    statistikk([
      row('PLAN_SENDT', 'LAERLING', 3),
      row('AVSLUTTET', 'PRAKSISKANDIDAT', 2, '2026-08'), // closed after its plan was sent
      row('TRUKKET', 'LAERLING', 1), // withdrawn after the plan was sent: the letter went out
      row('AVSLUTTET', null, 2), // closed without a plan
      row('UNDER_BEHANDLING', null, 4, '2026-07'),
      row('TRUKKET', null, 1),
    ]);
    const res = await post(QUERY, q3, auth.bearer(reporting));
    expect(res.body.errors).toBeUndefined();
    const [s] = res.body.data!._entities;
    expect(s.quarter).toBe('2026-Q3');
    // True counts: 13 requests, 6 plans sent; rounded together, so the plans never exceed the requests.
    expect([roundingOf(s.skillsMappingRequests.value, 13), roundingOf(s.trainingPlansSent.value, 6)]).toEqual([true, true]);
    expect(s.trainingPlansSent.value).toBeLessThanOrEqual(s.skillsMappingRequests.value);
  });

  it('publishes a count of 1 to 4 as 0 or 5, and a true zero as 0', async () => {
    statistikk([row('MOTTATT', null, 3)]);
    const res = await post(QUERY, q3, auth.bearer(reporting));
    const [s] = res.body.data!._entities;
    expect([0, 5]).toContain(s.skillsMappingRequests.value);
    expect(s.trainingPlansSent).toEqual({ value: 0 });
  });

  it('refuses an entity of a quarter that has not ended, or one named by months, reading nothing', async () => {
    for (const key of [{ quarter: '2026-Q4' }, { from: '2026-07', to: '2026-09' }]) {
      const res = await post(QUERY, { r: [{ __typename: 'ProgrammeStatistics', ...key }] }, auth.bearer(reporting));
      expect(res.body.errors!.map((e) => e.extensions!.code)).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('answers UPSTREAM_UNAVAILABLE on its figures when fagopplæring is down, keeping the entity', async () => {
    fagopplaering().get(`${BASE}/statistikk/kartlegginger`).query(true).reply(503);
    const res = await post(QUERY, q3, auth.bearer(reporting));
    expect(res.body.data!._entities[0]).toEqual({ quarter: '2026-Q3', skillsMappingRequests: null, trainingPlansSent: null });
    expect(new Set(res.body.errors!.map((e) => e.extensions!.code))).toEqual(new Set(['UPSTREAM_UNAVAILABLE']));
  });

  it('answers UPSTREAM_TIMEOUT when fagopplæring does not answer in time', async () => {
    fagopplaering().get(`${BASE}/statistikk/kartlegginger`).query(true).delay(TIMEOUT_MS + 200).reply(200, {});
    const res = await post(QUERY, q3, auth.bearer(reporting));
    expect(new Set(res.body.errors!.map((e) => e.extensions!.code))).toEqual(new Set(['UPSTREAM_TIMEOUT']));
  });

  it('answers UPSTREAM_CONTRACT_VIOLATION for a row outside the contract, without echoing it', async () => {
    statistikk([{ ...row('PLAN_SENDT', 'LAERLING', 1), antall: 0, fnr: '14820482817' }]);
    const res = await post(QUERY, q3, auth.bearer(reporting));
    expect(new Set(res.body.errors!.map((e) => e.extensions!.code))).toEqual(new Set(['UPSTREAM_CONTRACT_VIOLATION']));
    expect(JSON.stringify(res.body)).not.toContain('14820482817');
  });
});
