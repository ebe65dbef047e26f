import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDS, P, snapshot, startHarness, tokens, type Harness } from './test-helpers.ts';

/**
 * The booking rules as the contract states them (createBooking, "The booking rules are the system's, and atomic"):
 * one upcoming session per person over all their bookings, a slot booked once, three sessions per course —
 * checked with the write in one step, and refused without naming the booking that caused the refusal.
 */
describe('the booking rules', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.close());

  const person = (fnr: string) => ({ fnr, firstName: 'Test', lastName: 'Person', email: 'test.person@example.com' });
  const request = (fnr: string, slotId: string, over: Record<string, unknown> = {}) => ({ slotId, mode: 'DIGITAL', person: person(fnr), bookedBy: { type: 'BRUKER' }, ...over });
  const book = (body: unknown, token: string) => h.call('createBooking', 'POST', '/bookings', { token, body, headers: { 'Idempotency-Key': randomUUID() } });
  const slots = ['SL-KS-TRD-20261127-1000-KV-101', 'SL-KS-TRD-20261127-1230-KV-101', 'SL-KS-TRD-20261127-1330-KV-101', 'SL-KS-TRD-20261201-0900-KV-101'];
  const upcoming = (fnr: string) => [...h.state.bookings.values()].filter((b) => b.person.fnr === fnr && b.status === 'BOOKET' && Date.parse(b.start) > h.clock.now.getTime());

  it('refuses a second upcoming session in a new course with 409 ACTIVE_BOOKING_EXISTS', async () => {
    expect((await book(request(P.emma, slots[0]!), tokens.person(P.emma))).status).toBe(201);
    const second = await book(request(P.emma, slots[1]!), tokens.person(P.emma));
    expect([second.status, second.body.code]).toEqual([409, 'ACTIVE_BOOKING_EXISTS']);
    expect(upcoming(P.emma)).toHaveLength(1);
  });

  it('books one of parallel requests by one person, each with its own key, and refuses the others', async () => {
    const replies = await Promise.all(slots.map((slot) => book(request(P.emma, slot), tokens.person(P.emma))));
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    expect(upcoming(P.emma)).toHaveLength(1);
  });

  it('books a slot once when several people ask for it at the same time', async () => {
    const people = [P.emma, P.mathias, P.sara, P.oleMartin];
    const replies = await Promise.all(people.map((fnr) => book(request(fnr, slots[0]!), tokens.person(fnr))));
    expect(replies.map((r) => r.body.code ?? r.status).sort()).toEqual([201, 'SLOT_TAKEN', 'SLOT_TAKEN', 'SLOT_TAKEN']);
  });

  it('counts a session kept from NAV when NAV books, and tells NAV nothing about it', async () => {
    const hidden = await book(request(P.mathias, slots[0]!, { visibleToNav: false }), tokens.person(P.mathias));
    expect(hidden.status).toBe(201);
    const before = snapshot(h.state);
    const nav = await book(request(P.mathias, slots[1]!, { bookedBy: { type: 'NAV', navIdent: 'Z990001' }, referredByNav: true }), tokens.nav('Z990001'));
    expect([nav.status, nav.body.code]).toEqual([409, 'ACTIVE_BOOKING_EXISTS']);
    expect(snapshot(h.state)).toBe(before);
    const answer = JSON.stringify(nav.body);
    for (const detail of [hidden.body.id, hidden.body.reference, hidden.body.slotId, hidden.body.start, hidden.body.counsellorId, hidden.body.courseId]) {
      expect(answer).not.toContain(detail);
    }
  });

  it('answers a full course with 422 COURSE_FULL, naming none of its sessions', async () => {
    h.clock.now = new Date('2026-12-04T08:00:00.000+01:00'); // Thea's third session has been held
    const reply = await book(request(P.thea, 'SL-KS-TRD-20261204-1000-KV-101', { courseId: IDS.theaCourse }), tokens.person(P.thea));
    expect([reply.status, reply.body.code]).toEqual([422, 'COURSE_FULL']);
    expect(JSON.stringify(reply.body)).not.toContain(IDS.theaSession3);
  });
});
