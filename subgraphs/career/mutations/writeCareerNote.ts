import type { ContractNote } from '../clients/karrieresenter.schemas.ts';
import type { ContractNoteSections } from '../clients/karrieresenter.writes.ts';
import type { CareerContext } from '../context.ts';
import { toNote } from '../map.ts';
import type { CareerNote } from '../model.ts';
import { requireCounsellor } from './actors.ts';
import { changeableBooking } from './bookingChanges.ts';
import { writeCareerNoteInput, type WriteCareerNoteInput } from './inputs.ts';
import { businessFailure, IDEMPOTENCY_FAILURES, inputErrors, refused, userError, type Payload } from './userErrors.ts';

/** The graph's section names as the booking system's. */
function toContractSections(c: WriteCareerNoteInput['content']): ContractNoteSections {
  return {
    schoolAndWorkExperience: c.educationAndWorkExperience,
    interests: c.interests,
    skillsUsedAndDeveloped: c.strengths,
    motivationAndMasteryFactors: c.motivationAndMastery,
    values: c.values,
    needs: c.needs,
    wayForward: c.wayForward,
    tipsForFurtherExploration: c.explorationTips,
    questionsForNavOrTraining: c.questionsForNavOrTraining,
  };
}

const sameSections = (a: ContractNoteSections, b: ContractNoteSections) =>
  (Object.keys(a) as Array<keyof ContractNoteSections>).every((k) => a[k] === b[k]);

const NOTE_FINAL = userError('NOTE_FINAL', 'The note is final and can no longer be edited.', 'content');
const VERSION_CONFLICT = userError('VERSION_CONFLICT', 'The note changed since you read it; read it again.', 'expectedVersion');

/**
 * Writes the course's note: starts it (POST with the idempotency key) when there is none, replaces the draft's
 * sections otherwise, and makes it final when asked. The same request sent again changes nothing: a note that
 * already says what is asked is answered as it is.
 */
async function write(context: CareerContext, existing: ContractNote | undefined, courseId: string, input: WriteCareerNoteInput) {
  const sections = toContractSections(input.content);
  const status = input.final ? 'FERDIGSTILT' : 'UTKAST';
  if (existing && existing.status === status && sameSections(existing.sections, sections)) return existing;
  if (existing?.status === 'FERDIGSTILT') return NOTE_FINAL;
  // A counsellor working from what they read: a note that changed (or appeared) since is not overwritten.
  const expected = input.expectedVersion ?? undefined;
  if (expected !== undefined && existing?.version !== expected) return VERSION_CONFLICT;
  const draft = existing ?? (await context.karrieresenter.createNote(courseId, sections, input.idempotencyKey));
  if (draft.status === status && sameSections(draft.sections, sections)) return draft;
  // If-Match with the version the counsellor read (or the one just read): a write in between is 412, not lost.
  return context.karrieresenter.updateNote(draft.id, expected ?? draft.version, sections, status);
}

/** Mutation.writeCareerNote: the counsellor of the session's centre, after a completed session. */
export async function writeCareerNote(context: CareerContext, raw: unknown): Promise<Payload<'note', CareerNote>> {
  const caller = requireCounsellor(context, 'writes a summary note');
  const parsed = writeCareerNoteInput.safeParse(raw);
  if (!parsed.success) return refused('note', ...inputErrors(parsed.error));
  const input = parsed.data;
  const booking = await changeableBooking(context, input.bookingId, (b) => b.centreId === caller.centreId);
  if (!booking) return refused('note', userError('BOOKING_NOT_FOUND', 'There is no such session at your centre.', 'bookingId'));
  if (booking.status !== 'GJENNOMFORT') return refused('note', userError('SESSION_NOT_COMPLETED', 'A note is written after a completed session.', 'bookingId'));
  const owner = booking.person.fnr;
  const existing = (await context.karrieresenter.searchNotes(owner)).records.find((n) => n.courseId === booking.courseId && n.owner.fnr === owner);
  try {
    const written = await write(context, existing, booking.courseId, input);
    if ('code' in written) return refused('note', written);
    context.loaders.notesByPerson.clear(owner);
    return { note: toNote(written), userErrors: [] };
  } catch (error) {
    const failure = businessFailure(error, {
      ...IDEMPOTENCY_FAILURES,
      NOTE_FINAL,
      NOTE_EXISTS: userError('VERSION_CONFLICT', 'The note was started meanwhile; send it again.', 'bookingId'),
      VERSION_MISMATCH: VERSION_CONFLICT,
    });
    if (failure) return refused('note', failure);
    throw error;
  }
}
