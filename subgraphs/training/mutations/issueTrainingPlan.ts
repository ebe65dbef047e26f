import { forbidden } from '../../../lib/errors.ts';
import type { TrainingContext } from '../context.ts';
import type { PlanContentBody } from '../clients/fagopplaering.ts';
import type { Opplaeringsplan } from '../clients/fagopplaering.schemas.ts';
import { toTrainingPlan } from '../mapping.ts';
import type { TrainingPlanModel, TrainingRoute } from '../model.ts';
import { planContent } from '../priorSubjects/index.ts';
import { priorSubjectMappingOf } from '../resolvers/PriorSubjectMapping.ts';
import { NOT_FOUND, workableRequest } from './changeSkillsMappingStatus.ts';
import { issueTrainingPlanInput } from './inputs.ts';
import { invalidInput, refusalOf, userError, type TrainingUserError } from './userErrors.ts';

const RUTE: Record<TrainingRoute, Opplaeringsplan['rute']> = {
  APPRENTICESHIP: 'LAERLING',
  EXPERIENCE_BASED_CANDIDATE: 'PRAKSISKANDIDAT',
  CERTIFICATE_AT_WORK: 'FAGBREV_PA_JOBB',
  ADULT_EDUCATION: 'VOKSENOPPLAERING',
};
const GRUNNLAG = { DIPLOMA: 'VITNEMAL', CERTIFICATE_OF_COMPETENCE: 'KOMPETANSEBEVIS', PRIOR_LEARNING: 'REALKOMPETANSE', PRACTICE: 'PRAKSIS' } as const;
const STED = { SCHOOL: 'SKOLE', COMPANY: 'BEDRIFT', EXTERNAL_CANDIDATE: 'PRIVATIST', ADULT_EDUCATION: 'VOKSENOPPLAERING' } as const;

const REFUSALS = {
  // Withdrawn while the plan was being written: the same answer as for any request the advisor may not see.
  SAMTYKKE_TRUKKET: NOT_FOUND,
  VERSJONSKONFLIKT: userError('VERSION_CONFLICT', 'The request or its plan changed meanwhile; try again.'),
  UGYLDIG_STATUSOVERGANG: userError('INVALID_STATUS_CHANGE', "The request's status does not allow a plan."),
  PLAN_ALLEREDE_SENDT: userError('PLAN_ALREADY_SENT', 'A different plan was already sent for this request.'),
  DIGIPOST_FEILET: userError('DELIVERY_FAILED', 'The letter could not be delivered digitally or printed; the plan stays a draft.'),
};

type Payload = { plan: TrainingPlanModel | null; userErrors: TrainingUserError[] };
const refused = (...userErrors: TrainingUserError[]): Payload => ({ plan: null, userErrors });

/** Whether a plan holds what this call would write (the same trade, route and estimate): a retry of it. */
const sameIssue = (plan: Opplaeringsplan, body: PlanContentBody) =>
  plan.laerefagkode === body.laerefagkode && plan.rute === body.rute && plan.estimertVarighetManeder === body.estimertVarighetManeder;
const sameContent = (plan: Opplaeringsplan, body: PlanContentBody) =>
  sameIssue(plan, body) && JSON.stringify([plan.godkjenteFag, plan.gjenstaendeFag, plan.godkjentPraksisManeder]) ===
    JSON.stringify([body.godkjenteFag, body.gjenstaendeFag, body.godkjentPraksisManeder]);

/**
 * issueTrainingPlan: the plan's content comes from the prior-subject mapping for the chosen route (priorSubjects/),
 * is written to the county system as the request's plan, and sent with sendOpplaeringsplan.
 *
 * Exactly one letter: the county system owns the send (its contract): it chooses the Digipost messageId when the plan
 * is first sent and stores it on the plan before calling Digipost, Digipost refuses a second message with that id
 * (409 DUPLICATE_MESSAGE, no letter), and a sent plan is answered unchanged. This mutation is idempotent by the
 * request (one plan per request): a retry after a lost answer finds the draft or the sent plan and re-sends or
 * returns it — it never writes a second plan. The person's print address is the county's (Folkeregisteret): a person
 * without Digipost gets the letter on paper, and one with neither gets DELIVERY_FAILED.
 */
