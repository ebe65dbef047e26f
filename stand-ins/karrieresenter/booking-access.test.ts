import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDS, P, snapshot, startHarness, tokens, type Harness } from './test-helpers.ts';

describe('reading and changing bookings', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.close());

  const search = (token: string, body: unknown) => h.call('searchBookings', 'POST', '/bookings/search', { token, body });

  describe('searching a person\'s bookings', () => {
    it('gives a person their own bookings ordered by start', async () => {
      const reply = await search(tokens.person(P.thea), { fnr: P.thea });
      expect(reply.status).toBe(200);
      expect(reply.body.bookings.map((b: { sessionNumber: number }) => b.sessionNumber)).toEqual([1, 2, 3]);
    });

    it('refuses a person searching someone else with 403', async () => {
      const reply = await search(tokens.person(P.emma), { fnr: P.thea });
      expect(reply.status).toBe(403);
      expect(reply.body.code).toBe('FORBIDDEN');
    });

    it('gives NAV only bookings that are visible to NAV', async () => {
      expect((await search(tokens.nav(), { fnr: P.kristoffer })).body.bookings).toEqual([]);
      expect((await search(tokens.nav(), { fnr: P.thea })).body.bookings).toHaveLength(3);
    });

    it('gives a counsellor only bookings of their own centre', async () => {
      expect((await search(tokens.counsellor('KV-201', 'KS-STK'), { fnr: P.thea })).body.bookings).toEqual([]);
      expect((await search(tokens.counsellor('KV-102', 'KS-TRD'), { fnr: P.thea })).body.bookings).toHaveLength(3);
    });

    it('filters by status and period', async () => {
      const booked = await search(tokens.person(P.thea), { fnr: P.thea, statuses: ['BOOKET'] });
      expect(booked.body.bookings.map((b: { id: string }) => b.id)).toEqual([IDS.theaSession3]);
      const november = await search(tokens.person(P.thea), { fnr: P.thea, from: '2026-11-01T00:00:00+01:00', to: '2026-11-30T23:59:59+01:00' });
      expect(november.body.bookings.map((b: { id: string }) => b.id)).toEqual([IDS.theaSession2]);
    });

    it('gives a counsellor their own centre\'s bookings of a period, and refuses any other centre or caller', async () => {
      const day = { centreId: 'KS-TRD', from: '2026-12-03T00:00:00+01:00', to: '2026-12-03T23:59:59+01:00' };
      const own = await search(tokens.counsellor('KV-102', 'KS-TRD'), day);
      expect(own.status).toBe(200);
      expect(own.body.bookings.length).toBeGreaterThan(0);
      for (const b of own.body.bookings) expect([b.centreId, b.start.slice(0, 10)]).toEqual(['KS-TRD', '2026-12-03']);
      expect((await search(tokens.counsellor('KV-201', 'KS-STK'), day)).status).toBe(403);
      expect((await search(tokens.nav(), day)).status).toBe(403);
      expect((await search(tokens.person(P.thea), day)).status).toBe(403);
      expect((await search(tokens.counsellor('KV-102', 'KS-TRD'), { ...day, fnr: P.thea })).status).toBe(400);
    });

    it('refuses a reporting client with 403 and a malformed fnr with 400', async () => {
      expect((await search(tokens.partner(), { fnr: P.thea })).status).toBe(403);
      expect((await search(tokens.nav(), { fnr: '1234' })).status).toBe(400);
    });
  });

  describe('one booking', () => {
    it('is returned to its person with its ETag', async () => {
      const reply = await h.call('getBooking', 'GET', `/bookings/${IDS.theaSession3}`, { token: tokens.person(P.thea) });
      expect(reply.status).toBe(200);
      expect(reply.headers.get('etag')).toBe('"1"');
    });

    it('is 404 for another person, for NAV when not visible, and for an id that is not a UUID', async () => {
      expect((await h.call('getBooking', 'GET', `/bookings/${IDS.theaSession3}`, { token: tokens.person(P.emma) })).status).toBe(404);
      expect((await h.call('getBooking', 'GET', `/bookings/${IDS.kristofferBooking}`, { token: tokens.nav() })).status).toBe(404);
      expect((await h.call('getBooking', 'GET', '/bookings/KS-2026-000001', { token: tokens.nav() })).status).toBe(404);
    });

    it('never shows NAV the person\'s message to the counsellor', async () => {
      const emma = { fnr: P.emma, firstName: 'Emma', lastName: 'Strand', email: 'emma@example.com' };
      const booked = await h.call('createBooking', 'POST', '/bookings', {
        token: tokens.person(P.emma),
        headers: { 'Idempotency-Key': randomUUID() },
        body: { slotId: 'SL-KS-TRD-20261127-1000-KV-101', mode: 'DIGITAL', person: emma, bookedBy: { type: 'BRUKER' }, visibleToNav: true, messageToCounsellor: 'Jeg er nervøs' },
      });
      const asNav = await h.call('getBooking', 'GET', `/bookings/${booked.body.id}`, { token: tokens.nav() });
      expect(asNav.body.messageToCounsellor).toBeNull();
      const asCounsellor = await h.call('getBooking', 'GET', `/bookings/${booked.body.id}`, { token: tokens.counsellor() });
      expect(asCounsellor.body.messageToCounsellor).toBe('Jeg er nervøs');
    });
  });

  describe('notifications', () => {
    it('show the reminder as planned before its time and as sent, with sentAt, once its time has come', async () => {
      const path = `/bookings/${IDS.theaSession3}/notifications`;
      const before = await h.call('listBookingNotifications', 'GET', path, { token: tokens.person(P.thea) });
      expect(before.body.find((n: { type: string }) => n.type === 'PAMINNELSE')).toMatchObject({ status: 'PLANLAGT', sentAt: null });
      h.clock.now = new Date('2026-12-02T13:30:00.000+01:00');
      const after = await h.call('listBookingNotifications', 'GET', path, { token: tokens.person(P.thea) });
      expect(after.body.find((n: { type: string }) => n.type === 'PAMINNELSE')).toMatchObject({ status: 'SENDT', sentAt: '2026-12-02T13:30:00.000+01:00' });
    });

    it('are 404 when the caller may not see the booking', async () => {
      const reply = await h.call('listBookingNotifications', 'GET', `/bookings/${IDS.kristofferBooking}/notifications`, { token: tokens.nav() });
      expect(reply.status).toBe(404);
    });
  });

  describe('cancelling', () => {
    const cancel = (id: string, token: string, body: unknown = { cancelledBy: 'BRUKER', reason: 'Syk' }) =>
      h.call('cancelBooking', 'POST', `/bookings/${id}/cancel`, { token, body });

    it('cancels, cancels the pending reminder, sends a receipt and frees the slot', async () => {
      const reply = await cancel(IDS.theaSession3, tokens.person(P.thea));
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ status: 'AVLYST', version: 2, cancellation: { cancelledBy: 'BRUKER', reason: 'Syk', cancelledAt: '2026-11-26T08:00:00.000+01:00' } });
      const notes = await h.call('listBookingNotifications', 'GET', `/bookings/${IDS.theaSession3}/notifications`, { token: tokens.person(P.thea) });
      expect(notes.body.map((n: { type: string; status: string }) => `${n.type}:${n.status}`)).toEqual(['BEKREFTELSE:SENDT', 'AVBESTILLING:SENDT', 'PAMINNELSE:KANSELLERT']);
      const slots = await h.call('listAvailableSlots', 'GET', '/slots?from=2026-12-03T00:00:00%2B01:00&to=2026-12-04T00:00:00%2B01:00', { token: tokens.person(P.thea) });
      expect(slots.body.map((s: { id: string }) => s.id)).toContain('SL-KS-TRD-20261203-1330-KV-101');
    });

    it('answers a second cancel with 409 ALREADY_CANCELLED and changes nothing', async () => {
      await cancel(IDS.theaSession3, tokens.person(P.thea));
      const before = snapshot(h.state);
      const again = await cancel(IDS.theaSession3, tokens.person(P.thea));
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('ALREADY_CANCELLED');
      expect(snapshot(h.state)).toBe(before);
    });

    it('refuses a session that has taken place with 409 BOOKING_NOT_CANCELLABLE', async () => {
      const reply = await cancel(IDS.theaSession2, tokens.person(P.thea));
      expect(reply.status).toBe(409);
      expect(reply.body.code).toBe('BOOKING_NOT_CANCELLABLE');
    });

    it('records the NAV employee who cancels on the person\'s behalf', async () => {
      const reply = await cancel(IDS.theaSession3, tokens.nav('Z990001'), { cancelledBy: 'NAV' });
      expect(reply.body.cancellation).toMatchObject({ cancelledBy: 'NAV', navIdent: 'Z990001' });
    });

    it('refuses a cancelledBy that is not the caller (403) and another person\'s booking (404)', async () => {
      expect((await cancel(IDS.theaSession3, tokens.person(P.thea), { cancelledBy: 'NAV' })).status).toBe(403);
      expect((await cancel(IDS.theaSession3, tokens.person(P.emma))).status).toBe(404);
      expect(h.state.bookings.get(IDS.theaSession3)?.status).toBe('BOOKET');
    });

    it('answers 400 in the Problem shape for a body without cancelledBy', async () => {
      // The contract lists no 400 for cancelBooking; the body is still the system's Problem.
      const reply = await h.call('cancelBooking', 'POST', `/bookings/${IDS.theaSession3}/cancel`, { token: tokens.person(P.thea), body: {}, schema: 'Problem' });
      expect(reply.status).toBe(400);
      expect(h.state.bookings.get(IDS.theaSession3)?.status).toBe('BOOKET');
    });
  });

  describe('registering the outcome', () => {
    const outcome = (token: string, ifMatch?: string, status = 'GJENNOMFORT') =>
      h.call('registerBookingOutcome', 'POST', `/bookings/${IDS.theaSession3}/outcome`, {
        token,
        body: { status },
        headers: ifMatch ? { 'If-Match': ifMatch } : {},
      });

    it('lets a counsellor of the centre register it after the start with the current version', async () => {
      h.clock.now = new Date('2026-12-03T14:20:00.000+01:00');
      const reply = await outcome(tokens.counsellor('KV-101'), '"1"');
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ status: 'GJENNOMFORT', version: 2 });
    });

    it('answers 428 without If-Match and 412 VERSION_MISMATCH with a stale one', async () => {
      h.clock.now = new Date('2026-12-03T14:20:00.000+01:00');
      const missing = await outcome(tokens.counsellor());
      expect(missing.status).toBe(428);
      expect(missing.body.code).toBe('PRECONDITION_REQUIRED');
      const stale = await outcome(tokens.counsellor(), '"7"');
      expect(stale.status).toBe(412);
      expect(stale.body.code).toBe('VERSION_MISMATCH');
      expect(h.state.bookings.get(IDS.theaSession3)?.version).toBe(1);
    });

    it('refuses before the session has started', async () => {
      const reply = await outcome(tokens.counsellor(), '"1"');
      expect(reply.status).toBe(409);
      expect(h.state.bookings.get(IDS.theaSession3)?.status).toBe('BOOKET');
    });

    it('is for the centre only: 403 for the person and NAV, 404 for another centre', async () => {
      h.clock.now = new Date('2026-12-03T14:20:00.000+01:00');
      expect((await outcome(tokens.person(P.thea), '"1"')).status).toBe(403);
      expect((await outcome(tokens.nav(), '"1"')).status).toBe(403);
      expect((await outcome(tokens.counsellor('KV-201', 'KS-STK'), '"1"')).status).toBe(404);
    });
  });
});
