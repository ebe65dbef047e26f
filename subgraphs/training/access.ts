import { navAdvisorViaPoaoTilgang } from '../../lib/access/poaoTilgang.ts';
import { PERMIT, deny, nothing, ownDataOnly, type PersonAccessPolicy } from '../../lib/access/policy.ts';
import type { Organisation } from '../../lib/auth/caller.ts';
import { isActive, type Grant, type GrantQuery, type GrantSource } from '../../lib/consent/grants.ts';
import type { TrainingContext } from './context.ts';
import type { SkillsMappingRequestModel, SkillsMappingScope, SkillsMappingStatus } from './model.ts';

/** Open requests: fagopplæringen may still work on them (contract: MOTTATT, UNDER_BEHANDLING, PLAN_SENDT). */
const OPEN: ReadonlySet<SkillsMappingStatus> = new Set(['MOTTATT', 'UNDER_BEHANDLING', 'PLAN_SENDT']);

/** The kind of record each consent-bound Person field discloses, as the consent's omfang names it. */
export const SCOPE_OF_PERSON_FIELD: Readonly<Record<string, SkillsMappingScope>> = {
  'Person.completedSubjects': 'SUBJECTS_AND_GRADES',
  'Person.practice': 'PRACTICE',
  'Person.apprenticeships': 'APPRENTICESHIPS',
};

/** A request's consent (samtykke) as a grant; none once the person withdrew it (TRUKKET). */
export function grantOfRequest(request: SkillsMappingRequestModel, grantee: Organisation, now: Date): Grant | null {
  if (request.status === 'TRUKKET') return null;
  const grant: Grant = {
    id: request.id,
    purpose: 'SKILLS_MAPPING',
    grantee,
    givenAt: request.consent.givenAt,
    withdrawnAt: request.consent.withdrawnAt,
  };
  return isActive(grant, now) ? grant : null;
}

/** The grant of the person's open request whose consent covers `scope`, if any. */
async function openRequestGrant(context: TrainingContext, ident: string, grantee: Organisation, scope?: SkillsMappingScope) {
  const now = context.now();
  for (const request of await context.loaders.requestsOfPerson.load(ident)) {
    if (!OPEN.has(request.status) || (scope && !request.consent.scope.includes(scope))) continue;
    const grant = grantOfRequest(request, grantee, now);
    if (grant) return grant;
  }
  return null;
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
      // NAV sees the plan only when the person let fagopplæringen pass it on (omfang OPPLAERINGSPLAN_TIL_NAV).
      if (query.organisation === 'NAV' && !query.target.consent.scope.includes('TRAINING_PLAN_TO_NAV')) return null;
      return grantOfRequest(query.target, query.organisation, now);
    }
    const scope = SCOPE_OF_PERSON_FIELD[query.coordinate];
    if (scope) return openRequestGrant(context, query.subject, query.organisation, scope);
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
