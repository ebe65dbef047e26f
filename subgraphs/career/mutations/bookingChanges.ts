import { UpstreamHttpError } from '../../../lib/upstream/errors.ts';
import type { ContractBooking } from '../clients/karrieresenter.schemas.ts';
import type { CareerContext } from '../context.ts';
import { toBooking } from '../map.ts';
import type { GuidanceBooking } from '../model.ts';
import { requireCitizen, requireCounsellor } from './actors.ts';
import { bookingIdInput, completeGuidanceSessionInput } from './inputs.ts';
import { businessFailure, inputErrors, refused, userError, type Payload } from './userErrors.ts';

const NOT_FOUND = userError('BOOKING_NOT_FOUND', 'There is no such booking you can change.', 'bookingId');

/**
 * The booking, when it is one the caller may change: the system answers 404 for what the caller may not see, and
 * the graph checks the row itself too (the person's own, the counsellor's centre) rather than trust that filter.
 */
export async function changeableBooking(context: CareerContext, bookingId: string, mine: (b: ContractBooking) => boolean): Promise<ContractBooking | undefined> {
  try {
    const booking = await context.karrieresenter.getBooking(bookingId);
    return mine(booking) ? booking : undefined;
  } catch (error) {
    if (error instanceof UpstreamHttpError && error.status === 404) return undefined;
    throw error;
  }
}

/** Mutation.cancelGuidanceBooking: the person cancels an upcoming session (the system cancels its reminder). */
export async function cancelGuidanceBooking(context: CareerContext, raw: unknown): Promise<Payload<'booking', GuidanceBooking>> {
  const caller = requireCitizen(context, 'cancels their booking');
  const parsed = bookingIdInput.safeParse(raw);
  if (!parsed.success) return refused('booking', ...inputErrors(parsed.error));
  const booking = await changeableBooking(context, parsed.data.bookingId, (b) => b.person.fnr === caller.ident);
  if (!booking) return refused('booking', NOT_FOUND);
  if (booking.status === 'AVLYST') return refused('booking', userError('ALREADY_CANCELLED', 'The booking is already cancelled.', 'bookingId'));
  const notCancellable = userError('BOOKING_NOT_CANCELLABLE', 'The session has started or been held.', 'bookingId');
  if (booking.status !== 'BOOKET' || Date.parse(booking.start) <= context.now().getTime()) return refused('booking', notCancellable);
  try {
    const cancelled = await context.karrieresenter.cancelBooking(booking.id);
    context.loaders.notificationsByBooking.clear(booking.id);
    return { booking: toBooking(cancelled), userErrors: [] };
  } catch (error) {
    const failure = businessFailure(error, {
      ALREADY_CANCELLED: userError('ALREADY_CANCELLED', 'The booking is already cancelled.', 'bookingId'),
      BOOKING_NOT_CANCELLABLE: notCancellable,
    });
    if (failure) return refused('booking', failure);
    throw error;
  }
}

/** Mutation.completeGuidanceSession: the counsellor records whether a session that has started took place. */
export async function completeGuidanceSession(context: CareerContext, raw: unknown): Promise<Payload<'booking', GuidanceBooking>> {
  const caller = requireCounsellor(context, 'records the outcome of a session');
  const parsed = completeGuidanceSessionInput.safeParse(raw);
  if (!parsed.success) return refused('booking', ...inputErrors(parsed.error));
  const booking = await changeableBooking(context, parsed.data.bookingId, (b) => b.centreId === caller.centreId);
  if (!booking) return refused('booking', NOT_FOUND);
  if (booking.status === 'AVLYST') return refused('booking', userError('ALREADY_CANCELLED', 'The booking is cancelled.', 'bookingId'));
  if (booking.status !== 'BOOKET') return refused('booking', userError('OUTCOME_ALREADY_REGISTERED', 'The outcome is already recorded.', 'bookingId'));
  if (Date.parse(booking.start) > context.now().getTime()) return refused('booking', userError('SESSION_NOT_STARTED', 'The session has not started yet.', 'bookingId'));
  try {
    const done = await context.karrieresenter.registerOutcome(booking.id, booking.version, parsed.data.attended ? 'GJENNOMFORT' : 'IKKE_MOTT');
    context.loaders.bookingsByPerson.clear(done.person.fnr);
    return { booking: toBooking(done), userErrors: [] };
  } catch (error) {
    const failure = businessFailure(error, {
      VERSION_MISMATCH: userError('VERSION_CONFLICT', 'The booking changed meanwhile; read it again.', 'bookingId'),
      ALREADY_CANCELLED: userError('ALREADY_CANCELLED', 'The booking is cancelled.', 'bookingId'),
      VALIDATION_FAILED: userError('OUTCOME_ALREADY_REGISTERED', 'The outcome is already recorded or the session has not started.', 'bookingId'),
    });
    if (failure) return refused('booking', failure);
    throw error;
  }
}
