import { PERMIT, deny, type AccessDecision } from '../../lib/access/policy.ts';
import type { RowRules } from '../../lib/access/rows.ts';
import { withheldRecord, type Withheld, type Withholding } from '../../lib/consent/withheld.ts';
import type { ContractWithheld } from './clients/karrieresenter.schemas.ts';
import type { CareerContext } from './context.ts';
import type { CareerNote, GuidanceBooking } from './model.ts';

/**
 * The row-level rules of ARCHITECTURE.md §3 for Karrieresenter data: which of a person's records the caller may see.
 * The plumbing applies them (lib/consent/enforce.ts) to every booking and note any field returns, whatever the
 * system already filtered, so a lenient upstream (or a stand-in) discloses nothing more — and every refusal is
 * audited. Person-level access and consent are the plumbing's too (access.ts, @consent). The person themself
 * sees all their rows: the plumbing asks no row rule about the caller's own data.
 */

/** NAV sees a booking only when NAV booked it, an advisor attends it, or the person lets NAV see it. */
export function navMaySeeBooking(booking: GuidanceBooking): boolean {
  return booking.bookedBy === 'NAV_ADVISOR' || booking.navAdvisorAttends || booking.visibleToNav;
}

const OTHER_CENTRE = deny('OTHER_CENTRE');

function bookingRow(context: CareerContext, booking: GuidanceBooking): AccessDecision {
  const caller = context.caller;
  switch (caller.role) {
    case 'nav-advisor':
      return navMaySeeBooking(booking) ? PERMIT : deny('NOT_VISIBLE_TO_NAV');
    case 'career-counsellor':
      return booking.centre.id === caller.centreId ? PERMIT : OTHER_CENTRE;
    default:
      return deny('NO_ROW_RULE');
  }
}

function noteRow(context: CareerContext, note: CareerNote): AccessDecision {
  const caller = context.caller;
  switch (caller.role) {
    case 'nav-advisor':
      return PERMIT; // whether the person shares it is the consent decision (@consent on CareerNote)
    case 'career-counsellor':
      return note.centre.id === caller.centreId ? PERMIT : OTHER_CENTRE;
    default:
      return deny('NO_ROW_RULE');
  }
}

/** The career subgraph's row rules, by GraphQL type. */
export const careerRows: RowRules<CareerContext> = {
  GuidanceBooking: (context, row) => bookingRow(context, row as GuidanceBooking),
  CareerNote: (context, row) => noteRow(context, row as CareerNote),
};

/**
 * What the Karrieresenter's own rule withheld, in the words the graph's rules use for the same case, so the audit
 * trail reads alike whichever of the two refused: a note not shared is CONSENT_REQUIRED (NO_GRANT, or
 * GRANT_NOT_ACTIVE naming the withdrawn grant), a hidden booking or another centre's record FORBIDDEN.
 */
const WITHHOLDING: Record<ContractWithheld['reason'], Pick<Withholding, 'code' | 'reason'>> = {
  NOT_SHARED: { code: 'CONSENT_REQUIRED', reason: 'NO_GRANT' },
  SHARING_WITHDRAWN: { code: 'CONSENT_REQUIRED', reason: 'GRANT_NOT_ACTIVE' },
  NOT_VISIBLE_TO_NAV: { code: 'FORBIDDEN', reason: 'NOT_VISIBLE_TO_NAV' },
  OTHER_CENTRE: { code: 'FORBIDDEN', reason: 'OTHER_CENTRE' },
};

/**
 * A record the Karrieresenter withheld from the caller, as a resolver returns it beside the records it got: the
 * plumbing refuses and audits it, and it carries nothing a response could show.
 */
export function withheldByKarrieresenter(subject: string, withheld: ContractWithheld): Withheld {
  return withheldRecord(subject, { recordId: withheld.id, ...WITHHOLDING[withheld.reason], ...(withheld.grantId ? { grantId: withheld.grantId } : {}) });
}
