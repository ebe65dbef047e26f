import { Router, type Request, type Response } from 'express';
import { callerOf, type UpstreamCaller } from '../../common/app.ts';
import { toOsloIso } from '../../../lib/time.ts';
import { bookingView, canSeeBooking, isCounsellorOf } from '../access.ts';
import { cancelPendingReminders, cancellationNotification } from '../notifications.ts';
import { sendNotFound, sendProblem } from '../problem.ts';
import { cancelSchema, outcomeSchema, uuid } from '../schemas.ts';
import type { KarrieresenterState } from '../state.ts';
import type { ActorType, Booking } from '../types.ts';
import { checkIfMatch, parseOr400, setEtag, type RouteContext } from './context.ts';

/** Cancelling a booking and registering its outcome. */
export function bookingChangeRoutes({ state, now }: RouteContext): Router {
  const router = Router();

  router.post('/bookings/:bookingId/cancel', (req, res) => {
    const booking = visibleBooking(req, res, state);
    if (!booking) return;
    const body = parseOr400(res, cancelSchema, req.body);
    if (!body) return;
    const caller = callerOf(res);
    const actor = actorOf(caller);
    if (!actor || body.cancelledBy !== actor || (body.navIdent !== undefined && body.navIdent !== caller.NAVident)) {
      return sendProblem(res, 403, 'FORBIDDEN', 'cancelledBy must name the caller.');
    }
    const at = now();
    if (booking.status === 'AVLYST') return sendProblem(res, 409, 'ALREADY_CANCELLED', 'The booking is already cancelled.');
    if (booking.status !== 'BOOKET' || Date.parse(booking.start) <= at.getTime()) {
      return sendProblem(res, 409, 'BOOKING_NOT_CANCELLABLE', 'Only a booked session that has not started can be cancelled.');
    }
    const centre = state.centres.get(booking.centreId)!;
    booking.status = 'AVLYST';
    booking.cancellation = {
      cancelledAt: toOsloIso(at),
      cancelledBy: body.cancelledBy,
      ...(actor === 'NAV' && caller.NAVident ? { navIdent: caller.NAVident } : {}),
      reason: body.reason ?? null,
    };
    booking.updatedAt = toOsloIso(at);
    booking.version++;
    cancelPendingReminders(state.notifications, booking.id, at);
    state.notifications.push(cancellationNotification(booking, centre, at));
    setEtag(res, booking.version);
    res.json(bookingView(caller, booking));
  });

  router.post('/bookings/:bookingId/outcome', (req, res) => {
    const booking = visibleBooking(req, res, state);
    if (!booking) return;
    if (!isCounsellorOf(callerOf(res), booking.centreId)) return sendProblem(res, 403, 'FORBIDDEN', 'Only the centre registers outcomes.');
    if (!checkIfMatch(req, res, booking.version)) return;
    const body = parseOr400(res, outcomeSchema, req.body);
    if (!body) return;
    const at = now();
    if (booking.status === 'AVLYST') return sendProblem(res, 409, 'ALREADY_CANCELLED', 'The booking is cancelled.');
    // The contract names no code of its own for these two conflicts; VALIDATION_FAILED with 409 says "not now".
    if (booking.status !== 'BOOKET') return sendProblem(res, 409, 'VALIDATION_FAILED', 'The outcome is already registered.');
    if (Date.parse(booking.start) > at.getTime()) return sendProblem(res, 409, 'VALIDATION_FAILED', 'The session has not started yet.');
    booking.status = body.status;
    booking.updatedAt = toOsloIso(at);
    booking.version++;
    setEtag(res, booking.version);
    res.json(booking);
  });

  return router;
}

/** The booking named in the path if the caller may see it; otherwise answers 404. */
function visibleBooking(req: Request, res: Response, state: KarrieresenterState): Booking | undefined {
  const id = String(req.params.bookingId);
  const booking = uuid.safeParse(id).success ? state.bookings.get(id) : undefined;
  if (booking && canSeeBooking(callerOf(res), booking)) return booking;
  sendNotFound(res, 'Booking');
  return undefined;
}

function actorOf(caller: UpstreamCaller): ActorType | undefined {
  if (caller.role === 'PERSON') return 'BRUKER';
  if (caller.role === 'NAV') return 'NAV';
  if (caller.role === 'KARRIERESENTER') return 'KARRIERESENTER';
  return undefined;
}
