import { isActive } from '../../../lib/consent/grants.ts';
import type { ContractNote, ContractShareGrant } from '../clients/karrieresenter.schemas.ts';
import type { CareerContext } from '../context.ts';
import { toNote } from '../map.ts';
import type { CareerNote } from '../model.ts';
import { requireCitizen } from './actors.ts';
import { noteIdInput } from './inputs.ts';
import { businessFailure, hasBusinessCode, inputErrors, refused, userError, type Payload } from './userErrors.ts';

const NOT_FOUND = userError('NOTE_NOT_FOUND', 'There is no such note of yours.', 'noteId');

/** The owner's note and its grant to NAV that is active now, read fresh: no grant outlives its request. */
async function ownNote(context: CareerContext, ident: string, noteId: string): Promise<{ note: ContractNote; active?: ContractShareGrant } | undefined> {
  const note = (await context.karrieresenter.searchNotes(ident)).records.find((n) => n.id === noteId && n.owner.fnr === ident);
  if (!note) return undefined;
  const now = context.now();
  const active = (await context.karrieresenter.searchShareGrants([note.id])).find(
    (g) =>
      g.noteId === note.id &&
      g.grantee === 'NAV' &&
      isActive({ id: g.id, purpose: 'CAREER_NOTE_SHARING', grantee: 'NAV', givenAt: new Date(g.givenAt), withdrawnAt: g.withdrawnAt ? new Date(g.withdrawnAt) : null }, now),
  );
  return { note, ...(active ? { active } : {}) };
}

/** What the payload shows is read again by `sharedWithNav`: forget this request's grants of the note. */
function answer(context: CareerContext, note: ContractNote): Payload<'note', CareerNote> {
  context.loaders.shareGrantsByNote.clear(note.id);
  return { note: toNote(note), userErrors: [] };
}

/** Mutation.shareCareerNote: the owner lets NAV read a final note. Already shared: answered as it is. */
export async function shareCareerNote(context: CareerContext, raw: unknown): Promise<Payload<'note', CareerNote>> {
  const caller = requireCitizen(context, 'shares their note');
  const parsed = noteIdInput.safeParse(raw);
  if (!parsed.success) return refused('note', ...inputErrors(parsed.error));
  const found = await ownNote(context, caller.ident, parsed.data.noteId);
  if (!found) return refused('note', NOT_FOUND);
  const notFinal = userError('NOTE_NOT_FINAL', 'A draft cannot be shared; the note must be final.', 'noteId');
  if (found.note.status !== 'FERDIGSTILT') return refused('note', notFinal);
  if (found.active) return answer(context, found.note);
  try {
    await context.karrieresenter.grantNoteSharing(found.note.id);
  } catch (error) {
    // Shared meanwhile (a second tab): the person's wish holds.
    if (!hasBusinessCode(error, 'GRANT_ALREADY_ACTIVE')) {
      const failure = businessFailure(error, { NOTE_NOT_FINAL: notFinal });
      if (failure) return refused('note', failure);
      throw error;
    }
  }
  return answer(context, found.note);
}

/** Mutation.withdrawCareerNoteSharing: the owner stops NAV reading a note. Not shared: answered as it is. */
export async function withdrawCareerNoteSharing(context: CareerContext, raw: unknown): Promise<Payload<'note', CareerNote>> {
  const caller = requireCitizen(context, 'withdraws sharing of their note');
  const parsed = noteIdInput.safeParse(raw);
  if (!parsed.success) return refused('note', ...inputErrors(parsed.error));
  const found = await ownNote(context, caller.ident, parsed.data.noteId);
  if (!found) return refused('note', NOT_FOUND);
  if (!found.active) return answer(context, found.note);
  try {
    await context.karrieresenter.withdrawNoteSharing(found.note.id, found.active.id);
  } catch (error) {
    // Withdrawn meanwhile: the person's wish holds.
    if (!hasBusinessCode(error, 'GRANT_ALREADY_WITHDRAWN')) throw error;
  }
  return answer(context, found.note);
}
