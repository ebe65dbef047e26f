import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../lib/auth/caller.ts';
import { serveApp, useNock } from '../../../test/support/subgraph.ts';
import { auth, fixture, ks, KS_BASE, makeApp, mockCentres } from './support.ts';

useNock();
const post = serveApp(makeApp);

const reporting: Caller = { role: 'partner-reporting', clientId: 'trondelag-forum' };
const QUERY = `query ($quarter: Quarter!) { programmeStatistics(quarter: $quarter) {
  quarter bookings { value } bookingsReferredByNav { value } sessionsCompleted { value }
  bookingsByMode { mode count { value } } bookingsByCentre { centre { id name } count { value } } notesShared { value } } }`;
const q3 = { quarter: '2026-Q3' };
const months = { fromMonth: '2026-07', toMonth: '2026-09' };
const generatedAt = '2026-11-26T08:00:00.000+01:00';

const row = (centreId: string, mode: string, status: string, count: number, month = '2026-08') => ({ month, centreId, mode, status, count });
const bookingReport = (rows: unknown[], referredByNav?: boolean) =>
  ks()
    .get(`${KS_BASE}/reports/bookings`)
    .query(referredByNav ? { ...months, referredByNav: 'true' } : months)
    .reply(200, { ...months, referredByNav: referredByNav ?? null, generatedAt, rows });
const noteSharingReport = (rows: unknown[]) =>
  ks().get(`${KS_BASE}/reports/note-sharing`).query(months).reply(200, { ...months, generatedAt, rows });

/** A published value is a rounding of `n` to base 5: a multiple of 5 within 4 of it, `n` itself when it is one. */
const roundingOf = (value: number, n: number) => value % 5 === 0 && Math.abs(value - n) <= 4 && (n % 5 !== 0 || value === n);
const sum = (cells: Array<{ count: { value: number } }>) => cells.reduce((a, c) => a + c.count.value, 0);

