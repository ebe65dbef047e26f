import { recordDecision } from '../../../lib/audit/record.ts';
import { forbidden } from '../../../lib/errors.ts';
import { toOsloIso } from '../../../lib/time.ts';
import type { TrainingContext } from '../context.ts';
import { toSkillsMappingRequest } from '../mapping.ts';
import type { SkillsMappingRequestModel, SkillsMappingScope } from '../model.ts';
import type { Kartleggingsforesporsel, Omfang } from '../clients/fagopplaering.schemas.ts';
import { isAttachableNote, NOTE_NOT_ATTACHABLE } from './careerNote.ts';
import { noticeOf, tellPerson } from './consentNotice.ts';
import { PERSON_MUST_CONSENT, refusalOfStatedConsent, withdrawalStands } from './consentRules.ts';
import { requestSkillsMappingInput } from './inputs.ts';
import { invalidInput, refusalOf, userError, type TrainingUserError } from './userErrors.ts';

const OMFANG: Record<SkillsMappingScope, Omfang> = {
  SUBJECTS_AND_GRADES: 'FAG_OG_KARAKTERER',
  PRACTICE: 'PRAKSIS',
  APPRENTICESHIPS: 'LAEREKONTRAKTER',
  TRAINING_PLAN_TO_NAV: 'OPPLAERINGSPLAN_TIL_NAV',
};

const NOT_NOTIFIED = userError(
  'PERSON_NOT_NOTIFIED',
  'The person could not be told of the request in their NAV dialogue, so it was withdrawn; nothing was shared. Try again with a new idempotency key.',
);

const REFUSALS = {
  AAPEN_FORESPORSEL_FINNES: userError('OPEN_REQUEST_EXISTS', 'The person already has an open skills-mapping request.'),
  IDEMPOTENCY_KEY_REUSED: userError('IDEMPOTENCY_KEY_REUSED', 'The idempotency key was used for another request.', 'idempotencyKey'),
  IDEMPOTENCY_IN_PROGRESS: userError('REQUEST_IN_PROGRESS', 'The first request with this key is still being processed; try again shortly.'),
  UGYLDIG_FORESPORSEL: userError('INVALID_INPUT', 'Fagopplæringen refused the request as invalid.'),
  // The county system checks the consent rules too (it is the source of truth); the graph checks them first.
  DIGITALT_SAMTYKKE_KUN_FRA_PERSON: userError('CONSENT_BY_PERSON_ONLY', 'A digital consent is given by the person in their own login.', 'consent.givenAt'),
  SAMTYKKE_TILBAKEDATERT: userError('CONSENT_BACKDATED', 'The consent was given too long ago to be recorded now.', 'consent.givenAt'),
  SAMTYKKE_KUN_FRA_PERSON: PERSON_MUST_CONSENT,
};

type Payload = { request: SkillsMappingRequestModel | null; awaitingConsent: boolean; userErrors: TrainingUserError[] };
const refused = (...userErrors: TrainingUserError[]): Payload => ({ request: null, awaitingConsent: false, userErrors });

/**
 * requestSkillsMapping: a NAV advisor with access to the person (poao-tilgang) sends the request, either with the
 * oral or written consent NAV records on the person's behalf, or asking for the person's digital consent. Every
 * rule is checked before anything is written (consentRules.ts, careerNote.ts); the client's idempotency key goes to
 * fagopplæringen as Idempotency-Key, so a retry creates one request. Then the person is told in their NAV dialogue
 * (consentNotice.ts); if that fails, NAV closes the request again, so no consent stands that the person was not told
 * of. One audit record per call: the decision to act for the person (Permit) or the refusal (Deny).
 */
