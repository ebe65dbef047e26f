import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDS, P, snapshot, startHarness, tokens, type Harness } from './test-helpers.ts';

const sections = {
  schoolAndWorkExperience: 'Vg1 elektro.',
  interests: 'Skru og fikse.',
  skillsUsedAndDeveloped: 'Nøyaktig.',
  motivationAndMasteryFactors: 'Praktiske oppgaver.',
  values: 'Trygghet.',
  needs: 'Oversikt.',
  wayForward: 'Vg2 som voksen.',
  tipsForFurtherExploration: 'utdanning.no',
  questionsForNavOrTraining: 'Hva kan godkjennes?',
};

describe('summary notes', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.close());

  /** A new course for Emma (one booked session), so a note can be started for it. */
  async function newCourse(): Promise<string> {
    const booked = await h.call('createBooking', 'POST', '/bookings', {
      token: tokens.person(P.emma),
      headers: { 'Idempotency-Key': randomUUID() },
      body: { slotId: 'SL-KS-TRD-20261127-1000-KV-101', mode: 'DIGITAL', person: { fnr: P.emma, firstName: 'Emma', lastName: 'Strand', email: 'emma@example.com' }, bookedBy: { type: 'BRUKER' } },
    });
    return booked.body.courseId;
  }
  const createNote = (body: unknown, token = tokens.counsellor('KV-101'), key: string = randomUUID()) =>
    h.call('createNote', 'POST', '/notes', { token, body, headers: { 'Idempotency-Key': key } });
  const updateNote = (id: string, body: unknown, ifMatch?: string, token = tokens.counsellor('KV-101')) =>
    h.call('updateNote', 'PUT', `/notes/${id}`, { token, body, headers: ifMatch ? { 'If-Match': ifMatch } : {} });

  describe('creating', () => {
    it('starts a draft owned by the course\'s person, written by the calling counsellor', async () => {
      const courseId = await newCourse();
      const reply = await createNote({ courseId, sections });
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ owner: { type: 'PERSON', fnr: P.emma }, courseId, centreId: 'KS-TRD', counsellorId: 'KV-101', status: 'UTKAST', finalizedAt: null, version: 1 });
      expect(reply.headers.get('etag')).toBe('"1"');
      expect(h.state.notes.get(reply.body.id)).toBeDefined();
    });

    it('replays the first response for a retried request with the same Idempotency-Key', async () => {
      const courseId = await newCourse();
      const key = randomUUID();
      const first = await createNote({ courseId, sections }, tokens.counsellor('KV-101'), key);
      const again = await createNote({ courseId, sections }, tokens.counsellor('KV-101'), key);
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body.id).toBe(first.body.id);
      expect(h.state.notes.size).toBe(13);
      const reused = await createNote({ courseId, sections: { ...sections, values: 'Annet' } }, tokens.counsellor('KV-101'), key);
      expect(reused.status).toBe(422);
      expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('answers 409 NOTE_EXISTS for a second note on a course', async () => {
      const reply = await createNote({ courseId: IDS.emmaCourse, sections });
      expect(reply.status).toBe(409);
      expect(reply.body.code).toBe('NOTE_EXISTS');
    });

    it('is for counsellors of the course\'s centre only, and refuses an unknown course', async () => {
      const courseId = await newCourse();
      expect((await createNote({ courseId, sections }, tokens.person(P.emma))).status).toBe(403);
      expect((await createNote({ courseId, sections }, tokens.counsellor('KV-201', 'KS-STK'))).status).toBe(403);
      const unknown = await createNote({ courseId: randomUUID(), sections });
      expect(unknown.status).toBe(422);
      expect(h.state.notes.size).toBe(12);
    });

    it('answers 400 for missing sections and changes nothing', async () => {
      const courseId = await newCourse();
      const before = snapshot(h.state);
      const reply = await createNote({ courseId, sections: { interests: 'x' } });
      expect(reply.status).toBe(400);
      expect(snapshot(h.state)).toBe(before);
    });
  });

  describe('reading', () => {
    it('gives the owner and the centre the note, NAV only while it is shared, others 404', async () => {
      const path = `/notes/${IDS.mathiasNote}`;
      expect((await h.call('getNote', 'GET', path, { token: tokens.person(P.mathias) })).status).toBe(200);
      expect((await h.call('getNote', 'GET', path, { token: tokens.counsellor('KV-103') })).status).toBe(200);
      expect((await h.call('getNote', 'GET', path, { token: tokens.nav() })).status).toBe(404);
      expect((await h.call('getNote', 'GET', path, { token: tokens.person(P.emma) })).status).toBe(404);
      expect((await h.call('getNote', 'GET', path, { token: tokens.counsellor('KV-201', 'KS-STK') })).status).toBe(404);
      expect((await h.call('getNote', 'GET', path, { token: tokens.partner() })).status).toBe(404);
      const shared = await h.call('getNote', 'GET', `/notes/${IDS.emmaNote}`, { token: tokens.nav() });
      expect(shared.status).toBe(200);
      expect(shared.headers.get('etag')).toBe('"3"');
    });

    it('answers NAV 404 for a note whose sharing was withdrawn', async () => {
      expect((await h.call('getNote', 'GET', `/notes/${IDS.saraNote}`, { token: tokens.nav() })).status).toBe(404);
    });

    it('searches a person\'s notes with the same rules', async () => {
      const search = (token: string, fnr: string) => h.call('searchNotes', 'POST', '/notes/search', { token, body: { fnr } });
      expect((await search(tokens.nav(), P.mathias)).body.notes).toEqual([]);
      expect((await search(tokens.nav(), P.emma)).body.notes.map((n: { id: string }) => n.id)).toEqual([IDS.emmaNote]);
      expect((await search(tokens.person(P.emma), P.emma)).body.notes).toHaveLength(1);
      expect((await search(tokens.person(P.emma), P.mathias)).status).toBe(403);
      expect((await search(tokens.partner(), P.emma)).status).toBe(403);
    });
  });

  describe('editing', () => {
    it('replaces the sections of a draft and finalises it', async () => {
      const draft = await updateNote(IDS.theaNote, { sections, status: 'UTKAST' }, '"2"');
      expect(draft.status).toBe(200);
      expect(draft.body).toMatchObject({ status: 'UTKAST', version: 3, finalizedAt: null, sections });
      expect(draft.headers.get('etag')).toBe('"3"');
      const final = await updateNote(IDS.theaNote, { sections, status: 'FERDIGSTILT' }, '"3"');
      expect(final.body).toMatchObject({ status: 'FERDIGSTILT', version: 4, finalizedAt: '2026-11-26T08:00:00.000+01:00' });
    });

    it('answers 428 without If-Match and 412 VERSION_MISMATCH with a stale one, changing nothing', async () => {
      const before = snapshot(h.state);
      const missing = await updateNote(IDS.theaNote, { sections, status: 'UTKAST' });
      expect(missing.status).toBe(428);
      const stale = await updateNote(IDS.theaNote, { sections, status: 'UTKAST' }, '"1"');
      expect(stale.status).toBe(412);
      expect(stale.body.code).toBe('VERSION_MISMATCH');
      expect(snapshot(h.state)).toBe(before);
    });

    it('answers 409 NOTE_FINAL for a final note', async () => {
      const reply = await updateNote(IDS.emmaNote, { sections, status: 'FERDIGSTILT' }, '"3"');
      expect(reply.status).toBe(409);
      expect(reply.body.code).toBe('NOTE_FINAL');
    });

    it('is for the centre\'s counsellors: the owner gets 403, another centre 404', async () => {
      expect((await updateNote(IDS.theaNote, { sections, status: 'UTKAST' }, '"2"', tokens.person(P.thea))).status).toBe(403);
      expect((await updateNote(IDS.theaNote, { sections, status: 'UTKAST' }, '"2"', tokens.counsellor('KV-201', 'KS-STK'))).status).toBe(404);
    });

    it('answers 400 for an unknown status', async () => {
      const reply = await updateNote(IDS.theaNote, { sections, status: 'SLETTET' }, '"2"');
      expect(reply.status).toBe(400);
      expect(h.state.notes.get(IDS.theaNote)?.version).toBe(2);
    });
  });
});
