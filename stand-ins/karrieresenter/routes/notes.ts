import { randomUUID } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { callerOf } from '../../common/app.ts';
import { toOsloIso } from '../../../lib/time.ts';
import { byId, canSeeNote, isCounsellorOf, maySearchPerson, withheldNote } from '../access.ts';
import { sendNotFound, sendProblem } from '../problem.ts';
import { createNoteSchema, noteSearchSchema, updateNoteSchema, uuid } from '../schemas.ts';
import { courseBookings, type KarrieresenterState } from '../state.ts';
import type { Note } from '../types.ts';
import { checkIfMatch, parseOr400, setEtag, type RouteContext } from './context.ts';
import { beginIdempotent } from './idempotent.ts';

/** Summary notes: a counsellor starts and edits them; the person owns them. */
export function noteRoutes({ state, now }: RouteContext): Router {
  const router = Router();

  router.post('/notes', (req, res) => {
    const body = parseOr400(res, createNoteSchema, req.body);
    if (!body) return;
    const caller = callerOf(res);
    const idempotent = beginIdempotent(req, res, state, 'createNote', caller, now());
    if (!idempotent) return;
    const refuse = (status: number, code: Parameters<typeof sendProblem>[2], detail: string, field?: string) => {
      idempotent.release();
      sendProblem(res, status, code, detail, field ? [{ field, message: detail }] : undefined);
    };
    if (caller.role !== 'KARRIERESENTER' || !caller.counsellorId) return refuse(403, 'FORBIDDEN', 'Only a counsellor starts a note.');
    const sessions = courseBookings(state, body.courseId);
    const first = sessions[0];
    if (!first) return refuse(422, 'VALIDATION_FAILED', 'No such course.', 'courseId');
    if (!isCounsellorOf(caller, first.centreId)) return refuse(403, 'FORBIDDEN', 'The course belongs to another centre.');
    if ([...state.notes.values()].some((n) => n.courseId === body.courseId)) return refuse(409, 'NOTE_EXISTS', 'The course already has a note.');
    const at = now();
    const note: Note = {
      id: randomUUID(),
      owner: { type: 'PERSON', fnr: first.person.fnr },
      courseId: body.courseId,
      bookingIds: summarisedSessions(state, body.courseId, at),
      centreId: first.centreId,
      counsellorId: caller.counsellorId,
      status: 'UTKAST',
      sections: body.sections,
      createdAt: toOsloIso(at),
      updatedAt: toOsloIso(at),
      finalizedAt: null,
      version: 1,
    };
    state.notes.set(note.id, note);
    idempotent.complete({ status: 201, body: note, etag: `"${note.version}"` });
    setEtag(res, note.version);
    res.status(201).json(note);
  });

  router.post('/notes/search', (req, res) => {
    const body = parseOr400(res, noteSearchSchema, req.body);
    if (!body) return;
    const caller = callerOf(res);
    if (!maySearchPerson(caller, body.fnr)) return sendProblem(res, 403, 'FORBIDDEN', 'This caller may not read these notes.');
    const theirs = [...state.notes.values()].filter((n) => n.owner.fnr === body.fnr);
    const notes = theirs.filter((n) => canSeeNote(state, caller, n)).sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
    if (!body.includeWithheld) return void res.json({ notes });
    const withheld = theirs.flatMap((n) => withheldNote(state, caller, n) ?? []).sort(byId);
    res.json({ notes, withheld });
  });

  router.get('/notes/:noteId', (req, res) => {
    const note = visibleNote(req, res, state);
    if (!note) return;
    setEtag(res, note.version);
    res.json(note);
  });

  router.put('/notes/:noteId', (req, res) => {
    const note = visibleNote(req, res, state);
    if (!note) return;
    if (!isCounsellorOf(callerOf(res), note.centreId)) return sendProblem(res, 403, 'FORBIDDEN', 'The counsellor edits the note together with the person.');
    if (!checkIfMatch(req, res, note.version)) return;
    const body = parseOr400(res, updateNoteSchema, req.body);
    if (!body) return;
    if (note.status === 'FERDIGSTILT') return sendProblem(res, 409, 'NOTE_FINAL', 'A final note cannot be edited.');
    const at = now();
    note.sections = body.sections;
    note.status = body.status;
    if (body.status === 'FERDIGSTILT') note.finalizedAt = toOsloIso(at);
    note.bookingIds = summarisedSessions(state, note.courseId, at);
    note.updatedAt = toOsloIso(at);
    note.version++;
    setEtag(res, note.version);
    res.json(note);
  });

  return router;
}

/** The note named in the path if the caller may see it; otherwise 404, so an unshared note stays unknown. */
export function visibleNote(req: Request, res: Response, state: KarrieresenterState): Note | undefined {
  const id = String(req.params.noteId);
  const note = uuid.safeParse(id).success ? state.notes.get(id) : undefined;
  if (note && canSeeNote(state, callerOf(res), note)) return note;
  sendNotFound(res, 'Note');
  return undefined;
}

/** The sessions a note summarises: those of the course that were not cancelled and have started. */
function summarisedSessions(state: KarrieresenterState, courseId: string, at: Date): string[] {
  return courseBookings(state, courseId)
    .filter((b) => b.status !== 'AVLYST' && Date.parse(b.start) <= at.getTime())
    .map((b) => b.id);
}
