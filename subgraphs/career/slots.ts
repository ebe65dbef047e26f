import { badInput } from '../../lib/errors.ts';
import { addDays, daysBetween, fromOsloWallClock } from '../../lib/time.ts';
import type { SlotQuery } from './clients/karrieresenter.ts';
import { toContractMode } from './map.ts';
import type { GuidanceMode } from './model.ts';

/** The longest search the booking system accepts (contract: `to` at most 90 days after `from`). */
export const MAX_SLOT_SEARCH_DAYS = 90;
const CENTRE_ID = /^KS-[A-Z]{3}$/;

export interface AvailableSlotsArgs {
  centreId: string;
  /** Oslo date YYYY-MM-DD (the Date scalar has checked the format). */
  from: string;
  to: string;
  mode?: GuidanceMode | null;
}

/** The start of an Oslo calendar day. */
function osloMidnight(date: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return fromOsloWallClock({ year, month, day, hour: 0, minute: 0, second: 0, millisecond: 0 });
}

/**
 * The graph's day range (Oslo dates, both included) as the booking system's instants. Bad input is the caller's
 * to fix, so it is refused here rather than sent on to come back as an upstream 400.
 */
export function slotQuery(args: AvailableSlotsArgs): SlotQuery {
  if (!CENTRE_ID.test(args.centreId)) throw badInput('centreId is not a centre id (KS-XXX).', 'centreId');
  const days = daysBetween(args.from, args.to) + 1;
  if (days < 1) throw badInput('to must not be before from.', 'to');
  if (days > MAX_SLOT_SEARCH_DAYS) throw badInput(`At most ${MAX_SLOT_SEARCH_DAYS} days can be searched at once.`, 'to');
  return {
    centreId: args.centreId,
    from: osloMidnight(args.from),
    // The last millisecond of the `to` day: slots that start on it are included.
    to: new Date(osloMidnight(addDays(args.to, 1)).getTime() - 1),
    ...(args.mode ? { mode: toContractMode(args.mode) } : {}),
  };
}
