import type { Caller } from '../../lib/auth/caller.ts';
import type { ContractBooking, ContractNote } from './clients/karrieresenter.schemas.ts';

/**
 * The row-level rules of ARCHITECTURE.md §3 for Karrieresenter data: which of the records the system returned
 * the caller may see. Applied here, whatever the system already filtered, so a lenient upstream (or a stand-in)
 * discloses nothing more. Person-level access and consent are the plumbing's (access.ts, @consent).
 */

/** NAV sees a booking only when NAV booked it, an advisor attends it, or the person lets NAV see it. */
export function navMaySeeBooking(booking: ContractBooking): boolean {
  return booking.bookedBy.type === 'NAV' || booking.navAdvisorAttending != null || booking.visibleToNav;
}

/** Bookings for the caller: the person all of theirs, NAV those above, a counsellor those at their own centre. */
export function visibleBookings(caller: Caller, ident: string, bookings: readonly ContractBooking[]): ContractBooking[] {
  const own = bookings.filter((b) => b.person.fnr === ident);
  switch (caller.role) {
    case 'citizen':
      return caller.ident === ident ? own : [];
    case 'nav-advisor':
      return own.filter(navMaySeeBooking);
    case 'career-counsellor':
      return own.filter((b) => b.centreId === caller.centreId);
    default:
      return [];
  }
}

/**
 * Notes for the caller. NAV gets every note the system returned: whether the person shares it is decided by the
 * consent enforcement from the grant data (GrantSource in access.ts), not by trusting the system's filter.
 */
export function visibleNotes(caller: Caller, ident: string, notes: readonly ContractNote[]): ContractNote[] {
  const own = notes.filter((n) => n.owner.fnr === ident);
  switch (caller.role) {
    case 'citizen':
      return caller.ident === ident ? own : [];
    case 'nav-advisor':
      return own;
    case 'career-counsellor':
      return own.filter((n) => n.centreId === caller.centreId);
    default:
      return [];
  }
}
