import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { toOsloIso } from '../../../lib/time.ts';
import { callerOf } from '../../common/app.ts';
import { actorOf, advisorOf } from '../access.ts';
import { sendLetter, type DigipostClientOptions } from '../digipostClient.ts';
import { letterSubject, planLetterPdf } from '../letter.ts';
import { planById } from '../lookup.ts';
import { invalid, problem } from '../problem.ts';
import { sendPlanBody } from '../schemas.ts';
import type { FagopplaeringState } from '../state.ts';

/**
 * POST /opplaeringsplaner/{id}/send: the plan goes to the person's Digipost (or on paper). The messageId is chosen
 * and stored before Digipost is called, so a retry after a lost answer re-sends the same id and Digipost sends
 * no second letter.
 */
export function sendPlanRoutes(state: FagopplaeringState, now: () => Date, digipost: DigipostClientOptions): Router {
  const router = Router();
  router.post('/opplaeringsplaner/:planId/send', async (req, res) => {
    const found = planById(state, req.params.planId);
    if (!found) return problem(res, 404, 'IKKE_FUNNET', 'Ukjent plan.');
    const { plan, request } = found;
    const caller = callerOf(res);
    if (!advisorOf(state, caller)) return problem(res, 403, 'IKKE_TILGANG', 'Bare fagopplæringens rådgivere sender planer.');
    if (request.status === 'TRUKKET') return problem(res, 403, 'SAMTYKKE_TRUKKET', 'Personen har trukket samtykket.');
    const body = sendPlanBody.safeParse(req.body);
    if (!body.success) return invalid(res, body.error);
    // A retry of a send that got through carries the old versjon; it gets the sent plan, not a conflict.
    if (plan.status === 'SENDT') return void res.json(plan);
    if (body.data.versjon !== plan.versjon) return problem(res, 409, 'VERSJONSKONFLIKT', `Planen er endret (versjon ${plan.versjon}).`);
    if (request.status !== 'MOTTATT' && request.status !== 'UNDER_BEHANDLING') {
      return problem(res, 409, 'UGYLDIG_STATUSOVERGANG', `Forespørselen er ${request.status}.`);
    }

    let messageId = state.digipostMessageIds.get(plan.id);
    if (!messageId) {
      messageId = randomUUID();
      state.digipostMessageIds.set(plan.id, messageId);
    }
    const outcome = await sendLetter(
      digipost,
      { messageId, fnr: plan.fnr, subject: letterSubject(plan), pdfBase64: planLetterPdf(plan) },
      res.get('X-Correlation-ID'),
    );
    if (!outcome.ok) return problem(res, 502, 'DIGIPOST_FEILET', outcome.reason);
    // A concurrent send of the same plan may have finished while this one waited for Digipost (a re-read: TS
    // would otherwise keep the narrowing from before the await).
    if (state.opplaeringsplaner.get(plan.id)?.status === 'SENDT') return void res.json(plan);

    const at = toOsloIso(now());
    Object.assign(plan, {
      status: 'SENDT',
      sendt: { tidspunkt: at, digipostMessageId: messageId, kanal: outcome.kanal },
      sistEndret: at,
      versjon: plan.versjon + 1,
    });
    // Consent withdrawn while the letter was on its way: the letter is out, but the request stays TRUKKET.
    if (request.status === 'MOTTATT' || request.status === 'UNDER_BEHANDLING') {
      request.status = 'PLAN_SENDT';
      request.statushistorikk.push({ status: 'PLAN_SENDT', tidspunkt: at, utfortAv: actorOf(caller) });
      request.sistEndret = at;
      request.versjon += 1;
    }
    res.json(plan);
  });
  return router;
}
