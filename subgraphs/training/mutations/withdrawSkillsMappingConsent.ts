import { recordDecision } from '../../../lib/audit/record.ts';
import { forbidden } from '../../../lib/errors.ts';
import type { TrainingContext } from '../context.ts';
import { toSkillsMappingRequest } from '../mapping.ts';
import type { SkillsMappingRequestModel } from '../model.ts';
import { withdrawSkillsMappingConsentInput } from './inputs.ts';
import { invalidInput, refusalOf, userError, type TrainingUserError } from './userErrors.ts';

const NOT_FOUND = userError('REQUEST_NOT_FOUND', 'There is no such request of yours.', 'requestId');
const ALREADY = userError('CONSENT_WITHDRAWN', 'The consent of this request is already withdrawn.', 'requestId');

type Payload = { request: SkillsMappingRequestModel | null; userErrors: TrainingUserError[] };

/**
 * withdrawSkillsMappingConsent: the person, and only the person, withdraws the consent of their request — or
 * declines NAV's ask for one (a request VENTER_PA_SAMTYKKE). The county system registers it (TRUKKET, trukketTidspunkt
 * now); since grants are read per request, NAV and fagopplæringen see nothing more through the request from the next
 * request on, and NAV can record no consent for the person until they give one themself (consentRules.ts).
 */
export async function withdrawSkillsMappingConsent(input: unknown, context: TrainingContext): Promise<Payload> {
  const caller = context.caller;
  if (caller.role !== 'citizen') throw forbidden('Only the person withdraws their consent.');
  const parsed = withdrawSkillsMappingConsentInput.safeParse(input);
  if (!parsed.success) return { request: null, userErrors: invalidInput(parsed.error) };
  try {
    const request = await context.fagopplaering.getRequest(parsed.data.requestId);
    // The owner only — checked here, not left to the county system. Someone else's request is "not found".
    if (request.fnr !== caller.ident) {
      recordDecision(context, 'training', { subject: request.fnr, coordinate: 'Mutation.withdrawSkillsMappingConsent', recordId: request.id, decision: 'Deny', reason: 'FORBIDDEN:NOT_DATA_SUBJECT' });
      return { request: null, userErrors: [NOT_FOUND] };
    }
    if (request.status === 'TRUKKET') return { request: null, userErrors: [ALREADY] };
    const withdrawn = await context.fagopplaering.withdrawConsent(request.id, { metode: 'DIGITAL', registrertAv: { type: 'BRUKER', id: caller.ident } });
    return { request: toSkillsMappingRequest(withdrawn), userErrors: [] };
  } catch (error) {
    return { request: null, userErrors: [refusalOf(error, { IKKE_FUNNET: NOT_FOUND, IKKE_TILGANG: NOT_FOUND, ALLEREDE_TRUKKET: ALREADY })] };
  }
}
