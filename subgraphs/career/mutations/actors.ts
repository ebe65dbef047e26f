import { recordDecision } from '../../../lib/audit/record.ts';
import type { Caller } from '../../../lib/auth/caller.ts';
import { forbidden } from '../../../lib/errors.ts';
import type { CareerContext } from '../context.ts';

type CitizenCaller = Extract<Caller, { role: 'citizen' }>;
type CounsellorCaller = Extract<Caller, { role: 'career-counsellor' }>;

/** Who books: the person for themself, or a NAV advisor poao-tilgang lets act for the person. */
export type Booker = { kind: 'citizen' } | { kind: 'nav'; navIdent: string };

/**
 * May the caller book for `ident`? A person only for themself; a NAV advisor for a person poao-tilgang permits
 * (a refusal is put on the audit trail). Anyone else is FORBIDDEN: access failures are errors, not userErrors.
 */
export async function requireBooker(context: CareerContext, ident: string): Promise<Booker> {
  const caller = context.caller;
  if (caller.role === 'citizen') {
    if (caller.ident !== ident) throw forbidden('A person books only for themself.');
    return { kind: 'citizen' };
  }
  if (caller.role === 'nav-advisor' && context.poaoTilgang) {
    const decision = await context.poaoTilgang.load(ident);
    recordDecision(context, 'career', {
      subject: ident,
      coordinate: 'Mutation.bookGuidance',
      decision: decision.permit ? 'Permit' : 'Deny',
      ...(decision.permit ? {} : { reason: `FORBIDDEN:${decision.reason}` }),
    });
    if (!decision.permit) throw forbidden();
    return { kind: 'nav', navIdent: caller.navIdent };
  }
  throw forbidden('Only the person or their NAV advisor books guidance.');
}

/** The person themself: cancelling, sharing and withdrawing are the owner's acts. */
export function requireCitizen(context: CareerContext, what: string): CitizenCaller {
  if (context.caller.role !== 'citizen') throw forbidden(`Only the person ${what}.`);
  return context.caller;
}

/** A Karrieresenter counsellor (their centre is in the token). */
export function requireCounsellor(context: CareerContext, what: string): CounsellorCaller {
  if (context.caller.role !== 'career-counsellor') throw forbidden(`Only a counsellor ${what}.`);
  return context.caller;
}