export async function issueTrainingPlan(input: unknown, context: TrainingContext): Promise<Payload> {
  if (context.caller.role !== 'training-advisor') throw forbidden('Only fagopplæring advisors issue training plans.');
  const parsed = issueTrainingPlanInput.safeParse(input);
  if (!parsed.success) return refused(...invalidInput(parsed.error));
  const data = parsed.data;

  const found = await workableRequest(data.requestId, context, 'Mutation.issueTrainingPlan');
  if ('code' in found) return refused(found);
  let request = found;
  if (!request.tradeCodes.includes(data.trade)) return refused(userError('TRADE_NOT_REQUESTED', 'The trade is not one of the request\'s trades.', 'trade'));
  const scope = request.consent?.scope ?? [];
  if (!scope.includes('SUBJECTS_AND_GRADES') || !scope.includes('PRACTICE')) {
    return refused(userError('CONSENT_SCOPE_INSUFFICIENT', 'The consent does not cover subjects and practice, which the plan is built on.'));
  }

  const mapping = await priorSubjectMappingOf(request.personIdent, data.trade, context);
  if (!mapping.eligibleRoutes.includes(data.route)) {
    return refused(userError('ROUTE_NOT_ELIGIBLE', 'The person is not eligible for this route (see priorSubjectMapping.eligibleRoutes).', 'route'));
  }
  const content = planContent({
    trade: mapping.trade,
    route: data.route,
    results: mapping.credited.map((c) => c.result),
    practiceMonths: mapping.practiceMonths,
    ageThisYear: mapping.ageThisYear,
  });
  const body: PlanContentBody = {
    laerefagkode: data.trade,
    rute: RUTE[data.route],
    godkjenteFag: content.credited.map((s) => ({ fagkode: s.code, fagnavn: s.title, niva: s.level, grunnlag: s.creditedOn ? GRUNNLAG[s.creditedOn] : null, opplaeringssted: null, merknad: null })),
    gjenstaendeFag: content.remaining.map((s) => ({ fagkode: s.code, fagnavn: s.title, niva: s.level, grunnlag: null, opplaeringssted: s.takenAt ? STED[s.takenAt] : null, merknad: null })),
    godkjentPraksisManeder: content.creditedPracticeMonths,
    estimertVarighetManeder: data.estimatedMonths ?? content.estimatedMonths,
    // No free text: the graph writes none it was not given.
    merknader: '',
  };

  try {
    let plan = request.trainingPlanId ? await context.fagopplaering.getTrainingPlan(request.trainingPlanId) : null;
    if (plan?.status === 'SENDT') {
      return sameIssue(plan, body) ? { plan: toTrainingPlan(plan), userErrors: [] } : refused(REFUSALS.PLAN_ALLEREDE_SENDT);
    }
    if (request.status === 'MOTTATT') {
      // Writing the plan takes the request on: MOTTATT → UNDER_BEHANDLING (assigned to the caller).
      const taken = await context.fagopplaering.changeStatus(request.id, { status: 'UNDER_BEHANDLING', versjon: request.version });
      request = { ...request, status: taken.status, version: taken.versjon };
    }
    if (!plan) {
      plan = await context.fagopplaering.createPlan(request.id, body).catch(async (error: unknown) => {
        // Another attempt (a retry racing a slow first one) created it: carry on with that one.
        const existing = (await context.fagopplaering.getRequest(found.id)).opplaeringsplanId;
        if (!existing) throw error;
        return context.fagopplaering.getTrainingPlan(existing);
      });
    }
    if (plan.status === 'UTKAST' && !sameContent(plan, body)) plan = await context.fagopplaering.updatePlan(plan.id, body, plan.versjon);
    const sent = plan.status === 'SENDT' ? plan : await context.fagopplaering.sendPlan(plan.id, plan.versjon);
    return { plan: toTrainingPlan(sent), userErrors: [] };
  } catch (error) {
    return refused(refusalOf(error, REFUSALS));
  }
}
