import { Router } from 'express';
import { osloDate, toOsloIso } from '../../../lib/time.ts';
import { callerOf } from '../../common/app.ts';
import { canReadStatistics } from '../access.ts';
import { invalid, problem } from '../problem.ts';
import { statistikkQuery } from '../schemas.ts';
import type { FagopplaeringState } from '../state.ts';

/**
 * GET /statistikk/kartlegginger: counts by Oslo month of creation, current status, trade and route. A request
 * counts once, under its plan's trade when it has a plan, else under its first wanted trade; requests without a
 * consent (awaiting it, or declined) are not counted: fagopplæringen never received them.
 */
export function statistikkRoutes(state: FagopplaeringState, now: () => Date): Router {
  const router = Router();
  router.get('/statistikk/kartlegginger', (req, res) => {
    if (!canReadStatistics(callerOf(res))) return problem(res, 403, 'IKKE_TILGANG', 'Ingen tilgang til statistikk.');
    const query = statistikkQuery.safeParse(req.query);
    if (!query.success) return invalid(res, query.error);
    const { fraMaaned, tilMaaned } = query.data;
    const counts = new Map<string, { maaned: string; status: string; laerefagkode: string; rute: string | null; antall: number }>();
    for (const k of state.kartlegginger.values()) {
      // Fagopplæringen receives a request with the person's consent: one still awaiting it, or declined, is none.
      if (k.samtykke === null) continue;
      const maaned = osloDate(new Date(k.opprettet)).slice(0, 7);
      if (maaned < fraMaaned || maaned > tilMaaned) continue;
      const plan = k.opplaeringsplanId ? state.opplaeringsplaner.get(k.opplaeringsplanId) : undefined;
      const laerefagkode = plan?.laerefagkode ?? k.onsketLaerefag[0];
      if (!laerefagkode) continue;
      const rute = plan?.rute ?? null;
      const key = [maaned, k.status, laerefagkode, rute ?? ''].join('|');
      const row = counts.get(key) ?? { maaned, status: k.status, laerefagkode, rute, antall: 0 };
      row.antall += 1;
      counts.set(key, row);
    }
    const rader = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, row]) => row);
    res.json({ fraMaaned, tilMaaned, generert: toOsloIso(now()), rader });
  });
  return router;
}
