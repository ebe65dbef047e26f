import { navAdvisorViaPoaoTilgang } from '../../lib/access/poaoTilgang.ts';
import { PERMIT, deny, nothing, ownDataOnly, type PersonAccessPolicy } from '../../lib/access/policy.ts';
import type { Organisation } from '../../lib/auth/caller.ts';
import { isActive, type Grant, type GrantQuery, type GrantSource } from '../../lib/consent/grants.ts';
import type { TrainingContext } from './context.ts';
import { OPEN_STATUSES, type SkillsMappingRequestModel, type SkillsMappingScope } from './model.ts';

/**
 * The kinds of record each consent-bound Person field discloses, as the consent's omfang names them. The mapping is
 * computed from subjects and practice, so its consent must cover both.
 */
export const SCOPE_OF_PERSON_FIELD: Readonly<Record<string, readonly SkillsMappingScope[]>> = {
  'Person.completedSubjects': ['SUBJECTS_AND_GRADES'],
  'Person.practice': ['PRACTICE'],
  'Person.apprenticeships': ['APPRENTICESHIPS'],
  'Person.priorSubjectMapping': ['SUBJECTS_AND_GRADES', 'PRACTICE'],
};

/** A request's consent (samtykke) as a grant; none before the person gave it and once they withdrew it (TRUKKET). */
export function grantOfRequest(request: SkillsMappingRequestModel, grantee: Organisation, now: Date): Grant | null {
  if (request.status === 'TRUKKET' || !request.consent) return null;
  const grant: Grant = {
    id: request.id,
    purpose: 'SKILLS_MAPPING',
    grantee,
    givenAt: request.consent.givenAt,
    withdrawnAt: request.consent.withdrawnAt,
  };
  return isActive(grant, now) ? grant : null;
}

/** The grant of the person's open request (at most one, by contract) when its consent covers `scopes`. */
export async function openRequestGrant(context: TrainingContext, ident: string, grantee: Organisation, scopes: readonly SkillsMappingScope[] = []) {
  const request = await context.loaders.openRequestOf.load(ident);
  if (!request?.consent || !scopes.every((scope) => request.consent!.scope.includes(scope))) return null;
  return grantOfRequest(request, grantee, context.now());
}

function isRequest(target: object): target is SkillsMappingRequestModel {
  return 'consent' in target && 'reference' in target;
}

/**
 * SKILLS_MAPPING grants live in fagopplæringen, as the consent of each skills-mapping request: read through the
 * per-request loader of the person's requests, never cached across requests, so a withdrawal counts at once.
 */
export const trainingGrants: GrantSource<TrainingContext> = {
  async find(context, query: GrantQuery) {
    if (query.purpose !== 'SKILLS_MAPPING') return null;
    const now = context.now();
    if (query.coordinate === 'SkillsMappingRequest' && isRequest(query.target)) {
      return grantOfRequest(query.target, query.organisation, now);
    }
    if (query.coordinate === 'SkillsMappingRequest.trainingPlan' && isRequest(query.target)) {
      // NAV sees the plan only when the person let fagopplæringen pass it on (omfang OPPLAERINGSPLAN_TIL_NAV), and
      // only while the request is open (fagopplæringen's rule): decided here, so the refusal is audited as one.
      if (query.organisation === 'NAV' && !query.target.consent?.scope.includes('TRAINING_PLAN_TO_NAV')) return null;
      if (query.organisation === 'NAV' && !OPEN_STATUSES.has(query.target.status)) return null;
      return grantOfRequest(query.target, query.organisation, now);
    }
    const scopes = SCOPE_OF_PERSON_FIELD[query.coordinate];
    if (scopes) return openRequestGrant(context, query.subject, query.organisation, scopes);
    // A consent-bound coordinate this source does not know is never granted (fail closed).
    context.log.warn({ coordinate: query.coordinate }, 'no grant rule for coordinate');
    return null;
  },
};

/** Who may see a person's fagopplæring data (ARCHITECTURE.md §3), one rule per role. */
export const trainingPersonAccess: PersonAccessPolicy<TrainingContext> = {
  citizen: ownDataOnly<TrainingContext>(),
  'nav-advisor': navAdvisorViaPoaoTilgang<TrainingContext>(),
  // A fagopplæring advisor sees a person only while the person has an open request under active consent.
  'training-advisor': async (context, ident) => {
    if (context.caller.role !== 'training-advisor') return deny('NOT_TRAINING_ADVISOR');
    const organisation = 'FAGOPPLAERING';
    return (await openRequestGrant(context, ident, organisation)) ? PERMIT : deny('NO_OPEN_REQUEST_WITH_CONSENT');
  },
  'career-counsellor': nothing<TrainingContext>('CAREER_COUNSELLOR_SEES_NO_TRAINING_DATA'),
  'partner-reporting': nothing<TrainingContext>('AGGREGATES_ONLY'),
};