export async function requestSkillsMapping(input: unknown, context: TrainingContext): Promise<Payload> {
  const caller = context.caller;
  if (caller.role !== 'nav-advisor' || !context.poaoTilgang) throw forbidden('Only NAV advisors send skills-mapping requests.');
  const parsed = requestSkillsMappingInput(context.now()).safeParse(input);
  if (!parsed.success) return refused(...invalidInput(parsed.error));
  const data = parsed.data;
  // The request's id names the record once there is one.
  const decide = (decision: 'Permit' | 'Deny', reason?: string, recordId?: string) =>
    recordDecision(context, 'training', {
      subject: data.ident,
      coordinate: 'Mutation.requestSkillsMapping',
      decision,
      purpose: 'SKILLS_MAPPING',
      ...(reason ? { reason } : {}),
      ...(recordId ? { recordId } : {}),
    });

  const access = await context.poaoTilgang.load(data.ident);
  if (!access.permit) {
    decide('Deny', `FORBIDDEN:${access.reason}`);
    throw forbidden();
  }
  const trades = await context.loaders.trades.loadMany(data.trades);
  const failed = trades.find((t) => t instanceof Error);
  if (failed) throw failed;
  const unknown = data.trades.flatMap((_, i) => (trades[i] === null ? [userError('UNKNOWN_TRADE', 'The trade is not in the catalogue.', `trades.${i}`)] : []));
  if (unknown.length) return refused(...unknown);

  const refusal = await consentOrNoteRefusal(context, data);
  if (refusal) {
    decide('Deny', refusal.code);
    return refused(refusal);
  }

  let created: Kartleggingsforesporsel;
  try {
    const answer = await context.fagopplaering.createRequest(
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
        samtykke: {
          ...(data.consent.givenAt ? { gittTidspunkt: toOsloIso(data.consent.givenAt) } : {}),
          metode: data.consent.method,
          omfang: data.consent.scope.map((s) => OMFANG[s]),
        },
      },
      data.idempotencyKey,
    );
    // A replay answers the first call's body as it was then: what matters is where the request stands now.
    created = answer.replayed ? await context.fagopplaering.getRequest(answer.request.id) : answer.request;
  } catch (error) {
    const upstreamRefusal = refusalOf(error, REFUSALS);
    decide('Deny', upstreamRefusal.code);
    return refused(upstreamRefusal);
  }
  // Fagopplæringen holds the request (and NAV's description of the person): NAV acted for the person.
  decide('Permit', undefined, created.id);
  if (closedByNav(created)) return refused(NOT_NOTIFIED);
  if (created.status === 'VENTER_PA_SAMTYKKE' || created.status === 'MOTTATT') {
    const told = await tellPerson(context.veilarbdialog!, data.ident, noticeOf(created)).then(
      () => true,
      (error: unknown) => {
        context.log.warn({ system: 'veilarbdialog', requestId: created.id, error: error instanceof Error ? error.name : 'unknown' }, 'person not told of the request');
        return false;
      },
    );
    if (!told) {
      await closeUntold(context, created);
      return refused(NOT_NOTIFIED);
    }
  }
  // NAV sees a request under the person's consent; an ask is the person's alone until they answer it.
  return { request: created.samtykke ? toSkillsMappingRequest(created) : null, awaitingConsent: created.status === 'VENTER_PA_SAMTYKKE', userErrors: [] };
}

type RequestInput = ReturnType<ReturnType<typeof requestSkillsMappingInput>['parse']>;

/**
 * The consent rules (consentRules.ts) and the attached note (careerNote.ts): what NAV may not do for the person,
 * decided before anything is written. Reads the person's requests only for an oral or written consent.
 */
async function consentOrNoteRefusal(context: TrainingContext, data: RequestInput): Promise<TrainingUserError | null> {
  const stated = refusalOfStatedConsent(data.consent, context.now());
  if (stated) return stated;
  if (data.consent.method !== 'DIGITAL' && withdrawalStands(await context.loaders.requestsOfPerson.load(data.ident))) return PERSON_MUST_CONSENT;
  if (data.careerNoteId && !(await isAttachableNote(context, data.ident, data.careerNoteId))) return NOTE_NOT_ATTACHABLE;
  return null;
}

/** Whether NAV closed the request itself before it was taken on: what closeUntold leaves. */
const closedByNav = (request: Kartleggingsforesporsel) => request.status === 'AVSLUTTET' && request.statushistorikk.at(-1)?.utfortAv.type === 'NAV';

/**
 * The person could not be told: NAV closes the request it just sent (the contract lets the referring advisor close
 * it before fagopplæringen takes it on), so no consent stands in their name that they were not told of. If even
 * that fails, the request stands untold: the error goes to the client, whose retry with the same key tells again.
 */
async function closeUntold(context: TrainingContext, request: Kartleggingsforesporsel): Promise<void> {
  try {
    await context.fagopplaering.changeStatus(request.id, { status: 'AVSLUTTET', versjon: request.versjon });
  } catch (error) {
    context.log.error({ system: 'fagopplaering', requestId: request.id }, 'request not told to the person could not be closed');
    throw error;
  }
}
