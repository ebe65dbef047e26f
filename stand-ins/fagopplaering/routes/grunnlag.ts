import { Router } from 'express';
import { callerOf } from '../../common/app.ts';
import { canReadGrunnlag, kindsOf } from '../access.ts';
import { requestById } from '../lookup.ts';
import { problem } from '../problem.ts';
import type { FagopplaeringState } from '../state.ts';

/** GET /kartlegginger/{id}/grunnlag: the person's records, limited to the kinds the consent covers. */
export function grunnlagRoutes(state: FagopplaeringState): Router {
  const router = Router();
  router.get('/kartlegginger/:kartleggingId/grunnlag', (req, res) => {
    const request = requestById(state, req.params.kartleggingId, callerOf(res));
    if (!request) return problem(res, 404, 'IKKE_FUNNET', 'Ukjent forespørsel.');
    const decision = canReadGrunnlag(callerOf(res), request);
    if (!decision.ok) return problem(res, decision.status, decision.kode, decision.detail);
    const kinds = kindsOf(request);
    const records = state.personer.get(request.fnr);
    res.json({
      fnr: request.fnr,
      fag: kinds.has('fag') ? (records?.fag ?? []) : [],
      praksis: kinds.has('praksis') ? (records?.praksis ?? []) : [],
      laerekontrakter: kinds.has('laerekontrakter') ? (records?.laerekontrakter ?? []) : [],
    });
  });
  return router;
}
