import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../lib/auth/caller.ts';
import { serveApp, useNock } from '../../../test/support/subgraph.ts';
import { auth, fixture, ks, KS_BASE, makeApp, mockCentres } from './support.ts';

useNock();
const post = serveApp(makeApp);

const reporting: Caller = { role: 'partner-reporting', clientId: 'trondelag-forum' };
const QUERY = `query ($from: YearMonth!, $to: YearMonth!) { programmeStatistics(from: $from, to: $to) {
  from to bookings { value suppressed } bookingsReferredByNav { value suppressed } sessionsCompleted { value suppressed }
  bookingsByMode { mode count { value suppressed } } bookingsByCentre { centre { id name } count { value suppressed } } notesShared { value suppressed } } }`;
const period = { from: '2026-09', to: '2026-11' };
const months = { fromMonth: '2026-09', toMonth: '2026-11' };
const generatedAt = '2026-11-26T08:00:00.000+01:00';

const row = (centreId: string, mode: string, status: string, count: number, month = '2026-10') => ({ month, centreId, mode, status, count });
const bookingReport = (rows: unknown[], referredByNav?: boolean) =>
  ks()
    .get(`${KS_BASE}/reports/bookings`)
    .query(referredByNav ? { ...months, referredByNav: 'true' } : months)
    .reply(200, { ...months, referredByNav: referredByNav ?? null, generatedAt, rows });
const noteSharingReport = (rows: unknown[]) =>
  ks().get(`${KS_BASE}/reports/note-sharing`).query(months).reply(200, { ...months, generatedAt, rows });

describe('ProgrammeStatistics in the career subgraph', () => {
  it('counts bookings that were not cancelled, lists every mode and centre, and counts share grants given as notes shared', async () => {
    bookingReport([
      row('KS-TRD', 'OPPMOTE', 'GJENNOMFORT', 9),
      row('KS-TRD', 'DIGITAL', 'IKKE_MOTT', 2),
      row('KS-TRD', 'TELEFON', 'BOOKET', 6, '2026-11'),
      row('KS-TRD', 'OPPMOTE', 'AVLYST', 4), // cancelled: not a booking
      row('KS-STK', 'DIGITAL', 'GJENNOMFORT', 7),
    ]);
    bookingReport([row('KS-TRD', 'OPPMOTE', 'GJENNOMFORT', 9), row('KS-STK', 'DIGITAL', 'GJENNOMFORT', 7), row('KS-TRD', 'OPPMOTE', 'AVLYST', 4)], true);
    mockCentres();
    noteSharingReport([
      { month: '2026-09', centreId: 'KS-TRD', notesFinalised: 4, grantsGiven: 3, grantsWithdrawn: 1 },
      { month: '2026-10', centreId: 'KS-STK', notesFinalised: 2, grantsGiven: 3, grantsWithdrawn: 0 },
    ]);
    const res = await post(QUERY, period, auth.bearer(reporting));
    expect(res.body.errors).toBeUndefined();
    const shown = (value: number) => ({ value, suppressed: false });
    const centre = (id: string) => ({ id, name: fixture.centres.find((c) => c.id === id)!.name });
    expect(res.body.data!.programmeStatistics).toEqual({
      ...period,
      bookings: shown(24),
      bookingsReferredByNav: shown(16),
      sessionsCompleted: shown(16),
      // DIGITAL: 2 (no-show) + 7 = 9; PHONE 6; IN_PERSON 9 — none small, so none hidden.
      bookingsByMode: [
        { mode: 'IN_PERSON', count: shown(9) },
        { mode: 'PHONE', count: shown(6) },
        { mode: 'DIGITAL', count: shown(9) },
      ],
      bookingsByCentre: [
        { centre: centre('KS-STK'), count: shown(7) },
        { centre: centre('KS-TRD'), count: shown(17) },
      ],
      notesShared: shown(6),
    });
  });

  it('hides a small mode and the smallest other mode with it, and a part whose remainder is small', async () => {
    bookingReport([row('KS-TRD', 'OPPMOTE', 'GJENNOMFORT', 12), row('KS-TRD', 'TELEFON', 'GJENNOMFORT', 2), row('KS-TRD', 'DIGITAL', 'GJENNOMFORT', 6)]);
    bookingReport([row('KS-TRD', 'OPPMOTE', 'GJENNOMFORT', 12), row('KS-TRD', 'DIGITAL', 'GJENNOMFORT', 5)], true);
    mockCentres();
    const res = await post(`query ($from: YearMonth!, $to: YearMonth!) { programmeStatistics(from: $from, to: $to) {
      bookings { value } bookingsReferredByNav { value suppressed } bookingsByMode { mode count { value suppressed } } } }`, period, auth.bearer(reporting));
    expect(res.body.data!.programmeStatistics).toEqual({
      bookings: { value: 20 },
      bookingsReferredByNav: { value: null, suppressed: true }, // 17 of 20: the other 3 would be known
      bookingsByMode: [
        { mode: 'IN_PERSON', count: { value: 12, suppressed: false } },
        { mode: 'PHONE', count: { value: null, suppressed: true } },
        { mode: 'DIGITAL', count: { value: null, suppressed: true } }, // 6 = 20 − 12 − 2 would give PHONE away
      ],
    });
  });

  it('gives the booking figures when the note-sharing report fails, with an error on notesShared only', async () => {
    bookingReport([row('KS-TRD', 'OPPMOTE', 'GJENNOMFORT', 5)]);
    bookingReport([], true);
    mockCentres();
    ks().get(`${KS_BASE}/reports/note-sharing`).query(true).reply(503);
    const res = await post(QUERY, period, auth.bearer(reporting));
    expect(res.body.data!.programmeStatistics).toMatchObject({ bookings: { value: 5 }, sessionsCompleted: { value: 5 }, notesShared: null });
    expect(res.body.errors!.map((e) => [e.path!.join('.'), e.extensions!.code])).toEqual([['programmeStatistics.notesShared', 'UPSTREAM_UNAVAILABLE']]);
  });

  it('reads nothing for a period it refuses', async () => {
    const res = await post(QUERY, { from: '2026-11', to: '2026-09' }, auth.bearer(reporting));
    expect(res.body.errors!.map((e) => e.extensions!.code)).toEqual(['BAD_USER_INPUT']);
  });
});
