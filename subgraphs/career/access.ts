import { PERMIT, nothing, ownDataOnly, type PersonAccessPolicy } from '../../lib/access/policy.ts';
import { navAdvisorViaPoaoTilgang } from '../../lib/access/poaoTilgang.ts';
import { isActive, type Grant, type GrantSource } from '../../lib/consent/grants.ts';
import type { ContractShareGrant } from './clients/karrieresenter.schemas.ts';
import type { CareerContext } from './context.ts';
import type { CareerNote } from './model.ts';

/**
 * Who may see a person's Karrieresenter data (ARCHITECTURE.md §3), applied by the plumbing to every Person field.
 * Row-level rules (a counsellor's own centre, the bookings NAV may see) are in rows.ts; the plumbing applies both.
 */
export const careerPersonAccess: PersonAccessPolicy<CareerContext> = {
  citizen: ownDataOnly<CareerContext>(),
  'nav-advisor': navAdvisorViaPoaoTilgang<CareerContext>(),
  // Any person may book at any centre; the counsellor sees only the rows of their own centre.
  'career-counsellor': async () => PERMIT,
  'training-advisor': nothing<CareerContext>('NO_CAREER_DATA_FOR_TRAINING'),
  'partner-reporting': nothing<CareerContext>('AGGREGATES_ONLY'),
};

function toGrant(grant: ContractShareGrant): Grant {
  return {
    id: grant.id,
    purpose: 'CAREER_NOTE_SHARING',
    grantee: grant.grantee,
    givenAt: new Date(grant.givenAt),
    withdrawnAt: grant.withdrawnAt === null ? null : new Date(grant.withdrawnAt),
  };
}

/**
 * The note's share grant to NAV as the Karrieresenter records it: the active one, or else the latest (withdrawn)
 * one so a refusal names it; null when there is none. A draft is never shared, whatever a record says.
 */
export async function noteShareGrant(context: CareerContext, note: CareerNote): Promise<Grant | null> {
  if (note.status !== 'FINAL') return null;
  const grants = (await context.loaders.shareGrantsByNote.load(note.id)).filter((g) => g.grantee === 'NAV').map(toGrant);
  const now = context.now();
  return grants.find((g) => isActive(g, now)) ?? grants.sort((a, b) => a.givenAt.getTime() - b.givenAt.getTime()).at(-1) ?? null;
}

/** Whether the person shares the note with NAV now. */
export async function isSharedWithNav(context: CareerContext, note: CareerNote): Promise<boolean> {
  const grant = await noteShareGrant(context, note);
  return grant !== null && isActive(grant, context.now());
}

/** CAREER_NOTE_SHARING for a CareerNote, read from the Karrieresenter's grants (batched per request, never cached across). */
export const careerGrants: GrantSource<CareerContext> = {
  async find(context, query) {
    if (query.purpose !== 'CAREER_NOTE_SHARING' || query.organisation !== 'NAV' || query.coordinate !== 'CareerNote') return null;
    const note = query.target as CareerNote;
    if (typeof note.id !== 'string' || typeof note.status !== 'string') return null;
    return noteShareGrant(context, note);
  },
};
