import { Router } from 'express';
import { sendNotFound, sendProblem } from '../problem.ts';
import { slotQuerySchema } from '../schemas.ts';
import type { Slot } from '../types.ts';
import { parseOr400, type RouteContext } from './context.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_WINDOW_DAYS = 28;
const MAX_WINDOW_DAYS = 90;

/**
 * Centres, their counsellors and free slots. Not personal data: every authenticated caller may read them.
 */
export function centreRoutes({ state, now }: RouteContext): Router {
  const router = Router();

  router.get('/centres', (_req, res) => {
    res.json([...state.centres.values()]);
  });

  router.get('/centres/:centreId', (req, res) => {
    const centre = state.centres.get(req.params.centreId);
    if (!centre) return sendNotFound(res, 'Centre');
    res.json(centre);
  });

  router.get('/centres/:centreId/counsellors', (req, res) => {
    const centreId = req.params.centreId;
    if (!state.centres.has(centreId)) return sendNotFound(res, 'Centre');
    res.json([...state.counsellors.values()].filter((c) => c.centreId === centreId));
  });

  router.get('/slots', (req, res) => {
    const query = parseOr400(res, slotQuerySchema, req.query);
    if (!query) return;
    const nowMs = now().getTime();
    const from = query.from ? Date.parse(query.from) : nowMs;
    const to = query.to ? Date.parse(query.to) : from + DEFAULT_WINDOW_DAYS * DAY_MS;
    if (to < from) return sendProblem(res, 400, 'VALIDATION_FAILED', '`to` is before `from`.', [{ field: 'to', message: 'must not be before from' }]);
    if (to - from > MAX_WINDOW_DAYS * DAY_MS) {
      return sendProblem(res, 400, 'VALIDATION_FAILED', `The period is at most ${MAX_WINDOW_DAYS} days.`, [{ field: 'to', message: `at most ${MAX_WINDOW_DAYS} days after from` }]);
    }
    const taken = takenSlotIds(state.bookings.values());
    const slots: Slot[] = [];
    for (const slot of state.slots.values()) {
      const start = Date.parse(slot.start);
      if (taken.has(slot.id) || start <= nowMs || start < from || start > to) continue;
      if (query.centreId && slot.centreId !== query.centreId) continue;
      if (query.mode && !slot.modes.includes(query.mode)) continue;
      slots.push(slot);
    }
    slots.sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || (a.id < b.id ? -1 : 1));
    res.json(slots);
  });

  return router;
}

/** Slots held by a booking that is not cancelled. */
export function takenSlotIds(bookings: Iterable<{ slotId: string; status: string }>): Set<string> {
  const taken = new Set<string>();
  for (const b of bookings) if (b.status !== 'AVLYST') taken.add(b.slotId);
  return taken;
}
