import { describe, expect, it } from 'vitest';
import { DEMO, useStack } from '../support/stack.ts';
import { bookingInput, citizen, DAY_MS, op } from './career.support.ts';

/**
 * The reminder goes out exactly 24 hours before the session (86 400 000 ms, as the booking system records it),
 * also when the clocks change in between. Europe/Oslo changes on the last Sunday of March (02:00 → 03:00) and of
 * October (03:00 → 02:00), at 01:00 UTC; the offsets are derived here from those rules, not from a time library.
 */
const CHANGES = {
  spring2027: Date.UTC(2027, 2, 28, 1), // Sunday 28 March 2027
  autumn2026: Date.UTC(2026, 9, 25, 1), // Sunday 25 October 2026
};
const offsetIn = (instant: number, summer: [number, number]) => (instant >= summer[0] && instant < summer[1] ? '+02:00' : '+01:00');
const SUMMER_2026: [number, number] = [Date.UTC(2026, 2, 29, 1), CHANGES.autumn2026];
const SUMMER_2027: [number, number] = [CHANGES.spring2027, Date.UTC(2027, 9, 31, 1)];

function dstCase(name: string, now: Date, days: string[], summer: [number, number], change: number) {
  describe(name, () => {
    const graph = useStack({ now });
    const persons = [DEMO.P01, DEMO.P02, DEMO.P03];

    it('books a session on the day before, the day of and the day after the change, each reminded 24 h ahead', async () => {
      const booked: Array<{ startsAt: string; reminder: string }> = [];
      for (const [i, day] of days.entries()) {
        const slot = await firstSlot(graph, day);
        const res = await graph.query(citizen(persons[i]!), op.bookGuidance, { input: bookingInput(persons[i]!, slot.id, 'DIGITAL') });
        expect(res.data!.bookGuidance.userErrors).toEqual([]);
        const b = res.data!.bookGuidance.booking;
        booked.push({ startsAt: b.startsAt, reminder: b.reminder.scheduledFor });
      }
      for (const b of booked) {
        const start = Date.parse(b.startsAt);
        const reminder = Date.parse(b.reminder);
        expect(start - reminder).toBe(DAY_MS);
        expect(b.startsAt.slice(-6)).toBe(offsetIn(start, summer));
        expect(b.reminder.slice(-6)).toBe(offsetIn(reminder, summer));
      }
      // The session on the day of the change is reminded across it: the offsets differ, the wall clock moves an hour.
      const across = booked.find((b) => Date.parse(b.startsAt) > change && Date.parse(b.reminder) < change);
      expect(across, 'a session whose reminder lies before the change').toBeDefined();
      expect(across!.startsAt.slice(-6)).not.toBe(across!.reminder.slice(-6));
      expect(across!.startsAt.slice(11, 16)).not.toBe(across!.reminder.slice(11, 16));
    });
  });
}

/** The first free DIGITAL slot on an Oslo day at either centre, as the graph offers it. */
async function firstSlot(graph: ReturnType<typeof useStack>, day: string) {
  for (const centreId of ['KS-TRD', 'KS-STK']) {
    const res = await graph.query(citizen(DEMO.P01), op.slots, { centreId, from: day, to: day, mode: 'DIGITAL' });
    const slot = res.data!.availableSlots[0];
    if (slot) return slot;
  }
  throw new Error(`no free slot on ${day}`);
}

// "Now" a few days before each change: the fixture's slots (whole days moved to now) then cover the change.
dstCase('spring: the last Sunday of March (Europe/Oslo)', new Date('2027-03-22T08:00:00+01:00'), ['2027-03-27', '2027-03-28', '2027-03-29'], SUMMER_2027, CHANGES.spring2027);
dstCase('autumn: the last Sunday of October (Europe/Oslo)', new Date('2026-10-19T08:00:00+02:00'), ['2026-10-24', '2026-10-25', '2026-10-26'], SUMMER_2026, CHANGES.autumn2026);
