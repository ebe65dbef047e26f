import type { TrainingContext } from '../context.ts';
import { userError } from './userErrors.ts';

/** One answer for every note that cannot be attached, so it never tells whether someone else's note exists. */
export const NOTE_NOT_ATTACHABLE = userError(
  'CAREER_NOTE_NOT_ATTACHABLE',
  'The note is not a final note of this person that they share with NAV.',
  'careerNoteId',
);

/**
 * Whether a Karrieresenter note may go with a request about `ident`: asked of the Karrieresenter now, as the NAV
 * advisor (who gets 404 unless an active share grant to NAV exists), and it must be the person's own and final.
 */
export async function isAttachableNote(context: TrainingContext, ident: string, noteId: string): Promise<boolean> {
  const note = await context.karrieresenter!.noteOwnerAndStatus(noteId);
  return note !== null && note.ownerIdent === ident && note.status === 'FERDIGSTILT';
}
