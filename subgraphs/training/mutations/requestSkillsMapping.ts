import { actorId } from '../../../lib/auth/caller.ts';
import { forbidden } from '../../../lib/errors.ts';
import { toOsloIso } from '../../../lib/time.ts';
import type { TrainingContext } from '../context.ts';
import { toSkillsMappingRequest } from '../mapping.ts';
import type { SkillsMappingRequestModel, SkillsMappingScope } from '../model.ts';
import type { Omfang } from '../clients/fagopplaering.schemas.ts';
import { requestSkillsMappingInput } from './inputs.ts';
import { invalidInput, refusalOf, userError, type TrainingUserError } from './userErrors.ts';

const OMFANG: Record<SkillsMappingScope, Omfang> = {
  SUBJECTS_AND_GRADES: 'FAG_OG_KARAKTERER',
  PRACTICE: 'PRAKSIS',
  APPRENTICESHIPS: 'LAEREKONTRAKTER',
  TRAINING_PLAN_TO_NAV: 'OPPLAERINGSPLAN_TIL_NAV',
};

const REFUSALS = {
  AAPEN_FORESPORSEL_FINNES: userError('OPEN_REQUEST_EXISTS', 'The person already has an open skills-mapping request.'),
  IDEMPOTENCY_KEY_REUSED: userError('IDEMPOTENCY_KEY_REUSED', 'The idempotency key was used for another request.', 'idempotencyKey'),
  IDEMPOTENCY_IN_PROGRESS: userError('REQUEST_IN_PROGRESS', 'The first request with this key is still being processed; try again shortly.'),
  UGYLDIG_FORESPORSEL: userError('INVALID_INPUT', 'Fagopplæringen refused the request as invalid.'),
};

type Payload = { request: SkillsMappingRequestModel | null; userErrors: TrainingUserError[] };

/**
 * requestSkillsMapping: a NAV advisor with access to the person (poao-tilgang) sends the request with the consent
 * evidence. The client's idempotency key goes to fagopplæringen as Idempotency-Key, so a retry creates one request.
 */
export async function requestSkillsMapping(input: unknown, context: TrainingContext): Promise<Payload> {
  const caller = context.caller;
  if (caller.role !== 'nav-advisor' || !context.poaoTilgang) throw forbidden('Only NAV advisors send skills-mapping requests.');
  const parsed = requestSkillsMappingInput(context.now()).safeParse(input);
  if (!parsed.success) return { request: null, userErrors: invalidInput(parsed.error) };
  const data = parsed.data;

  const access = await context.poaoTilgang.load(data.ident);
  if (!access.permit) {
    context.audit.record({
      actor: actorId(caller),
      subject: data.ident,
      coordinate: 'Mutation.requestSkillsMapping',
      callId: context.callId,
      source: 'training',
      at: context.now().getTime(),
      decision: 'Deny',
      reason: `FORBIDDEN:${access.reason}`,
    });
    throw forbidden();
  }
  const trades = await context.loaders.trades.loadMany(data.trades);
  const failed = trades.find((t) => t instanceof Error);
  if (failed) throw failed;
  const unknown = data.trades.flatMap((_, i) => (trades[i] === null ? [userError('UNKNOWN_TRADE', 'The trade is not in the catalogue.', `trades.${i}`)] : []));
  if (unknown.length) return { request: null, userErrors: unknown };

  try {
    const created = await context.fagopplaering.createRequest(
      {
        fnr: data.ident,
        henvisendeVeileder: {
          navIdent: caller.navIdent,
          navn: data.referringAdvisor.name,
          enhetId: data.referringAdvisor.officeId,
          enhetNavn: data.referringAdvisor.officeName,
        },
        onsketLaerefag: data.trades,
        beskrivelse: data.description,
        ...(data.careerNoteId ? { karrierenotatId: data.careerNoteId } : {}),
        samtykke: { gittTidspunkt: toOsloIso(data.consent.givenAt), metode: data.consent.method, omfang: data.consent.scope.map((s) => OMFANG[s]) },
      },
      data.idempotencyKey,
    );
    return { request: toSkillsMappingRequest(created), userErrors: [] };
  } catch (error) {
    return { request: null, userErrors: [refusalOf(error, REFUSALS)] };
  }
}
