import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDS, P, snapshot, startHarness, tokens, type Harness } from './test-helpers.ts';

const SLOT = 'SL-KS-TRD-20261127-1000-KV-101'; // 27 Nov 10:00, OPPMOTE or DIGITAL
const emma = { fnr: P.emma, firstName: 'Emma', lastName: 'Strand', email: 'emma.strand@example.com' };
const request = (over: Record<string, unknown> = {}) => ({ slotId: SLOT, mode: 'DIGITAL', person: emma, bookedBy: { type: 'BRUKER' }, ...over });

describe('bookings', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.close());

  const book = (body: unknown, token = tokens.person(P.emma), key: string = randomUUID()) =>
    h.call('createBooking', 'POST', '/bookings', { token, body, headers: { 'Idempotency-Key': key } });

  describe('creating a booking', () => {
    it('books a free slot as session 1 of a new course and takes the slot off the free list', async () => {
      const reply = await book(request());
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ status: 'BOOKET', sessionNumber: 1, reference: 'KS-2026-000016', slotId: SLOT, counsellorId: 'KV-101', version: 1 });
      expect(reply.body.location.meetingUrl).toMatch(/\/teams\/ks-2026-000016$/);
      expect(reply.headers.get('etag')).toBe('"1"');
      expect(h.state.bookings.get(reply.body.id)?.status).toBe('BOOKET');
      const slots = await h.call('listAvailableSlots', 'GET', '/slots?centreId=KS-TRD', { token: tokens.person(P.emma) });
      expect(slots.body.map((s: { id: string }) => s.id)).not.toContain(SLOT);
    });

    it('sends the confirmation at once and schedules the reminder exactly 24 hours before start', async () => {
      const booked = await book(request({ mode: 'OPPMOTE' }));
      const reply = await h.call('listBookingNotifications', 'GET', `/bookings/${booked.body.id}/notifications`, { token: tokens.person(P.emma) });
      const [confirmation, reminder] = reply.body;
      expect(reply.body).toHaveLength(2);
      expect(confirmation).toMatchObject({ type: 'BEKREFTELSE', status: 'SENDT', recipient: emma.email, sentAt: '2026-11-26T08:00:00.000+01:00' });
      expect(confirmation.content.reflectionQuestions).toHaveLength(3);
      expect(confirmation.content.location).toMatchObject({ mode: 'OPPMOTE', address: { street: 'Kongens gate 30' } });
      expect(confirmation.content.location.room).toMatch(/^Samtalerom [1-4]$/);
      expect(confirmation.content.homepageUrl).toBe('https://karriere.simulator.trondelagsmodellen.test/trondheim');
      expect(confirmation.content.cancellationUrl).toMatch(/\/avbestill\//);
      expect(reminder).toMatchObject({ type: 'PAMINNELSE', status: 'PLANLAGT', sentAt: null, scheduledFor: '2026-11-26T10:00:00.000+01:00' });
      expect(reminder.content.reflectionQuestions).toBeUndefined();
    });

    it('gives phone instructions for a TELEFON session', async () => {
      const reply = await book(request({ slotId: 'SL-KS-TRD-20261127-1000-KV-102', mode: 'TELEFON', person: { ...emma, phone: '+4740000001' } }));
      expect(reply.body.location).toEqual({ mode: 'TELEFON', phoneInstructions: expect.stringContaining('ringer deg') });
    });

    it('schedules no reminder for a session that starts within 24 hours', async () => {
      h.clock.now = new Date('2026-11-26T10:00:00.000+01:00');
      const booked = await book(request({ slotId: 'SL-KS-TRD-20261127-0900-KV-102' }));
      const reply = await h.call('listBookingNotifications', 'GET', `/bookings/${booked.body.id}/notifications`, { token: tokens.person(P.emma) });
      expect(reply.body.map((n: { type: string }) => n.type)).toEqual(['BEKREFTELSE']);
    });

    it('continues a course after a cancellation with the cancelled session not counted', async () => {
      const oleMartin = { fnr: P.oleMartin, firstName: 'Ole Martin', lastName: 'Fossum', email: 'ole.martin@example.com' };
      const reply = await book(request({ person: oleMartin, courseId: '5806cb51-7a33-4e1b-94fe-2d118da459f4' }), tokens.person(P.oleMartin));
      expect(reply.status).toBe(201);
      expect(reply.body.sessionNumber).toBe(2);
    });

    it('makes a booking NAV makes or attends visible to NAV', async () => {
      const reply = await book(
        request({ bookedBy: { type: 'NAV', navIdent: 'Z990001' }, visibleToNav: false, referredByNav: true }),
        tokens.nav('Z990001'),
      );
      expect(reply.status).toBe(201);
      expect(reply.body.visibleToNav).toBe(true);
      // Another person: Emma now has an upcoming session, and a person has one at a time.
      const mathias = { fnr: P.mathias, firstName: 'Mathias', lastName: 'Lorentzen', email: 'mathias@example.com' };
      const attended = await book(
        request({ slotId: 'SL-KS-TRD-20261127-1230-KV-101', person: mathias, navAdvisorAttending: { navIdent: 'Z990001', name: 'Ingrid Aune' } }),
        tokens.person(P.mathias),
      );
      expect(attended.body.visibleToNav).toBe(true);
    });
  });

  describe('idempotency', () => {
    it('replays the first response for the same key and body, and books once', async () => {
      const key = randomUUID();
      const first = await book(request(), tokens.person(P.emma), key);
      const again = await book(request(), tokens.person(P.emma), key);
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(h.state.bookings.size).toBe(16);
    });

    it('refuses the same key with another body as 422 IDEMPOTENCY_KEY_REUSED', async () => {
      const key = randomUUID();
      await book(request(), tokens.person(P.emma), key);
      const other = await book(request({ slotId: 'SL-KS-TRD-20261127-1230-KV-101' }), tokens.person(P.emma), key);
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(h.state.bookings.size).toBe(16);
    });

    it('requires an Idempotency-Key that is a UUID', async () => {
      const missing = await h.call('createBooking', 'POST', '/bookings', { token: tokens.person(P.emma), body: request() });
      expect(missing.status).toBe(400);
      const bad = await book(request(), tokens.person(P.emma), 'not-a-uuid');
      expect(bad.status).toBe(400);
      expect(h.state.bookings.size).toBe(15);
    });

    it('keeps no key for a refused request, so the corrected request with the same key books', async () => {
      const key = randomUUID();
      const refused = await book(request({ mode: 'TELEFON' }), tokens.person(P.emma), key);
      expect(refused.status).toBe(422);
      const fixed = await book(request({ mode: 'DIGITAL' }), tokens.person(P.emma), key);
      expect(fixed.status).toBe(201);
      expect(fixed.headers.get('idempotent-replayed')).toBeNull();
    });

    it('never replays one caller\'s booking to another caller using the same key', async () => {
      const key = randomUUID();
      await book(request(), tokens.person(P.emma), key);
      const counsellor = await book(request(), tokens.counsellor(), key);
      expect(counsellor.status).toBe(422);
      expect(counsellor.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });
  });

  describe('refusals', () => {
    it('answers 409 SLOT_TAKEN when the slot was booked by someone else, changing nothing', async () => {
      await book(request());
      const before = snapshot(h.state);
      const sara = { fnr: P.sara, firstName: 'Sara', lastName: 'Kvam', email: 'sara@example.com' };
      const reply = await book(request({ person: sara }), tokens.person(P.sara));
      expect(reply.status).toBe(409);
      expect(reply.body.code).toBe('SLOT_TAKEN');
      expect(snapshot(h.state)).toBe(before);
    });

    it('refuses a slot that has already started', async () => {
      h.clock.now = new Date('2026-11-27T09:30:00.000+01:00');
      const reply = await book(request({ slotId: 'SL-KS-TRD-20261127-0900-KV-102' }));
      expect(reply.status).toBe(422);
      expect(reply.body.code).toBe('VALIDATION_FAILED');
    });

    it('refuses an unknown slot', async () => {
      const reply = await book(request({ slotId: 'SL-KS-TRD-20261127-0700-KV-101' }));
      expect(reply.status).toBe(422);
      expect(reply.body.errors[0].field).toBe('slotId');
    });

    it('answers 422 MODE_NOT_OFFERED for a mode the slot does not have', async () => {
      const reply = await book(request({ mode: 'TELEFON', person: { ...emma, phone: '+4740000001' } }));
      expect(reply.status).toBe(422);
      expect(reply.body.code).toBe('MODE_NOT_OFFERED');
    });

    it('answers 422 COURSE_FULL for a fourth session', async () => {
      const thea = { fnr: P.thea, firstName: 'Thea', lastName: 'Rønning', email: 'thea@example.com' };
      const reply = await book(request({ person: thea, courseId: IDS.theaCourse }), tokens.person(P.thea));
      expect(reply.status).toBe(422);
      expect(reply.body.code).toBe('COURSE_FULL');
    });

    it('answers 409 ACTIVE_BOOKING_EXISTS while the course has an upcoming session', async () => {
      const first = await book(request());
      const second = await book(request({ slotId: 'SL-KS-TRD-20261127-1230-KV-101', courseId: first.body.courseId }));
      expect(second.status).toBe(409);
      expect(second.body.code).toBe('ACTIVE_BOOKING_EXISTS');
    });

    it('treats another person\'s course like an unknown one', async () => {
      const reply = await book(request({ courseId: IDS.theaCourse }));
      expect(reply.status).toBe(422);
      expect(reply.body.errors[0].field).toBe('courseId');
    });

    it('requires navIdent when NAV books (422) and refuses NAV booking in another advisor\'s name (403)', async () => {
      const missing = await book(request({ bookedBy: { type: 'NAV' } }), tokens.nav());
      expect(missing.status).toBe(422);
      const other = await book(request({ bookedBy: { type: 'NAV', navIdent: 'Z990002' } }), tokens.nav('Z990001'));
      expect(other.status).toBe(403);
    });

    it('lets a person book only for themself and a reporting client not at all', async () => {
      const forOther = await book(request(), tokens.person(P.sara));
      expect(forOther.status).toBe(403);
      const partner = await book(request(), tokens.partner());
      expect(partner.status).toBe(403);
      expect(h.state.bookings.size).toBe(15);
    });

    it('answers 400 with the failing fields for a body that breaks the contract, changing nothing', async () => {
      const before = snapshot(h.state);
      const reply = await book({ slotId: SLOT, mode: 'DIGITAL', person: { fnr: '123', email: 'x' }, bookedBy: { type: 'BRUKER' } });
      expect(reply.status).toBe(400);
      expect(reply.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['person.fnr', 'person.email', 'person.firstName']));
      expect(JSON.stringify(reply.body)).not.toContain('123');
      expect(snapshot(h.state)).toBe(before);
    });

    it('answers 400 for malformed JSON', async () => {
      const response = await fetch(`${h.url}/bookings`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.person(P.emma)}`, 'content-type': 'application/json', 'Idempotency-Key': randomUUID() },
        body: '{"slotId":',
      });
      expect(response.status).toBe(400);
    });
  });
});
