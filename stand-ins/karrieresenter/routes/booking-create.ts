import { randomUUID } from 'node:crypto';
import { Router, type Response } from 'express';
import { callerOf, type UpstreamCaller } from '../../common/app.ts';
import { osloWallClock, toOsloIso } from '../../../lib/time.ts';
import { beginIdempotent } from './idempotent.ts';
import { KS_BASE, notificationsForNewBooking } from '../notifications.ts';
import { sendProblem } from '../problem.ts';
import { bookingRequestSchema, type BookingRequest } from '../schemas.ts';
import { courseBookings, type KarrieresenterState } from '../state.ts';
import type { Booking, Centre, Location, Slot } from '../types.ts';
import { takenSlotIds } from './centres.ts';
import { parseOr400, setEtag, type RouteContext } from './context.ts';

const MAX_SESSIONS = 3;

/** POST /bookings: books a free slot (Idempotency-Key required), sends the confirmation, schedules the reminder. */
export function bookingCreateRoutes({ state, now }: RouteContext): Router {
  const router = Router();

  router.post('/bookings', (req, res) => {
    const body = parseOr400(res, bookingRequestSchema, req.body);
    if (!body) return;
    const caller = callerOf(res);
    const idempotent = beginIdempotent(req, res, state, 'createBooking', caller, now());
    if (!idempotent) return;
    // The rules and the write are one atomic step (contract: "The booking rules are the system's, and atomic"):
    // nothing below awaits, so in this single-threaded process no other request runs between the check and the
    // insert. (A database-backed system would take a per-person lock or rely on a unique partial index.)
    const at = now();
    const refused = refuse(res, state, caller, body, at);
    if (refused) return idempotent.release();

    const slot = state.slots.get(body.slotId)!;
    const centre = state.centres.get(slot.centreId)!;
    const course = body.courseId ? courseBookings(state, body.courseId).filter((b) => b.status !== 'AVLYST') : [];
    const reference = `KS-${osloWallClock(at).year}-${String(state.nextReference).padStart(6, '0')}`;
    const nav = body.bookedBy.type === 'NAV' || body.navAdvisorAttending !== undefined;
    const booking: Booking = {
      id: randomUUID(),
      reference,
      centreId: slot.centreId,
      slotId: slot.id,
      counsellorId: slot.counsellorId,
      person: body.person,
      start: slot.start,
      durationMinutes: 45,
      mode: body.mode,
      location: locationFor(body.mode, centre, reference, state.nextReference),
      courseId: body.courseId ?? randomUUID(),
      sessionNumber: course.length + 1,
      bookedBy: body.bookedBy,
      navAdvisorAttending: body.navAdvisorAttending ?? null,
      referredByNav: body.referredByNav,
      // Forced when NAV books or attends: NAV then already knows the time.
      visibleToNav: body.visibleToNav || nav,
      messageToCounsellor: body.messageToCounsellor ?? null,
      status: 'BOOKET',
      cancellation: null,
      createdAt: toOsloIso(at),
      updatedAt: toOsloIso(at),
      version: 1,
    };
    state.nextReference++;
    state.bookings.set(booking.id, booking);
    state.notifications.push(...notificationsForNewBooking(booking, centre, at));
    idempotent.complete({ status: 201, body: booking, etag: `"${booking.version}"` });
    setEtag(res, booking.version);
    res.status(201).json(booking);
  });

  return router;
}

