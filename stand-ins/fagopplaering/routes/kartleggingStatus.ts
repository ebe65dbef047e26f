import { Router } from 'express';
import { toOsloIso } from '../../../lib/time.ts';
import { callerOf } from '../../common/app.ts';
import { actorOf, advisorOf, canWithdraw, isReferringAdvisor } from '../access.ts';
import { requestById } from '../lookup.ts';
import { invalid, problem } from '../problem.ts';
import { statusBody, trekkSamtykkeBody } from '../schemas.ts';
import type { FagopplaeringState } from '../state.ts';
import type { KartleggingStatus } from '../types.ts';

/** The moves fagopplæring may make; PLAN_SENDT comes only from sending the plan, TRUKKET only from withdrawal. */
const ALLOWED: Partial<Record<KartleggingStatus, KartleggingStatus[]>> = {
  MOTTATT: ['UNDER_BEHANDLING'],
  UNDER_BEHANDLING: ['AVSLUTTET'],
  PLAN_SENDT: ['AVSLUTTET'],
};
/** NAV closes its own request only before fagopplæringen took it on (an extension of the contract). */
const ALLOWED_NAV: Partial<Record<KartleggingStatus, KartleggingStatus[]>> = {
  VENTER_PA_SAMTYKKE: ['AVSLUTTET'],
  MOTTATT: ['AVSLUTTET'],
};

/**
 * POST /kartlegginger/{id}/status (fagopplæringen moves a request; NAV closes its own before it is taken on) and
 * POST /kartlegginger/{id}/trekk-samtykke (a withdrawal, or the person declining NAV's ask for consent).
 */
export function kartleggingStatusRoutes(state: FagopplaeringState, now: () => Date): Router {
  const router = Router();

  router.post('/kartlegginger/:kartleggingId/status', (req, res) => {
    const caller = callerOf(res);
    const request = requestById(state, req.params.kartleggingId, caller);
    if (!request) return problem(res, 404, 'IKKE_FUNNET', 'Ukjent forespørsel.');
    const advisor = advisorOf(state, caller);
    const nav = isReferringAdvisor(caller, request);
    if (!advisor && !nav) return problem(res, 403, 'IKKE_TILGANG', 'Bare fagopplæringens rådgivere, og henvisende veileder før forespørselen er tatt, endrer status.');
    const body = statusBody.safeParse(req.body);
    if (!body.success) return invalid(res, body.error);
    if (nav && body.data.tildeltRadgiverId) {
      return problem(res, 400, 'UGYLDIG_FORESPORSEL', 'NAV tildeler ikke rådgiver.', [{ felt: 'tildeltRadgiverId', melding: 'bare for fagopplæringen' }]);
    }
    const assigned = body.data.tildeltRadgiverId ? state.radgivere.get(body.data.tildeltRadgiverId) : undefined;
    if (body.data.tildeltRadgiverId && !assigned) {
      return problem(res, 400, 'UGYLDIG_FORESPORSEL', 'Ukjent rådgiver.', [{ felt: 'tildeltRadgiverId', melding: 'ukjent rådgiver' }]);
    }
    if (body.data.versjon !== request.versjon) {
      return problem(res, 409, 'VERSJONSKONFLIKT', `Forespørselen er endret (versjon ${request.versjon}).`);
    }
    if (!(advisor ? ALLOWED : ALLOWED_NAV)[request.status]?.includes(body.data.status)) {
      return problem(res, 409, 'UGYLDIG_STATUSOVERGANG', `${request.status} kan ikke endres til ${body.data.status}.`);
    }
    const at = toOsloIso(now());
    request.status = body.data.status;
    request.statushistorikk.push({ status: body.data.status, tidspunkt: at, utfortAv: actorOf(caller) });
    // Taking a request on assigns it to the advisor who does, unless another is named.
    if (advisor) request.tildeltRadgiver = assigned ?? request.tildeltRadgiver ?? advisor;
    request.sistEndret = at;
    request.versjon += 1;
    res.json(request);
  });

  router.post('/kartlegginger/:kartleggingId/trekk-samtykke', (req, res) => {
    const caller = callerOf(res);
    const request = requestById(state, req.params.kartleggingId, caller);
    if (!request) return problem(res, 404, 'IKKE_FUNNET', 'Ukjent forespørsel.');
    const decision = canWithdraw(caller, request);
    if (!decision.ok) return problem(res, decision.status, decision.kode, decision.detail);
    const body = trekkSamtykkeBody.safeParse(req.body);
    if (!body.success) return invalid(res, body.error);
    if (request.status === 'TRUKKET') return problem(res, 409, 'ALLEREDE_TRUKKET', 'Samtykket er allerede trukket.');
    // The register names who registered the withdrawal: the caller, never someone the body claims.
    const actor = actorOf(caller);
    if (body.data.registrertAv.type !== actor.type || body.data.registrertAv.id !== actor.id) {
      return problem(res, 403, 'IKKE_TILGANG', 'registrertAv må være den innloggede.');
    }
    const at = now();
    const withdrawn = body.data.trukketTidspunkt ? new Date(body.data.trukketTidspunkt) : at;
    // A request still awaiting consent is declined: no earlier than it was made.
    const from = new Date(request.samtykke?.gittTidspunkt ?? request.opprettet);
    if (withdrawn.getTime() > at.getTime() || withdrawn.getTime() < from.getTime()) {
      return problem(res, 400, 'UGYLDIG_FORESPORSEL', 'Ugyldig tidspunkt.', [
        { felt: 'trukketTidspunkt', melding: 'må være mellom samtykket ble gitt og nå' },
      ]);
    }
    const tidspunkt = toOsloIso(withdrawn);
    if (request.samtykke) request.samtykke.trukketTidspunkt = tidspunkt;
    request.status = 'TRUKKET';
    request.statushistorikk.push({ status: 'TRUKKET', tidspunkt, utfortAv: actor });
    request.sistEndret = toOsloIso(at);
    request.versjon += 1;
    res.json(request);
  });

  return router;
}
