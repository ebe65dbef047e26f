import { Router } from 'express';
import { problem } from '../problem.ts';
import type { FagopplaeringState } from '../state.ts';

/** GET /laereplan/laerefag[/{programomradekode}]: the trade catalogue (not personal; every caller may read it). */
export function laereplanRoutes(state: FagopplaeringState): Router {
  const router = Router();
  router.get('/laereplan/laerefag', (req, res) => {
    const filter = req.query.utdanningsprogram;
    const all = [...state.laerefag.values()];
    // The contract documents no 400 here: a filter that is no programme code simply matches nothing.
    res.json(typeof filter === 'string' ? all.filter((l) => l.utdanningsprogram.kode === filter) : all);
  });
  router.get('/laereplan/laerefag/:programomradekode', (req, res) => {
    const trade = state.laerefag.get(req.params.programomradekode);
    if (!trade) return problem(res, 404, 'IKKE_FUNNET', 'Ukjent lærefag.');
    res.json(trade);
  });
  return router;
}
