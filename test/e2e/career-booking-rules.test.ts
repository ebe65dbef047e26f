import { describe, expect, it } from 'vitest';
import { DEMO_FIXTURES_DIR } from '../../stand-ins/common/fixtures.ts';
import { navAdvisor, readFixtures } from '../support/fixtures.ts';
import { DEMO, useStack } from '../support/stack.ts';
import { bookingInput, citizen, karrieresenterSnapshot, op } from './career.support.ts';

/**
 * The booking rules (one upcoming session per person, a slot booked once, at most three sessions per course) are
 * the booking system's, checked and written in one step: parallel requests cannot all pass, and a session the
 * person keeps from NAV counts as much as any other, without NAV learning anything about it.
 */
const fx = readFixtures(DEMO_FIXTURES_DIR);
const graph = useStack();
const Z990001 = navAdvisor(fx, 'Z990001');

const freeDigitalSlots = (centreId: string) =>
  (fx.karrieresenter.slots as any[])
    .filter((s) => s.centreId === centreId && s.modes.includes('DIGITAL') && Date.parse(s.start) > fx.now.getTime())
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.id.localeCompare(b.id));
const upcomingAtStandIn = (ident: string) =>
  [...graph.stack.upstreams.karrieresenter.state.bookings.values()].filter(
    (b) => b.person.fnr === ident && b.status === 'BOOKET' && Date.parse(b.start) > fx.now.getTime(),
  );
const codesOf = (results: Array<{ data?: Record<string, any> | null }>) =>
  results.map((r) => r.data!.bookGuidance.userErrors.map((e: { code: string }) => e.code).join() || 'BOOKED').sort();

describe('booking rules under concurrency', () => {
  const slots = freeDigitalSlots('KS-TRD');

  it('ten parallel bookings by one person, each with its own key, book exactly one session', async () => {
    expect(upcomingAtStandIn(DEMO.P01)).toHaveLength(0);
    const ten = slots.slice(0, 10);
    expect(ten).toHaveLength(10);
    const results = await Promise.all(ten.map((slot) => graph.query(citizen(DEMO.P01), op.bookGuidance, { input: bookingInput(DEMO.P01, slot.id, 'DIGITAL') })));
    expect(results.map((r) => r.errors)).toEqual(Array(10).fill(undefined));
    expect(codesOf(results)).toEqual(['ACTIVE_BOOKING_EXISTS', ...Array(8).fill('ACTIVE_BOOKING_EXISTS'), 'BOOKED'].sort());
    expect(upcomingAtStandIn(DEMO.P01)).toHaveLength(1);
  });

  it('ten parallel bookings of one slot by ten people book it once; the others are told SLOT_TAKEN', async () => {
    const slot = slots[10]!;
    const people = [DEMO.P03, DEMO.P04, DEMO.P06, DEMO.P07, DEMO.P08, DEMO.P09, DEMO.P10, DEMO.P11, DEMO.P12, DEMO.P02];
    const results = await Promise.all(people.map((ident) => graph.query(citizen(ident), op.bookGuidance, { input: bookingInput(ident, slot.id, 'DIGITAL') })));
    expect(codesOf(results)).toEqual(['BOOKED', ...Array(9).fill('SLOT_TAKEN')].sort());
    const holders = [...graph.stack.upstreams.karrieresenter.state.bookings.values()].filter((b) => b.slotId === slot.id && b.status === 'BOOKET');
    expect(holders).toHaveLength(1);
    // Undo, so the one who got it is free for the tests below.
    const cancelled = await graph.query(citizen(holders[0]!.person.fnr), op.cancel, { input: { bookingId: holders[0]!.id } });
    expect(cancelled.data!.cancelGuidanceBooking.userErrors).toEqual([]);
  });
});

describe('a session the person keeps from NAV', () => {
  const slots = freeDigitalSlots('KS-TRD').slice(12);

  it('refuses NAV\'s booking for P02 with ACTIVE_BOOKING_EXISTS, books nothing, and tells NAV nothing of the hidden session', async () => {
    // P02 books a session himself and does not let NAV see it.
    const own = await graph.query(citizen(DEMO.P02), op.bookGuidance, { input: bookingInput(DEMO.P02, slots[0]!.id, 'DIGITAL', { visibleToNav: false }) });
    expect(own.data!.bookGuidance.userErrors).toEqual([]);
    const hidden = graph.stack.upstreams.karrieresenter.state.bookings.get(own.data!.bookGuidance.booking.id)!;
    expect(hidden.visibleToNav).toBe(false);
    const seen = await graph.query(Z990001, `query($ident: ID!) { person(ident: $ident) { guidanceBookings { id } } }`, { ident: DEMO.P02 });
    expect(seen.data!.person.guidanceBookings.map((b: { id: string }) => b.id)).not.toContain(hidden.id);

    const before = karrieresenterSnapshot(graph.stack);
    const res = await graph.query(Z990001, op.bookOnBehalf, { input: bookingInput(DEMO.P02, slots[1]!.id, 'DIGITAL') });

    expect(res.errors).toBeUndefined();
    expect(res.data!.bookGuidance).toEqual({
      booking: null,
      userErrors: [{ code: 'ACTIVE_BOOKING_EXISTS', field: 'ident', message: expect.any(String) }],
    });
    expect(karrieresenterSnapshot(graph.stack)).toBe(before);
    const answer = JSON.stringify(res);
    for (const detail of [hidden.id, hidden.reference, hidden.slotId, hidden.start, new Date(hidden.start).toISOString(), hidden.counsellorId, hidden.centreId, hidden.courseId]) {
      expect(answer).not.toContain(detail);
    }
  });

  it('answers NAV the same way for a session it can see: the refusal does not tell the two apart', async () => {
    const visible = await graph.query(citizen(DEMO.P04), op.bookGuidance, { input: bookingInput(DEMO.P04, slots[2]!.id, 'DIGITAL', { visibleToNav: true }) });
    expect(visible.data!.bookGuidance.userErrors).toEqual([]);
    const hiddenCase = await graph.query(Z990001, op.bookOnBehalf, { input: bookingInput(DEMO.P02, slots[3]!.id, 'DIGITAL') });
    const visibleCase = await graph.query(Z990001, op.bookOnBehalf, { input: bookingInput(DEMO.P04, slots[3]!.id, 'DIGITAL') });
    expect(hiddenCase.data!.bookGuidance).toEqual(visibleCase.data!.bookGuidance);
  });
});
