import { fromOsloWallClock } from '../../../lib/time.ts';
import { ErrorCode } from '../../../lib/errors.ts';
import { GraphQLError } from 'graphql';
import type { ContractBooking } from '../clients/karrieresenter.schemas.ts';
import type { ContractBookingRequest } from '../clients/karrieresenter.writes.ts';
import type { CareerContext } from '../context.ts';
import { toBooking, toContractMode } from '../map.ts';
import type { GuidanceBooking } from '../model.ts';
import { navMaySeeBooking } from '../rows.ts';
import { requireBooker, type Booker } from './actors.ts';
import { bookGuidanceInput, SLOT_ID, type BookGuidanceInput } from './inputs.ts';
import {
  businessFailure,
  IDEMPOTENCY_FAILURES,
  inputErrors,
  problemField,
  refused,
  userError,
  type BusinessFailures,
  type Payload,
} from './userErrors.ts';

const MAX_SESSIONS = 3;
const COURSE_NOT_FOUND = userError('COURSE_NOT_FOUND', 'There is no such earlier session to continue.', 'previousBookingId');

/** When the slot starts, read from its stable id (contract: SL-<centre>-<yyyyMMdd>-<HHmm>-<counsellor>, Oslo time). */
export function slotStart(slotId: string): Date {
  const [, , y, mo, d, h, mi] = SLOT_ID.exec(slotId)!.map(Number) as number[];
  return fromOsloWallClock({ year: y!, month: mo!, day: d!, hour: h!, minute: mi!, second: 0, millisecond: 0 });
}

/**
 * The course a continuation belongs to, from the person's bookings as the system shows the caller; undefined when
 * there is none. The booking rules themselves (one upcoming session per person, a slot booked once, three sessions
 * per course) are the system's alone: it checks them over all of the person's bookings, whatever the caller may see,
 * in the same step as the write (contract: createBooking), so neither a parallel request nor a session kept from
 * NAV slips past them. A booking NAV may not see cannot be continued by NAV: it is answered like an unknown one.
 */
async function courseOf(context: CareerContext, ident: string, previousBookingId: string): Promise<string | undefined> {
  const { records } = await context.karrieresenter.searchBookings(ident);
  const previous = records.find((b) => b.id === previousBookingId && b.person.fnr === ident);
  if (!previous || (context.caller.role !== 'citizen' && !navMaySeeBooking(toBooking(previous)))) return undefined;
  return previous.courseId;
}

function bookingRequest(input: BookGuidanceInput, booker: Booker, courseId: string | undefined): ContractBookingRequest {
  const { firstName, lastName, email, phone } = input.contact;
  return {
    slotId: input.slotId,
    mode: toContractMode(input.mode),
    person: { fnr: input.ident, firstName, lastName, email, ...(phone ? { phone } : {}) },
    ...(courseId ? { courseId } : {}),
    bookedBy: booker.kind === 'nav' ? { type: 'NAV', navIdent: booker.navIdent } : { type: 'BRUKER' },
    ...(input.attendingAdvisor ? { navAdvisorAttending: input.attendingAdvisor } : {}),
    referredByNav: booker.kind === 'nav' || input.referredByNav,
    visibleToNav: input.visibleToNav,
  };
}

/** The system's refusals of a booking as userErrors. */
const bookingFailures = (slotId: string, now: Date): BusinessFailures => ({
  ...IDEMPOTENCY_FAILURES,
  SLOT_TAKEN: userError('SLOT_TAKEN', 'Someone else booked the slot.', 'slotId'),
  MODE_NOT_OFFERED: userError('MODE_NOT_OFFERED', 'The slot does not offer this mode.', 'mode'),
  COURSE_FULL: userError('COURSE_FULL', `A course has at most ${MAX_SESSIONS} sessions.`, 'previousBookingId'),
  // The same answer whether the caller can see the upcoming session or not: no id, time, centre or counsellor of it.
  ACTIVE_BOOKING_EXISTS: userError('ACTIVE_BOOKING_EXISTS', 'The person already has an upcoming session.', 'ident'),
  VALIDATION_FAILED: (error) => {
    const field = problemField(error);
    // The system answers one way for an unknown and a started slot; the slot id's time (contract: stable ids
    // SL-<centre>-<yyyyMMdd>-<HHmm>-<counsellor>) only picks the label of a refusal the system made.
    if (field === 'slotId' && slotStart(slotId).getTime() <= now.getTime()) return userError('SLOT_IN_PAST', 'The slot has already started.', 'slotId');
    if (field === 'slotId') return userError('SLOT_NOT_FOUND', 'The slot is not offered.', 'slotId');
    if (field === 'courseId') return COURSE_NOT_FOUND;
    if (field === 'person.phone') return userError('PHONE_REQUIRED', 'A phone session needs a phone number.', 'contact.phone');
    return userError('INVALID_INPUT', 'The booking system refused the input.', null);
  },
});

/** The write is safe to send again with its key: one retry when the system could not be reached. */
async function createWithRetry(context: CareerContext, request: ContractBookingRequest, key: string): Promise<ContractBooking> {
  try {
    return (await context.karrieresenter.createBooking(request, key)).booking;
  } catch (error) {
    if (!(error instanceof GraphQLError) || error.extensions.code !== ErrorCode.UPSTREAM_UNAVAILABLE) throw error;
    context.log.info({ system: 'karrieresenter', operation: 'createBooking' }, 'retrying the booking with its idempotency key');
    return (await context.karrieresenter.createBooking(request, key)).booking;
  }
}

/** Mutation.bookGuidance: checks the input, then books once per idempotency key under the system's rules. */
export async function bookGuidance(context: CareerContext, raw: unknown): Promise<Payload<'booking', GuidanceBooking>> {
  const parsed = bookGuidanceInput.safeParse(raw);
  if (!parsed.success) return refused('booking', ...inputErrors(parsed.error));
  const input = parsed.data;
  const booker = await requireBooker(context, input.ident);
  if (input.mode === 'PHONE' && !input.contact.phone) return refused('booking', userError('PHONE_REQUIRED', 'A phone session needs a phone number.', 'contact.phone'));
  const courseId = input.previousBookingId ? await courseOf(context, input.ident, input.previousBookingId) : undefined;
  if (input.previousBookingId && !courseId) return refused('booking', COURSE_NOT_FOUND);
  try {
    const booking = await createWithRetry(context, bookingRequest(input, booker, courseId), input.idempotencyKey);
    context.loaders.bookingsByPerson.clear(input.ident);
    return { booking: toBooking(booking), userErrors: [] };
  } catch (error) {
    const failure = businessFailure(error, bookingFailures(input.slotId, context.now()));
    if (failure) return refused('booking', failure);
    throw error;
  }
}
