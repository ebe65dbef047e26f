import type { UpstreamCaller } from '../common/app.ts';
import { activeGrant, type KarrieresenterState } from './state.ts';
import type { Booking, Note, WithheldRecord } from './types.ts';

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
 * Why a booking the caller cannot see is withheld from them (contract extension `withheld`): by id and reason only,
 * for the caller's audit trail. Undefined for a booking the caller sees, and for callers who search no one.
 */
export function withheldBooking(caller: UpstreamCaller, booking: Booking): WithheldRecord | undefined {
  if (canSeeBooking(caller, booking)) return undefined;
  if (caller.role === 'NAV') return { id: booking.id, reason: 'NOT_VISIBLE_TO_NAV' };
  if (caller.role === 'KARRIERESENTER') return { id: booking.id, reason: 'OTHER_CENTRE' };
  return undefined;
}

/** Why a note the caller cannot see is withheld from them: for NAV never shared, or its sharing withdrawn (and which grant). */
export function withheldNote(state: KarrieresenterState, caller: UpstreamCaller, note: Note): WithheldRecord | undefined {
  if (canSeeNote(state, caller, note)) return undefined;
  if (caller.role === 'KARRIERESENTER') return { id: note.id, reason: 'OTHER_CENTRE' };
  if (caller.role !== 'NAV') return undefined;
  const latest = state.shareGrants
    .filter((g) => g.noteId === note.id && g.grantee === 'NAV')
    .sort((a, b) => Date.parse(a.givenAt) - Date.parse(b.givenAt))
    .at(-1);
  return latest?.withdrawnAt ? { id: note.id, reason: 'SHARING_WITHDRAWN', grantId: latest.id } : { id: note.id, reason: 'NOT_SHARED' };
}

/** The withheld records of a search, by id, so their order says nothing about time or place. */
export const byId = (a: WithheldRecord, b: WithheldRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

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
