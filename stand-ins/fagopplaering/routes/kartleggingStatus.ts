import { Router } from 'express';
import { toOsloIso } from '../../../lib/time.ts';
import { callerOf } from '../../common/app.ts';
import { actorOf, advisorOf, canWithdraw } from '../access.ts';
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

/** POST /kartlegginger/{id}/status and POST /kartlegginger/{id}/trekk-samtykke. */
export function kartleggingStatusRoutes(state: FagopplaeringState, now: () => Date): Router {
  const router = Router();

  router.post('/kartlegginger/:kartleggingId/status', (req, res) => {
    const request = requestById(state, req.params.kartleggingId);
    if (!request) return problem(res, 404, 'IKKE_FUNNET', 'Ukjent forespørsel.');
    const advisor = advisorOf(state, callerOf(res));
    if (!advisor) return problem(res, 403, 'IKKE_TILGANG', 'Bare fagopplæringens rådgivere endrer status.');
    const body = statusBody.safeParse(req.body);
    if (!body.success) return invalid(res, body.error);
    const assigned = body.data.tildeltRadgiverId ? state.radgivere.get(body.data.tildeltRadgiverId) : undefined;
    if (body.data.tildeltRadgiverId && !assigned) {
      return problem(res, 400, 'UGYLDIG_FORESPORSEL', 'Ukjent rådgiver.', [{ felt: 'tildeltRadgiverId', melding: 'ukjent rådgiver' }]);
    }
    if (body.data.versjon !== request.versjon) {
      return problem(res, 409, 'VERSJONSKONFLIKT', `Forespørselen er endret (versjon ${request.versjon}).`);
    }
    if (!ALLOWED[request.status]?.includes(body.data.status)) {
      return problem(res, 409, 'UGYLDIG_STATUSOVERGANG', `${request.status} kan ikke endres til ${body.data.status}.`);
    }
    const at = toOsloIso(now());
    request.status = body.data.status;
    request.statushistorikk.push({ status: body.data.status, tidspunkt: at, utfortAv: actorOf(callerOf(res)) });
    // Taking a request on assigns it to the advisor who does, unless another is named.
    request.tildeltRadgiver = assigned ?? request.tildeltRadgiver ?? advisor;
    request.sistEndret = at;
    request.versjon += 1;
    res.json(request);
  });

  router.post('/kartlegginger/:kartleggingId/trekk-samtykke', (req, res) => {
    const request = requestById(state, req.params.kartleggingId);
    if (!request) return problem(res, 404, 'IKKE_FUNNET', 'Ukjent forespørsel.');
    const decision = canWithdraw(callerOf(res), request);
    if (!decision.ok) return problem(res, decision.status, decision.kode, decision.detail);
    const body = trekkSamtykkeBody.safeParse(req.body);
    if (!body.success) return invalid(res, body.error);
    if (request.status === 'TRUKKET') return problem(res, 409, 'ALLEREDE_TRUKKET', 'Samtykket er allerede trukket.');
    const at = now();
    const withdrawn = body.data.trukketTidspunkt ? new Date(body.data.trukketTidspunkt) : at;
    if (withdrawn.getTime() > at.getTime() || withdrawn.getTime() < new Date(request.samtykke.gittTidspunkt).getTime()) {
      return problem(res, 400, 'UGYLDIG_FORESPORSEL', 'Ugyldig tidspunkt.', [
        { felt: 'trukketTidspunkt', melding: 'må være mellom samtykket ble gitt og nå' },
      ]);
    }
    const tidspunkt = toOsloIso(withdrawn);
    request.samtykke.trukketTidspunkt = tidspunkt;
    request.status = 'TRUKKET';
    request.statushistorikk.push({ status: 'TRUKKET', tidspunkt, utfortAv: body.data.registrertAv });
    request.sistEndret = toOsloIso(at);
    request.versjon += 1;
    res.json(request);
  });

  return router;
}
