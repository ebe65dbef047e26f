import { recordDecision } from '../../../lib/audit/record.ts';
import { forbidden } from '../../../lib/errors.ts';
import type { TrainingContext } from '../context.ts';
import type { Omfang } from '../clients/fagopplaering.schemas.ts';
import { toSkillsMappingRequest } from '../mapping.ts';
import type { SkillsMappingRequestModel, SkillsMappingScope } from '../model.ts';
import { giveSkillsMappingConsentInput } from './inputs.ts';
import { invalidInput, refusalOf, userError, type TrainingUserError } from './userErrors.ts';

const OMFANG: Record<SkillsMappingScope, Omfang> = {
  SUBJECTS_AND_GRADES: 'FAG_OG_KARAKTERER',
  PRACTICE: 'PRAKSIS',
  APPRENTICESHIPS: 'LAEREKONTRAKTER',
  TRAINING_PLAN_TO_NAV: 'OPPLAERINGSPLAN_TIL_NAV',
};

const NOT_FOUND = userError('REQUEST_NOT_FOUND', 'There is no such request of yours.', 'requestId');
const NOT_AWAITING = userError('INVALID_STATUS_CHANGE', 'The request does not await your consent.', 'requestId');
const NOT_REQUESTED = userError('SCOPE_NOT_REQUESTED', 'The consent can cover at most what NAV asked for (requestedScope).', 'scope');

type Payload = { request: SkillsMappingRequestModel | null; userErrors: TrainingUserError[] };
const refused = (...userErrors: TrainingUserError[]): Payload => ({ request: null, userErrors });

/**
 * giveSkillsMappingConsent: the person gives, in their own login, the digital consent NAV asked for — the only way a
 * DIGITAL consent comes to be. It is given now (fagopplæringen's clock), recorded as the person's, covers at most what
 * NAV asked for, and from then on the request is MOTTATT and its records disclosed to the grantees. The person's
 * token reaches fagopplæringen, which checks the same (giSamtykke); the same consent given again is a harmless retry.
 */
export async function giveSkillsMappingConsent(input: unknown, context: TrainingContext): Promise<Payload> {
  const caller = context.caller;
  if (caller.role !== 'citizen') throw forbidden('Only the person gives their digital consent.');
  const parsed = giveSkillsMappingConsentInput.safeParse(input);
  if (!parsed.success) return refused(...invalidInput(parsed.error));
  const { requestId, scope } = parsed.data;
  try {
    const request = await context.fagopplaering.getRequest(requestId);
    // The owner only — checked here as well as by the county system. Someone else's request is "not found".
    if (request.fnr !== caller.ident) {
      recordDecision(context, 'training', { subject: request.fnr, coordinate: 'Mutation.giveSkillsMappingConsent', recordId: request.id, decision: 'Deny', reason: 'FORBIDDEN:NOT_DATA_SUBJECT' });
      return refused(NOT_FOUND);
    }
    const omfang = scope.map((s) => OMFANG[s]);
    if (omfang.some((o) => !request.etterspurtOmfang.includes(o))) return refused(NOT_REQUESTED);
    const given = await context.fagopplaering.giveConsent(request.id, omfang);
    return { request: toSkillsMappingRequest(given), userErrors: [] };
  } catch (error) {
    return refused(refusalOf(error, { IKKE_FUNNET: NOT_FOUND, IKKE_TILGANG: NOT_FOUND, UGYLDIG_STATUSOVERGANG: NOT_AWAITING, UGYLDIG_FORESPORSEL: NOT_REQUESTED }));
  }
}
