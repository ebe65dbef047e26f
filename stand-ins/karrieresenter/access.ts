import type { UpstreamCaller } from '../common/app.ts';
import { activeGrant, type KarrieresenterState } from './state.ts';
import type { Booking, Note } from './types.ts';

/**
 * The booking system's access rules by caller (contract, "Callers"):
 * PERSON only their own; KARRIERESENTER their own centre; NAV bookings only when `visibleToNav` and notes only
 * under an active share grant; PARTNER (and FAGOPPLAERING) no personal data at all.
 * "Cannot see" is answered 404 by the routes, so the existence of a record is not disclosed.
 */
export function canSeeBooking(caller: UpstreamCaller, booking: Booking): boolean {
  switch (caller.role) {
    case 'PERSON':
      return caller.pid !== undefined && booking.person.fnr === caller.pid;
    case 'KARRIERESENTER':
      return caller.centreId !== undefined && booking.centreId === caller.centreId;
    case 'NAV':
      return booking.visibleToNav;
    default:
      return false;
  }
}

export function canSeeNote(state: KarrieresenterState, caller: UpstreamCaller, note: Note): boolean {
  switch (caller.role) {
    case 'PERSON':
      return caller.pid !== undefined && note.owner.fnr === caller.pid;
    case 'KARRIERESENTER':
      return caller.centreId !== undefined && note.centreId === caller.centreId;
    case 'NAV':
      return activeGrant(state, note.id) !== undefined;
    default:
      return false;
  }
}

/**
 * Whether the caller may look a person up by fnr (the search endpoints). A person only themself; NAV and
 * counsellors any person (the results are then filtered per record); reporting clients nobody.
 */
export function maySearchPerson(caller: UpstreamCaller, fnr: string): boolean {
  switch (caller.role) {
    case 'PERSON':
      return caller.pid === fnr;
    case 'NAV':
    case 'KARRIERESENTER':
      return true;
    default:
      return false;
  }
}

/** Whether the caller is a counsellor of the given centre (notes and outcomes are the centre's work). */
export function isCounsellorOf(caller: UpstreamCaller, centreId: string): boolean {
  return caller.role === 'KARRIERESENTER' && caller.counsellorId !== undefined && caller.centreId === centreId;
}

/**
 * What a caller gets of a booking. NAV sees time and status, never the content: the person's message to the
 * counsellor is left out.
 */
export function bookingView(caller: UpstreamCaller, booking: Booking): Booking {
  return caller.role === 'NAV' ? { ...booking, messageToCounsellor: null } : booking;
}

/** Reports are aggregates without personal data: every organisation may read them, a person may not. */
export function mayReadReports(caller: UpstreamCaller): boolean {
  return caller.role !== 'PERSON';
}
