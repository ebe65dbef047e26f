import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GENERATED_FIXTURES_DIR, readFixtures } from '../support/fixtures.ts';
import { useStack } from '../support/stack.ts';
import { bookingInput, citizen, counsellorAt, karrieresenterSnapshot, noteContent, op } from './career.support.ts';

const fx = readFixtures(GENERATED_FIXTURES_DIR);
const ks = fx.karrieresenter;
// The reference day at noon: the same Oslo day, so no fixture time moves, and the morning's sessions have started.
const NOON = new Date(fx.now.getTime() + 4 * 60 * 60 * 1000);
const graph = useStack({ fixturesDir: GENERATED_FIXTURES_DIR, now: NOON });

const bookings = ks.bookings as any[];
const startedToday = bookings.find((b) => b.status === 'BOOKET' && Date.parse(b.start) <= NOON.getTime());
const counsellorOf = (centreId: string) => counsellorAt((ks.counsellors as any[]).find((c) => c.centreId === centreId).id, centreId);
const hasUpcoming = (fnr: string) => bookings.some((b) => b.person.fnr === fnr && b.status === 'BOOKET' && Date.parse(b.start) > NOON.getTime());
/** A course with three sessions that are not cancelled, of a person with nothing upcoming: a 4th is refused. */
const fullCourse = Object.values(
  bookings.reduce<Record<string, any[]>>((acc, b) => ((acc[b.courseId] ??= []).push(b), acc), {}),
).find((sessions) => sessions.filter((b) => b.status !== 'AVLYST').length === 3 && !hasUpcoming(sessions[0].person.fnr))!;

describe('the career subgraph on the generated set (300 persons)', () => {
  it('the set has a session that started this morning with no note yet, and a full course', () => {
    expect(startedToday).toBeDefined();
    expect((ks.notes as any[]).some((n) => n.courseId === startedToday.courseId)).toBe(false);
    expect(fullCourse).toBeDefined();
  });

  it('the counsellor records the session as held, writes the final note, and the person sees it as theirs', async () => {
    const counsellor = counsellorOf(startedToday.centreId);
    const done = await graph.query(counsellor, op.complete, { input: { bookingId: startedToday.id, attended: true } });
    expect(done.data!.completeGuidanceSession).toEqual({ booking: { id: startedToday.id, status: 'COMPLETED' }, userErrors: [] });
    const again = await graph.query(counsellor, op.complete, { input: { bookingId: startedToday.id, attended: false } });
    expect(again.data!.completeGuidanceSession.userErrors.map((e: any) => e.code)).toEqual(['OUTCOME_ALREADY_REGISTERED']);

    const input = { bookingId: startedToday.id, content: noteContent('Generert'), final: true, idempotencyKey: randomUUID() };
    const written = await graph.query(counsellor, op.writeNote, { input });
    expect(written.data!.writeCareerNote.userErrors).toEqual([]);
    const noteId = written.data!.writeCareerNote.note.id;
    // Sent twice with the same key: one note.
    await graph.query(counsellor, op.writeNote, { input });
    const notes = [...graph.stack.upstreams.karrieresenter.state.notes.values()].filter((n) => n.courseId === startedToday.courseId);
    expect(notes.map((n) => [n.id, n.status, n.owner.fnr])).toEqual([[noteId, 'FERDIGSTILT', startedToday.person.fnr]]);

    const mine = await graph.query(citizen(startedToday.person.fnr), `{ me { careerNotes { id status sharedWithNav content { needs } } } }`);
    expect(mine.data!.me.careerNotes).toContainEqual({ id: noteId, status: 'FINAL', sharedWithNav: false, content: { needs: 'Generert: behov' } });
  });

  it('a 4th session in a course is refused with COURSE_FULL and nothing is booked', async () => {
    const person = fullCourse[0].person.fnr;
    const slot = (ks.slots as any[]).find((s) => s.centreId === fullCourse[0].centreId && Date.parse(s.start) > NOON.getTime() && s.modes.includes('DIGITAL'));
    const before = karrieresenterSnapshot(graph.stack);
    const res = await graph.query(citizen(person), op.bookGuidance, { input: bookingInput(person, slot.id, 'DIGITAL', { previousBookingId: fullCourse[2].id }) });
    expect(res.data!.bookGuidance).toEqual({ booking: null, userErrors: [expect.objectContaining({ code: 'COURSE_FULL' })] });
    expect(karrieresenterSnapshot(graph.stack)).toBe(before);
  });

  it('the counsellor\'s day lists the sessions of their centre as the booking system holds them', async () => {
    const day = startedToday.start.slice(0, 10);
    const res = await graph.query(counsellorOf(startedToday.centreId), op.counsellorDay, { centreId: startedToday.centreId, date: day });
    const expected = bookings.filter((b) => b.centreId === startedToday.centreId && b.start.slice(0, 10) === day).sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.id.localeCompare(b.id));
    expect(res.data!.centreBookings.map((b: any) => [b.id, b.person.ident])).toEqual(expected.map((b) => [b.id, b.person.fnr]));
  });
});