/** Every reason to refuse the booking, in the order the system checks them; true when one was answered. */
function refuse(res: Response, state: KarrieresenterState, caller: UpstreamCaller, body: BookingRequest, at: Date): boolean {
  if (body.bookedBy.type === 'NAV' && !body.bookedBy.navIdent) {
    sendProblem(res, 422, 'VALIDATION_FAILED', 'bookedBy.navIdent is required when NAV books.', [{ field: 'bookedBy.navIdent', message: 'required when type is NAV' }]);
    return true;
  }
  const slot = state.slots.get(body.slotId);
  const forbidden = forbiddenReason(caller, body, slot);
  if (forbidden) {
    sendProblem(res, 403, 'FORBIDDEN', forbidden);
    return true;
  }
  if (!slot) return invalid(res, 'slotId', 'No such slot.');
  if (Date.parse(slot.start) <= at.getTime()) return invalid(res, 'slotId', 'The slot has already started.');
  if (takenSlotIds(state.bookings.values()).has(slot.id)) {
    sendProblem(res, 409, 'SLOT_TAKEN', `The slot ${slot.id} was booked by someone else.`);
    return true;
  }
  const centre = state.centres.get(slot.centreId);
  if (!slot.modes.includes(body.mode) || !centre?.modesOffered.includes(body.mode)) {
    sendProblem(res, 422, 'MODE_NOT_OFFERED', `The slot offers ${slot.modes.join(', ')}.`);
    return true;
  }
  if (body.mode === 'TELEFON' && !body.person.phone) return invalid(res, 'person.phone', 'A phone number is required for TELEFON.');
  if (body.courseId && refuseCourse(res, state, body, slot)) return true;
  if (hasUpcomingSession(state, body.person.fnr, at)) {
    // Over all the person's bookings, whatever the caller may see; the answer names none of them.
    sendProblem(res, 409, 'ACTIVE_BOOKING_EXISTS', 'The person already has an upcoming session.');
    return true;
  }
  return false;
}

/** One upcoming session per person: any course, any centre, whoever booked it, visible to NAV or not. */
function hasUpcomingSession(state: KarrieresenterState, fnr: string, at: Date): boolean {
  for (const b of state.bookings.values()) if (b.person.fnr === fnr && b.status === 'BOOKET' && Date.parse(b.start) > at.getTime()) return true;
  return false;
}

/** Who may book what: a person for themself, NAV in its own name, a counsellor at their own centre. */
function forbiddenReason(caller: UpstreamCaller, body: BookingRequest, slot: Slot | undefined): string | undefined {
  switch (caller.role) {
    case 'PERSON':
      if (caller.pid !== body.person.fnr) return 'A person can only book for themself.';
      if (body.bookedBy.type !== 'BRUKER') return 'A person books as BRUKER.';
      return undefined;
    case 'NAV':
      if (body.bookedBy.type !== 'NAV' || body.bookedBy.navIdent !== caller.NAVident) return 'NAV books in the name of the calling NAV employee.';
      return undefined;
    case 'KARRIERESENTER':
      if (slot && slot.centreId !== caller.centreId) return 'A counsellor books only at their own centre.';
      return undefined;
    default:
      return 'This caller may not book.';
  }
}

/** Rules for continuing a course: the person's own, same centre, at most three sessions. */
function refuseCourse(res: Response, state: KarrieresenterState, body: BookingRequest, slot: Slot): boolean {
  const sessions = courseBookings(state, body.courseId!);
  // Another person's course is answered like an unknown one, so course ids disclose nothing.
  if (sessions.length === 0 || sessions.some((b) => b.person.fnr !== body.person.fnr)) return invalid(res, 'courseId', 'No such course for this person.');
  if (sessions.some((b) => b.centreId !== slot.centreId)) return invalid(res, 'courseId', 'The course is held at another centre.');
  const held = sessions.filter((b) => b.status !== 'AVLYST');
  if (held.length >= MAX_SESSIONS) {
    sendProblem(res, 422, 'COURSE_FULL', `A course has at most ${MAX_SESSIONS} sessions.`);
    return true;
  }
  return false;
}

function invalid(res: Response, field: string, message: string): true {
  sendProblem(res, 422, 'VALIDATION_FAILED', message, [{ field, message }]);
  return true;
}

/** Where the session takes place, as the confirmation shows it. */
function locationFor(mode: Booking['mode'], centre: Centre, reference: string, n: number): Location {
  if (mode === 'OPPMOTE') return { mode, address: centre.address, room: `Samtalerom ${1 + (n % 4)}` };
  if (mode === 'DIGITAL') return { mode, meetingUrl: `${KS_BASE}/teams/${reference.toLowerCase()}` };
  return { mode, phoneInstructions: 'Karriereveilederen ringer deg på nummeret du oppga, ved timens start.' };
}
