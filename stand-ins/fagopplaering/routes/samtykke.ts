import { Router } from 'express';
import { toOsloIso } from '../../../lib/time.ts';
import { callerOf } from '../../common/app.ts';
import { canConsent } from '../access.ts';
import { requestById } from '../lookup.ts';
import { invalid, problem } from '../problem.ts';
import { giSamtykkeBody } from '../schemas.ts';
import type { FagopplaeringState } from '../state.ts';
import type { Omfang } from '../types.ts';

const sameSet = (a: readonly Omfang[], b: readonly Omfang[]) => a.length === b.length && a.every((o) => b.includes(o));

/**
 * POST /kartlegginger/{id}/samtykke (giSamtykke, an extension of the contract): the person gives the digital
 * consent NAV asked for, with their own token. It is given now (the system's clock, never the caller's), covers at
 * most what was asked, and the request becomes MOTTATT. The same consent given again answers the request unchanged,
 * so a retry after a lost answer is harmless.
 */
export function samtykkeRoutes(state: FagopplaeringState, now: () => Date): Router {
  const router = Router();

  router.post('/kartlegginger/:kartleggingId/samtykke', (req, res) => {
    const request = requestById(state, req.params.kartleggingId, callerOf(res));
    if (!request) return problem(res, 404, 'IKKE_FUNNET', 'Ukjent forespørsel.');
    const caller = callerOf(res);
    const decision = canConsent(caller, request);
    if (!decision.ok) return problem(res, decision.status, decision.kode, decision.detail);
    const body = giSamtykkeBody.safeParse(req.body);
    if (!body.success) return invalid(res, body.error);
    const { omfang } = body.data;
    const samtykke = request.samtykke;

    if (request.status !== 'VENTER_PA_SAMTYKKE') {
      const alreadyGiven = request.status !== 'TRUKKET' && samtykke?.registrertAv.type === 'BRUKER' && samtykke.metode === 'DIGITAL' && sameSet(samtykke.omfang, omfang);
      if (alreadyGiven) return void res.json(request);
      return problem(res, 409, 'UGYLDIG_STATUSOVERGANG', `Forespørselen venter ikke på samtykke (${request.status}).`);
    }
    const notAsked = omfang.flatMap((o, i) => (request.etterspurtOmfang.includes(o) ? [] : [{ felt: `omfang.${i}`, melding: 'NAV har ikke bedt om dette' }]));
    if (notAsked.length) return problem(res, 400, 'UGYLDIG_FORESPORSEL', 'Samtykket kan ikke omfatte mer enn NAV ba om.', notAsked);

    const at = toOsloIso(now());
    const person = { type: 'BRUKER' as const, id: request.fnr };
    request.samtykke = { gittTidspunkt: at, metode: 'DIGITAL', omfang, trukketTidspunkt: null, registrertAv: person };
    request.status = 'MOTTATT';
    request.statushistorikk.push({ status: 'MOTTATT', tidspunkt: at, utfortAv: person });
    request.sistEndret = at;
    request.versjon += 1;
    res.json(request);
  });

  return router;
}
