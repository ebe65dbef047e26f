import { z } from 'zod';
import { isValidIdent } from '../ident.ts';
import type { Caller } from './caller.ts';

/**
 * The claims of the graph's own tokens (audience `fagbrev-graph`) and how they map to a `Caller`.
 * One place for both directions, so the issuer, the verifier and test helpers cannot drift apart.
 */

/** ID-porten's level "high" (idporten-loa-high, formerly Level4): the only level a citizen may act on. */
export const CITIZEN_ACR = 'idporten-loa-high';
const ACCEPTED_ACR = [CITIZEN_ACR, 'Level4'] as const;

/** Ids of counsellors, advisors, centres and clients: short and printable, so they are safe in logs and URLs. */
const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/);
/** NAV employee ident: one letter, six digits (Z990001). */
export const NAV_IDENT = /^[A-Z][0-9]{6}$/;

const citizen = z.object({
  role: z.literal('citizen'),
  pid: z.string().refine(isValidIdent),
  acr: z.enum(ACCEPTED_ACR),
});
const navAdvisor = z.object({ role: z.literal('nav-advisor'), NAVident: z.string().regex(NAV_IDENT), oid: z.guid() });
const counsellor = z.object({ role: z.literal('career-counsellor'), counsellorId: id, centre: id });
const trainingAdvisor = z.object({ role: z.literal('training-advisor'), advisorId: id });
const partner = z.object({ role: z.literal('partner-reporting'), sub: id });

/** Parses a verified token's payload into a Caller by its `role` claim; unknown claims are ignored. */
export const graphClaimsSchema = z
  .discriminatedUnion('role', [citizen, navAdvisor, counsellor, trainingAdvisor, partner])
  .transform((c): Caller => {
    switch (c.role) {
      case 'citizen':
        return { role: 'citizen', ident: c.pid };
      case 'nav-advisor':
        return { role: 'nav-advisor', navIdent: c.NAVident, azureId: c.oid };
      case 'career-counsellor':
        return { role: 'career-counsellor', counsellorId: c.counsellorId, centreId: c.centre };
      case 'training-advisor':
        return { role: 'training-advisor', advisorId: c.advisorId };
      case 'partner-reporting':
        return { role: 'partner-reporting', clientId: c.sub };
    }
  });

/** The Caller a token's payload names, or null when the claims do not describe one. */
export function callerFromClaims(payload: unknown): Caller | null {
  const parsed = graphClaimsSchema.safeParse(payload);
  return parsed.success ? parsed.data : null;
}

/** The role-specific claims of a graph token for a caller (without iss, aud and times). */
export function claimsForCaller(caller: Caller): Record<string, string> {
  switch (caller.role) {
    case 'citizen':
      return { role: caller.role, sub: caller.ident, pid: caller.ident, acr: CITIZEN_ACR };
    case 'nav-advisor':
      // Entra ID's subject is pairwise; the object id is the stable one poao-tilgang needs.
      return { role: caller.role, sub: caller.azureId, NAVident: caller.navIdent, oid: caller.azureId };
    case 'career-counsellor':
      return { role: caller.role, sub: caller.counsellorId, counsellorId: caller.counsellorId, centre: caller.centreId };
    case 'training-advisor':
      return { role: caller.role, sub: caller.advisorId, advisorId: caller.advisorId };
    case 'partner-reporting':
      return { role: caller.role, sub: caller.clientId, client_id: caller.clientId };
  }
}
