import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { toOsloIso } from '../../../lib/time.ts';
import { callerOf } from '../../common/app.ts';
import { advisorOf, canReadPlan } from '../access.ts';
import { planById, requestById } from '../lookup.ts';
import { invalid, problem } from '../problem.ts';
import { endrePlanBody, planInnholdBody, type PlanInnhold } from '../schemas.ts';
import type { FagopplaeringState } from '../state.ts';
import type { Opplaeringsplan } from '../types.ts';

/** The plan's content fields as stored (optional nullables made explicit, as the fixture holds them). */
function innhold(input: PlanInnhold) {
  return {
    laerefagkode: input.laerefagkode,
    rute: input.rute,
    godkjenteFag: input.godkjenteFag,
    gjenstaendeFag: input.gjenstaendeFag,
    godkjentPraksisManeder: input.godkjentPraksisManeder ?? null,
    estimertVarighetManeder: input.estimertVarighetManeder,
    merknader: input.merknader,
  };
}

/** POST /kartlegginger/{id}/opplaeringsplan (start a draft), GET and PUT /opplaeringsplaner/{id}. */
export function opplaeringsplanRoutes(state: FagopplaeringState, now: () => Date): Router {
  const router = Router();
  const unknownTrade = (res: Parameters<typeof problem>[0]) =>
    problem(res, 400, 'UGYLDIG_FORESPORSEL', 'Ukjent lærefag.', [{ felt: 'laerefagkode', melding: 'ukjent lærefag' }]);

  router.post('/kartlegginger/:kartleggingId/opplaeringsplan', (req, res) => {
    const request = requestById(state, req.params.kartleggingId, callerOf(res));
    if (!request) return problem(res, 404, 'IKKE_FUNNET', 'Ukjent forespørsel.');
    const advisor = advisorOf(state, callerOf(res));
    if (!advisor) return problem(res, 403, 'IKKE_TILGANG', 'Bare fagopplæringens rådgivere skriver planer.');
    const body = planInnholdBody.safeParse(req.body);
    if (!body.success) return invalid(res, body.error);
    const trade = state.laerefag.get(body.data.laerefagkode);
    if (!trade) return unknownTrade(res);
    if (request.status === 'TRUKKET' || request.status === 'AVSLUTTET' || request.status === 'VENTER_PA_SAMTYKKE') {
      return problem(res, 409, 'UGYLDIG_STATUSOVERGANG', `Forespørselen er ${request.status}.`);
    }
    if (request.opplaeringsplanId) return problem(res, 409, 'PLAN_FINNES', 'Forespørselen har allerede en plan.');
    const at = toOsloIso(now());
    const plan: Opplaeringsplan = {
      ...innhold(body.data),
      id: randomUUID(),
      kartleggingId: request.id,
      fnr: request.fnr,
      laerefagTittel: trade.tittel,
      tentativ: true,
      status: 'UTKAST',
      utarbeidetAv: advisor,
      opprettet: at,
      sistEndret: at,
      sendt: null,
      versjon: 1,
    };
    state.opplaeringsplaner.set(plan.id, plan);
    request.opplaeringsplanId = plan.id;
    request.sistEndret = at;
    request.versjon += 1;
    res.status(201).json(plan);
  });

  router.get('/opplaeringsplaner/:planId', (req, res) => {
    const found = planById(state, req.params.planId);
    if (!found) return problem(res, 404, 'IKKE_FUNNET', 'Ukjent plan.');
    const decision = canReadPlan(callerOf(res), found.request);
    if (!decision.ok) return problem(res, decision.status, decision.kode, decision.detail);
    res.json(found.plan);
  });

  router.put('/opplaeringsplaner/:planId', (req, res) => {
    const found = planById(state, req.params.planId);
    if (!found) return problem(res, 404, 'IKKE_FUNNET', 'Ukjent plan.');
    const { plan, request } = found;
    if (!advisorOf(state, callerOf(res))) return problem(res, 403, 'IKKE_TILGANG', 'Bare fagopplæringens rådgivere endrer planer.');
    if (request.status === 'TRUKKET') return problem(res, 403, 'SAMTYKKE_TRUKKET', 'Personen har trukket samtykket.');
    const body = endrePlanBody.safeParse(req.body);
    if (!body.success) return invalid(res, body.error);
    const trade = state.laerefag.get(body.data.laerefagkode);
    if (!trade) return unknownTrade(res);
    if (plan.status === 'SENDT') return problem(res, 409, 'PLAN_ALLEREDE_SENDT', 'En sendt plan kan ikke endres.');
    if (request.status === 'AVSLUTTET') return problem(res, 409, 'UGYLDIG_STATUSOVERGANG', 'Forespørselen er avsluttet.');
    if (body.data.versjon !== plan.versjon) return problem(res, 409, 'VERSJONSKONFLIKT', `Planen er endret (versjon ${plan.versjon}).`);
    Object.assign(plan, innhold(body.data), { laerefagTittel: trade.tittel, sistEndret: toOsloIso(now()), versjon: plan.versjon + 1 });
    res.json(plan);
  });

  return router;
}
