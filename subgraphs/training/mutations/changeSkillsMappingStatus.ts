import { recordDecision } from '../../../lib/audit/record.ts';
import { forbidden } from '../../../lib/errors.ts';
import { grantOfRequest } from '../access.ts';
import type { TrainingContext } from '../context.ts';
import { toSkillsMappingRequest } from '../mapping.ts';
import { OPEN_STATUSES, type SkillsMappingRequestModel } from '../model.ts';
import { changeSkillsMappingStatusInput } from './inputs.ts';
import { invalidInput, refusalOf, userError, type TrainingUserError } from './userErrors.ts';

/**
 * The one answer for every request a training advisor may not work on — unknown, withdrawn, awaiting consent, closed
 * — so that the answer tells nothing about a request the advisor may not see (nor that a person withdrew).
 */
export const NOT_FOUND = userError('REQUEST_NOT_FOUND', 'There is no such request you can change.', 'requestId');
const REFUSALS = {
  IKKE_FUNNET: NOT_FOUND,
  IKKE_TILGANG: NOT_FOUND,
  // Withdrawn between the read and the write: still a request the advisor may no longer see.
  SAMTYKKE_TRUKKET: NOT_FOUND,
  VERSJONSKONFLIKT: userError('VERSION_CONFLICT', 'The request changed since it was read; read it again.', 'version'),
  UGYLDIG_STATUSOVERGANG: userError('INVALID_STATUS_CHANGE', "The request's status does not allow this change.", 'status'),
};

type Payload = { request: SkillsMappingRequestModel | null; userErrors: TrainingUserError[] };

/**
 * The request a training advisor may work on: it exists, is open and its consent is active (ARCHITECTURE.md §3).
 * The subgraph checks this itself rather than trusting the county system to refuse. The decision about the
 * person's request is audited once, as the mutation (`coordinate`) that asked: Permit with the grant, or Deny.
 */
export async function workableRequest(
  requestId: string,
  context: TrainingContext,
  coordinate: string,
): Promise<SkillsMappingRequestModel | TrainingUserError> {
  let request: SkillsMappingRequestModel;
  try {
    request = toSkillsMappingRequest(await context.fagopplaering.getRequest(requestId));
  } catch (error) {
    // Unknown to the county, or hidden from its advisors (awaiting consent): no person to audit a decision about.
    return refusalOf(error, { IKKE_FUNNET: NOT_FOUND, IKKE_TILGANG: NOT_FOUND, SAMTYKKE_TRUKKET: NOT_FOUND });
  }
  const grant = OPEN_STATUSES.has(request.status) ? grantOfRequest(request, 'FAGOPPLAERING', context.now()) : null;
  recordDecision(context, 'training', {
    subject: request.personIdent,
    coordinate,
    recordId: request.id,
    purpose: 'SKILLS_MAPPING',
    ...(grant ? { decision: 'Permit', grantId: grant.id } : { decision: 'Deny', reason: `CONSENT_REQUIRED:${whyNotWorkable(request)}` }),
  });
  if (!grant) return NOT_FOUND;
  // The answer to the advisor's own change is judged by the state that allowed it (a closed request is no longer
  // open, yet the advisor who closed it may see the result).
  context.loaders.openRequestOf.clear(request.personIdent).prime(request.personIdent, request);
  return request;
}

function whyNotWorkable(request: SkillsMappingRequestModel): string {
  if (request.status === 'TRUKKET') return 'WITHDRAWN';
  return OPEN_STATUSES.has(request.status) ? 'GRANT_NOT_ACTIVE' : 'NOT_OPEN';
}

/** changeSkillsMappingStatus: MOTTATT → UNDER_BEHANDLING (assigned to the caller), → AVSLUTTET. */
export async function changeSkillsMappingStatus(input: unknown, context: TrainingContext): Promise<Payload> {
  if (context.caller.role !== 'training-advisor') throw forbidden('Only fagopplæring advisors change a request.');
  const parsed = changeSkillsMappingStatusInput.safeParse(input);
  if (!parsed.success) return { request: null, userErrors: invalidInput(parsed.error) };
  const { requestId, status, version } = parsed.data;
  const request = await workableRequest(requestId, context, 'Mutation.changeSkillsMappingStatus');
  if ('code' in request) return { request: null, userErrors: [request] };
  try {
    const changed = await context.fagopplaering.changeStatus(request.id, { status, versjon: version });
    return { request: toSkillsMappingRequest(changed), userErrors: [] };
  } catch (error) {
    return { request: null, userErrors: [refusalOf(error, REFUSALS)] };
  }
}
