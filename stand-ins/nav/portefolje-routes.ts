import { Router } from 'express';
import { callerOf } from '../common/app.ts';
import { actorOf, evaluateTilgangTilEnhet } from './access.ts';
import { springError } from './errors.ts';
import { portefolje } from './portefolje.ts';
import { filtervalgSchema, navIdentSchema, portefoljeQuerySchema } from './schemas.ts';
import type { NavState } from './state.ts';

/** veilarbportefolje: an advisor's caseload at one office, paged; NAV employees with access to the office only. */
export function portefoljeRoutes(state: NavState): Router {
  const router = Router();
  router.post('/veilarbportefolje/api/veileder/:veilederident/portefolje', (req, res) => {
    const actor = actorOf(state, callerOf(res));
    if (actor?.kind !== 'NAV') return springError(req, res, state.now, 403, 'Ikke tilgang');
    const ident = navIdentSchema.safeParse(req.params.veilederident);
    const query = portefoljeQuerySchema.safeParse(req.query);
    const filter = filtervalgSchema.safeParse(req.body ?? {});
    if (!ident.success || !query.success || !filter.success) return springError(req, res, state.now, 400, 'Ugyldig forespørsel');
    if (evaluateTilgangTilEnhet(actor.veileder, query.data.enhet).type === 'DENY') {
      return springError(req, res, state.now, 403, 'Ikke tilgang til enhet');
    }
    res.json(portefolje(state, actor.veileder, { ...query.data, veilederident: ident.data }, filter.data));
  });
  return router;
}
