import { Router } from 'express';
import { callerOf } from '../../common/app.ts';
import { bookingView, byId, canSeeBooking, isCounsellorOf, maySearchPerson, withheldBooking } from '../access.ts';
import { notificationAt } from '../notifications.ts';
import { sendNotFound, sendProblem } from '../problem.ts';
import { bookingSearchSchema, uuid } from '../schemas.ts';
import { parseOr400, setEtag, type RouteContext } from './context.ts';

/** Reading bookings: search by person, one booking, and its notifications. */
export function bookingReadRoutes({ state, now }: RouteContext): Router {
  const router = Router();

  router.post('/bookings/search', (req, res) => {
    const body = parseOr400(res, bookingSearchSchema, req.body);
    if (!body) return;
    const caller = callerOf(res);
    const allowed = body.fnr !== undefined ? maySearchPerson(caller, body.fnr) : isCounsellorOf(caller, body.centreId!);
    if (!allowed) return sendProblem(res, 403, 'FORBIDDEN', 'This caller may not read these bookings.');
    const from = body.from ? Date.parse(body.from) : -Infinity;
    const to = body.to ? Date.parse(body.to) : Infinity;
    const matching = [...state.bookings.values()]
      .filter((b) => (body.fnr !== undefined ? b.person.fnr === body.fnr : b.centreId === body.centreId))
      .filter((b) => !body.statuses || body.statuses.includes(b.status))
      .filter((b) => Date.parse(b.start) >= from && Date.parse(b.start) <= to);
    const bookings = matching
      .filter((b) => canSeeBooking(caller, b))
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
      .map((b) => bookingView(caller, b));
    if (!body.includeWithheld || body.fnr === undefined) return void res.json({ bookings });
    const withheld = matching.flatMap((b) => withheldBooking(caller, b) ?? []).sort(byId);
    res.json({ bookings, withheld });
  });

  router.get('/bookings/:bookingId', (req, res) => {
    const booking = uuid.safeParse(req.params.bookingId).success ? state.bookings.get(req.params.bookingId) : undefined;
    const caller = callerOf(res);
    if (!booking || !canSeeBooking(caller, booking)) return sendNotFound(res, 'Booking');
    setEtag(res, booking.version);
    res.json(bookingView(caller, booking));
  });

  router.get('/bookings/:bookingId/notifications', (req, res) => {
    const booking = state.bookings.get(req.params.bookingId);
    if (!booking || !canSeeBooking(callerOf(res), booking)) return sendNotFound(res, 'Booking');
    const at = now();
    const list = state.notifications
      .filter((n) => n.bookingId === booking.id)
      .map((n) => notificationAt(n, at))
      .sort((a, b) => Date.parse(a.scheduledFor) - Date.parse(b.scheduledFor));
    res.json(list);
  });

  return router;
}
