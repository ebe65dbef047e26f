import { Router } from 'express';
import { personRequest } from './person-request.ts';
import type { NavState } from './state.ts';

/** veilarbvedtaksstotte: the latest § 14 a decision; `204` when there is none (the contract's simplification). */
export function vedtakRoutes(state: NavState): Router {
  const router = Router();
  router.post('/veilarbvedtaksstotte/api/v2/hent-siste-14a-vedtak', (req, res) => {
    const found = personRequest(state, req, res);
    if (!found) return;
    const vedtak = found.person?.siste14aVedtak;
    if (!vedtak) return void res.status(204).end();
    res.json(vedtak);
  });
  return router;
}
