import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { P, startHarness, tokens, type Harness } from './test-helpers.ts';

describe('reports', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  describe('booking counts', () => {
    it('counts bookings by month of the session, centre, mode and status, leaving out zeros', async () => {
      const reply = await h.call('reportBookingCounts', 'GET', '/reports/bookings?fromMonth=2026-11&toMonth=2026-11', { token: tokens.partner() });
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ fromMonth: '2026-11', toMonth: '2026-11', referredByNav: null, generatedAt: '2026-11-26T08:00:00.000+01:00' });
      expect(reply.body.rows).toEqual([
        { month: '2026-11', centreId: 'KS-TRD', mode: 'DIGITAL', status: 'GJENNOMFORT', count: 1 },
        { month: '2026-11', centreId: 'KS-TRD', mode: 'OPPMOTE', status: 'GJENNOMFORT', count: 3 },
        { month: '2026-11', centreId: 'KS-TRD', mode: 'TELEFON', status: 'GJENNOMFORT', count: 1 },
      ]);
      expect(JSON.stringify(reply.body)).not.toContain(P.emma);
    });

    it('restricts to bookings referred by NAV when asked', async () => {
      const reply = await h.call('reportBookingCounts', 'GET', '/reports/bookings?fromMonth=2026-11&toMonth=2026-11&referredByNav=true', { token: tokens.partner() });
      expect(reply.body.referredByNav).toBe(true);
      expect(reply.body.rows.find((r: { mode: string }) => r.mode === 'OPPMOTE').count).toBe(2);
    });

    it('refuses a bad month, a reversed period and a non-boolean referredByNav with 400', async () => {
      for (const query of ['fromMonth=2026-13&toMonth=2026-12', 'fromMonth=2026-12&toMonth=2026-01', 'fromMonth=2026-01&toMonth=2026-12&referredByNav=ja', 'toMonth=2026-12']) {
        const reply = await h.call('reportBookingCounts', 'GET', `/reports/bookings?${query}`, { token: tokens.partner() });
        expect(reply.status, query).toBe(400);
      }
    });

    it('is refused to a person with 403', async () => {
      const reply = await h.call('reportBookingCounts', 'GET', '/reports/bookings?fromMonth=2026-01&toMonth=2026-12', { token: tokens.person(P.emma) });
      expect(reply.status).toBe(403);
    });
  });

  describe('note-sharing counts', () => {
    it('counts final notes, grants given and grants withdrawn by month and centre', async () => {
      const reply = await h.call('reportNoteSharingCounts', 'GET', '/reports/note-sharing?fromMonth=2026-08&toMonth=2026-11', { token: tokens.partner() });
      expect(reply.status).toBe(200);
      const trd = (month: string) => reply.body.rows.find((r: { month: string; centreId: string }) => r.month === month && r.centreId === 'KS-TRD');
      expect(trd('2026-09')).toEqual({ month: '2026-09', centreId: 'KS-TRD', notesFinalised: 3, grantsGiven: 3, grantsWithdrawn: 0 });
      expect(trd('2026-10')).toEqual({ month: '2026-10', centreId: 'KS-TRD', notesFinalised: 1, grantsGiven: 0, grantsWithdrawn: 1 });
      expect(trd('2026-11')).toEqual({ month: '2026-11', centreId: 'KS-TRD', notesFinalised: 4, grantsGiven: 2, grantsWithdrawn: 0 });
      expect(reply.body.rows).toHaveLength(6);
    });

    it('leaves out months without any counts and is refused to a person', async () => {
      const empty = await h.call('reportNoteSharingCounts', 'GET', '/reports/note-sharing?fromMonth=2025-01&toMonth=2025-12', { token: tokens.partner() });
      expect(empty.body.rows).toEqual([]);
      const person = await h.call('reportNoteSharingCounts', 'GET', '/reports/note-sharing?fromMonth=2026-01&toMonth=2026-12', { token: tokens.person(P.emma) });
      expect(person.status).toBe(403);
    });
  });

  describe('a reporting client', () => {
    it('gets no personal data: 403 on searches, 404 on single records', async () => {
      expect((await h.call('searchBookings', 'POST', '/bookings/search', { token: tokens.partner(), body: { fnr: P.emma } })).status).toBe(403);
      expect((await h.call('getBooking', 'GET', '/bookings/39d21c52-5020-4e83-9514-43ee8e2d17be', { token: tokens.partner() })).status).toBe(404);
      expect((await h.call('searchShareGrants', 'POST', '/share-grants/search', { token: tokens.partner(), body: { noteIds: ['935dfc36-e3d9-4d38-acd3-c03847fa53ba'] } })).body.grants).toEqual([]);
    });
  });
});
