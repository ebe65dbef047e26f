import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { callerOf, type UpstreamCaller } from '../../common/app.ts';
import { toOsloIso } from '../../../lib/time.ts';
import { isCounsellorOf } from '../access.ts';
import { sendNotFound, sendProblem } from '../problem.ts';
import { grantSchema, grantSearchSchema } from '../schemas.ts';
import { activeGrant } from '../state.ts';
import type { Note, ShareGrant } from '../types.ts';
import { parseOr400, type RouteContext } from './context.ts';
import { visibleNote } from './notes.ts';

/** The person's grants to share a note with NAV: give, withdraw, and read them in batches. */
export function sharingRoutes({ state, now }: RouteContext): Router {
  const router = Router();

  router.post('/notes/:noteId/share-grants', (req, res) => {
    const note = visibleNote(req, res, state);
    if (!note) return;
    const body = parseOr400(res, grantSchema, req.body);
    if (!body) return;
    const caller = callerOf(res);
    const counsellor = isCounsellorOf(caller, note.centreId);
    if (caller.role !== 'PERSON' && !counsellor) return sendProblem(res, 403, 'FORBIDDEN', 'Only the owner, or a counsellor registering the owner\'s consent, shares a note.');
    // A counsellor only records consent the person gave orally or in writing; digital consent is the person's own act.
    if (counsellor && body.method === 'DIGITAL') {
      return sendProblem(res, 400, 'VALIDATION_FAILED', 'A counsellor registers MUNTLIG or SKRIFTLIG consent.', [{ field: 'method', message: 'MUNTLIG or SKRIFTLIG' }]);
    }
    if (note.status !== 'FERDIGSTILT') return sendProblem(res, 409, 'NOTE_NOT_FINAL', 'Only a final note can be shared.');
    if (activeGrant(state, note.id)) return sendProblem(res, 409, 'GRANT_ALREADY_ACTIVE', 'The note is already shared with NAV.');
    const grant: ShareGrant = {
      id: randomUUID(),
      noteId: note.id,
      grantee: 'NAV',
      purpose: body.purpose,
      givenAt: toOsloIso(now()),
      withdrawnAt: null,
      method: body.method,
      registeredBy: counsellor ? { type: 'KARRIERESENTER', counsellorId: caller.counsellorId! } : { type: 'BRUKER' },
    };
    state.shareGrants.push(grant);
    res.status(201).json(grant);
  });

  router.post('/notes/:noteId/share-grants/:grantId/withdraw', (req, res) => {
    const note = visibleNote(req, res, state);
    if (!note) return;
    const grant = state.shareGrants.find((g) => g.id === req.params.grantId && g.noteId === note.id);
    if (!grant) return sendNotFound(res, 'Grant');
    if (callerOf(res).role !== 'PERSON') return sendProblem(res, 403, 'FORBIDDEN', 'Only the person withdraws a grant.');
    if (grant.withdrawnAt !== null) return sendProblem(res, 409, 'GRANT_ALREADY_WITHDRAWN', 'The grant is already withdrawn.');
    grant.withdrawnAt = toOsloIso(now());
    res.json(grant);
  });

  router.post('/share-grants/search', (req, res) => {
    const body = parseOr400(res, grantSearchSchema, req.body);
    if (!body) return;
    const caller = callerOf(res);
    const wanted = new Set(body.noteIds);
    const grants = state.shareGrants
      .filter((g) => wanted.has(g.noteId))
      .filter((g) => {
        const note = state.notes.get(g.noteId);
        return note !== undefined && mayReadGrantsOf(caller, note);
      })
      .sort((a, b) => (a.noteId < b.noteId ? -1 : a.noteId > b.noteId ? 1 : Date.parse(a.givenAt) - Date.parse(b.givenAt)));
    res.json({ grants });
  });

  return router;
}

/**
 * Whose grants a caller may read: the owner's own, the centre's notes, and for NAV every grant ever given to
 * NAV (a grant row exists only for notes shared with NAV, so NAV learns nothing about notes never shared).
 */
function mayReadGrantsOf(caller: UpstreamCaller, note: Note): boolean {
  switch (caller.role) {
    case 'PERSON':
      return note.owner.fnr === caller.pid;
    case 'KARRIERESENTER':
      return note.centreId === caller.centreId;
    case 'NAV':
      return true;
    default:
      return false;
  }
}
