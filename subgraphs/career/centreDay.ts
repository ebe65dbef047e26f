import { forbidden } from '../../lib/errors.ts';
import { addDays, fromOsloWallClock } from '../../lib/time.ts';
import type { CareerContext } from './context.ts';
import { toBooking } from './map.ts';
import type { GuidanceBooking } from './model.ts';

/** The start of an Oslo calendar day (YYYY-MM-DD). */
function osloMidnight(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return fromOsloWallClock({ year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 });
}

/**
 * A counsellor's working day: the sessions at their own centre that start on the Oslo day `date` (23, 24 or 25
 * hours long), ordered by start. Nobody else, and no other centre: FORBIDDEN before anything is read. Each row is
 * checked again by the plumbing's row rule (rows.ts), whatever the system filtered; the day is this one.
 */
export async function centreDay(context: CareerContext, centreId: string, date: string): Promise<GuidanceBooking[]> {
  const caller = context.caller;
  if (caller.role !== 'career-counsellor') throw forbidden('Only counsellors see a centre\'s day.');
  if (caller.centreId !== centreId) throw forbidden('A counsellor sees only their own centre\'s day.');
  const from = osloMidnight(date);
  const to = new Date(osloMidnight(addDays(date, 1)).getTime() - 1);
  const bookings = await context.karrieresenter.searchCentreBookings(centreId, from, to);
  return bookings
    .filter((b) => Date.parse(b.start) >= from.getTime() && Date.parse(b.start) <= to.getTime())
    .map(toBooking)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
}
