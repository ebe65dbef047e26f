import { describe, expect, it } from 'vitest';
import { serveApp, useNock } from '../../../test/support/subgraph.ts';
import { BASE, auth, fagopplaering, makeApp, reporting, TIMEOUT_MS } from './support.ts';

useNock();
const post = serveApp(makeApp);

const QUERY = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on ProgrammeStatistics { from to skillsMappingRequests { value suppressed } trainingPlansSent { value suppressed } } } }`;
const autumn = { r: [{ __typename: 'ProgrammeStatistics', from: '2026-09', to: '2026-11' }] };

const row = (status: string, rute: string | null, antall: number, maaned = '2026-09') => ({ maaned, status, laerefagkode: 'ELELE3----', rute, antall });
const statistikk = (rader: unknown[]) =>
  fagopplaering()
    .get(`${BASE}/statistikk/kartlegginger`)
    .query({ fraMaaned: '2026-09', tilMaaned: '2026-11' })
    .reply(200, { fraMaaned: '2026-09', tilMaaned: '2026-11', generert: '2026-11-26T08:00:00.000+01:00', rader });

describe('ProgrammeStatistics in the training subgraph', () => {
  it('counts every request made in the period and, of those, the ones whose plan went out, from one statistics call', async () => {
    statistikk([
      row('PLAN_SENDT', 'LAERLING', 3),
      row('AVSLUTTET', 'PRAKSISKANDIDAT', 2, '2026-10'), // closed after its plan was sent
      row('TRUKKET', 'LAERLING', 1), // withdrawn after the plan was sent: the letter went out
      row('AVSLUTTET', null, 2), // closed without a plan
      row('UNDER_BEHANDLING', null, 4, '2026-11'),
      row('TRUKKET', null, 1),
    ]);
    const res = await post(QUERY, autumn, auth.bearer(reporting));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!._entities).toEqual([
      { from: '2026-09', to: '2026-11', skillsMappingRequests: { value: 13, suppressed: false }, trainingPlansSent: { value: 6, suppressed: false } },
    ]);
  });

  it('suppresses a count from 1 to 4 and publishes a zero', async () => {
    statistikk([row('MOTTATT', null, 3)]);
    const res = await post(QUERY, autumn, auth.bearer(reporting));
    expect(res.body.data!._entities[0]).toMatchObject({ skillsMappingRequests: { value: null, suppressed: true }, trainingPlansSent: { value: 0, suppressed: false } });
  });

  it('answers UPSTREAM_UNAVAILABLE on its figures when fagopplæring is down, keeping the entity', async () => {
    fagopplaering().get(`${BASE}/statistikk/kartlegginger`).query(true).reply(503);
    const res = await post(QUERY, autumn, auth.bearer(reporting));
    expect(res.body.data!._entities[0]).toEqual({ from: '2026-09', to: '2026-11', skillsMappingRequests: null, trainingPlansSent: null });
    expect(new Set(res.body.errors!.map((e) => e.extensions!.code))).toEqual(new Set(['UPSTREAM_UNAVAILABLE']));
  });

  it('answers UPSTREAM_TIMEOUT when fagopplæring does not answer in time', async () => {
    fagopplaering().get(`${BASE}/statistikk/kartlegginger`).query(true).delay(TIMEOUT_MS + 200).reply(200, {});
    const res = await post(QUERY, autumn, auth.bearer(reporting));
    expect(new Set(res.body.errors!.map((e) => e.extensions!.code))).toEqual(new Set(['UPSTREAM_TIMEOUT']));
  });

  it('answers UPSTREAM_CONTRACT_VIOLATION for a row outside the contract, without echoing it', async () => {
    statistikk([{ ...row('PLAN_SENDT', 'LAERLING', 1), antall: 0, fnr: '14820482817' }]);
    const res = await post(QUERY, autumn, auth.bearer(reporting));
    expect(new Set(res.body.errors!.map((e) => e.extensions!.code))).toEqual(new Set(['UPSTREAM_CONTRACT_VIOLATION']));
    expect(JSON.stringify(res.body)).not.toContain('14820482817');
  });
});