describe('ProgrammeStatistics in the career subgraph', () => {
  it('asks the reports for the quarter\'s three months and rounds every count, the breakdowns adding up to the bookings', async () => {
    bookingReport([
      row('KS-TRD', 'OPPMOTE', 'GJENNOMFORT', 9),
      row('KS-TRD', 'DIGITAL', 'IKKE_MOTT', 2),
      row('KS-TRD', 'TELEFON', 'BOOKET', 6, '2026-09'),
      row('KS-TRD', 'OPPMOTE', 'AVLYST', 4), // cancelled: not a booking
      row('KS-STK', 'DIGITAL', 'GJENNOMFORT', 7, '2026-07'),
    ]);
    bookingReport([row('KS-TRD', 'OPPMOTE', 'GJENNOMFORT', 9), row('KS-STK', 'DIGITAL', 'GJENNOMFORT', 7, '2026-07'), row('KS-TRD', 'OPPMOTE', 'AVLYST', 4)], true);
    mockCentres();
    noteSharingReport([
      { month: '2026-07', centreId: 'KS-TRD', notesFinalised: 4, grantsGiven: 3, grantsWithdrawn: 1 },
      { month: '2026-08', centreId: 'KS-STK', notesFinalised: 2, grantsGiven: 3, grantsWithdrawn: 0 },
    ]);
    const res = await post(QUERY, q3, auth.bearer(reporting));
    expect(res.body.errors).toBeUndefined();
    const s = res.body.data!.programmeStatistics;
    expect(s.quarter).toBe('2026-Q3');
    // True counts: 24 bookings, 16 referred by NAV, 16 held; IN_PERSON 9, PHONE 6, DIGITAL 9; KS-STK 7, KS-TRD 17; 6 notes.
    expect(roundingOf(s.bookings.value, 24)).toBe(true);
    expect(roundingOf(s.bookingsReferredByNav.value, 16)).toBe(true);
    expect(roundingOf(s.sessionsCompleted.value, 16)).toBe(true);
    expect(roundingOf(s.notesShared.value, 6)).toBe(true);
    expect(s.bookingsByMode.map((c: any) => c.mode)).toEqual(['IN_PERSON', 'PHONE', 'DIGITAL']);
    [9, 6, 9].forEach((n, i) => expect(roundingOf(s.bookingsByMode[i].count.value, n)).toBe(true));
    const centre = (id: string) => ({ id, name: fixture.centres.find((c) => c.id === id)!.name });
    expect(s.bookingsByCentre.map((c: any) => c.centre)).toEqual([centre('KS-STK'), centre('KS-TRD')]);
    [7, 17].forEach((n, i) => expect(roundingOf(s.bookingsByCentre[i].count.value, n)).toBe(true));
    expect([sum(s.bookingsByMode), sum(s.bookingsByCentre)]).toEqual([s.bookings.value, s.bookings.value]);
    expect(s.bookingsReferredByNav.value).toBeLessThanOrEqual(s.bookings.value);
    expect(s.sessionsCompleted.value).toBeLessThanOrEqual(s.bookings.value);
  });

  it('answers the same figures to a request that asks for fewer of them', async () => {
    const rows = [row('KS-TRD', 'OPPMOTE', 'GJENNOMFORT', 13), row('KS-TRD', 'TELEFON', 'GJENNOMFORT', 2), row('KS-STK', 'DIGITAL', 'BOOKET', 8)];
    const full = async () => {
      bookingReport(rows);
      bookingReport(rows.slice(0, 1), true);
      mockCentres();
      noteSharingReport([]);
      return (await post(QUERY, q3, auth.bearer(reporting))).body.data!.programmeStatistics;
    };
    const first = await full();
    bookingReport(rows);
    bookingReport(rows.slice(0, 1), true);
    mockCentres();
    const modesOnly = await post(`query ($quarter: Quarter!) { programmeStatistics(quarter: $quarter) { bookingsByMode { mode count { value } } } }`, q3, auth.bearer(reporting));
    expect(modesOnly.body.data!.programmeStatistics.bookingsByMode).toEqual(first.bookingsByMode);
    expect(await full()).toEqual(first);
  });

  it('answers UPSTREAM_CONTRACT_VIOLATION when the report has more bookings referred by NAV than bookings', async () => {
    bookingReport([row('KS-TRD', 'OPPMOTE', 'GJENNOMFORT', 5)]);
    bookingReport([row('KS-TRD', 'OPPMOTE', 'GJENNOMFORT', 6)], true);
    mockCentres();
    const res = await post(`query ($quarter: Quarter!) { programmeStatistics(quarter: $quarter) { bookings { value } } }`, q3, auth.bearer(reporting));
    expect(res.body.data!.programmeStatistics.bookings).toBeNull();
    expect(res.body.errors!.map((e) => e.extensions!.code)).toEqual(['UPSTREAM_CONTRACT_VIOLATION']);
  });

  it('gives the booking figures when the note-sharing report fails, with an error on notesShared only', async () => {
    bookingReport([row('KS-TRD', 'OPPMOTE', 'GJENNOMFORT', 5)]);
    bookingReport([], true);
    mockCentres();
    ks().get(`${KS_BASE}/reports/note-sharing`).query(true).reply(503);
    const res = await post(QUERY, q3, auth.bearer(reporting));
    expect(res.body.data!.programmeStatistics).toMatchObject({ bookings: { value: 5 }, sessionsCompleted: { value: 5 }, bookingsReferredByNav: { value: 0 }, notesShared: null });
    expect(res.body.errors!.map((e) => [e.path!.join('.'), e.extensions!.code])).toEqual([['programmeStatistics.notesShared', 'UPSTREAM_UNAVAILABLE']]);
  });

  it.each([
    ['the quarter in progress', '2026-Q4'],
    ['a quarter more than twelve back', '2023-Q3'],
    ['a quarter that does not exist', '2026-Q5'],
  ])('reads nothing for %s', async (_name, quarter) => {
    const res = await post(QUERY, { quarter }, auth.bearer(reporting));
    expect(res.body.errors!.map((e) => e.extensions!.code)).toEqual(['BAD_USER_INPUT']);
  });

  it('resolves an entity named by a range of months as no quarter at all', async () => {
    const query = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on ProgrammeStatistics { bookings { value } } } }';
    const res = await post(query, { r: [{ __typename: 'ProgrammeStatistics', from: '2026-07', to: '2026-11' }] }, auth.bearer(reporting));
    expect(res.body.errors!.map((e) => e.extensions!.code)).toEqual(['BAD_USER_INPUT']);
  });
});
