import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_FIXTURES_DIR } from '../../stand-ins/common/fixtures.ts';
import { navAdvisor, readFixtures } from '../support/fixtures.ts';
import { DEMO, useStack } from '../support/stack.ts';
import { citizen, counsellorAt, karrieresenterSnapshot, noteContent, op } from './career.support.ts';

const fx = readFixtures(DEMO_FIXTURES_DIR);
const ks = fx.karrieresenter;
const graph = useStack();
const Z990001 = navAdvisor(fx, 'Z990001');
const KV101 = counsellorAt('KV-101', 'KS-TRD');
const KV201 = counsellorAt('KV-201', 'KS-STK');

// P05 Thea: sessions 1 and 2 held, 3 upcoming; her note is a draft (the fixture).
const theaNote = (ks.notes as any[]).find((n) => n.owner.fnr === DEMO.P05);
const theaHeld = (ks.bookings as any[]).find((b) => b.person.fnr === DEMO.P05 && b.status === 'GJENNOMFORT');
const theaUpcoming = (ks.bookings as any[]).find((b) => b.person.fnr === DEMO.P05 && b.status === 'BOOKET');
const NAV_NOTES = `query($ident: ID!) { person(ident: $ident) { careerNotes { id content { wayForward } } } }`;

describe('summary notes: written by the counsellor, owned and shared by the person', () => {
  it('the fixture: P05\'s note is a draft at KS-TRD, one of her sessions was held and one is upcoming', () => {
    expect([theaNote.status, theaNote.centreId, theaHeld.centreId, theaUpcoming.centreId]).toEqual(['UTKAST', 'KS-TRD', 'KS-TRD', 'KS-TRD']);
  });

  it('sharing a draft is refused with NOTE_NOT_FINAL and nothing is granted', async () => {
    const before = karrieresenterSnapshot(graph.stack);
    const res = await graph.query(citizen(DEMO.P05), op.share, { input: { noteId: theaNote.id } });
    expect(res.data!.shareCareerNote).toEqual({ note: null, userErrors: [expect.objectContaining({ code: 'NOTE_NOT_FINAL', field: 'noteId' })] });
    expect(karrieresenterSnapshot(graph.stack)).toBe(before);
  });

  it('refuses a note before the session is held, a session of another centre, and unbounded sections, changing nothing', async () => {
    const before = karrieresenterSnapshot(graph.stack);
    const write = async (caller: typeof KV101, input: Record<string, unknown>) =>
      (await graph.query(caller, op.writeNote, { input: { idempotencyKey: randomUUID(), content: noteContent('x'), ...input } })).data!.writeCareerNote;
    expect((await write(KV101, { bookingId: theaUpcoming.id })).userErrors.map((e: any) => e.code)).toEqual(['SESSION_NOT_COMPLETED']);
    expect((await write(KV201, { bookingId: theaHeld.id })).userErrors.map((e: any) => e.code)).toEqual(['BOOKING_NOT_FOUND']);
    const tooLong = await write(KV101, { bookingId: theaHeld.id, content: { ...noteContent('x'), interests: 'a'.repeat(4001) } });
    expect(tooLong.userErrors.map((e: any) => [e.code, e.field])).toEqual([['INVALID_INPUT', 'content.interests']]);
    const gap = await write(KV101, { bookingId: theaHeld.id, final: true, content: { ...noteContent('x'), needs: '  ' } });
    expect(gap.userErrors.map((e: any) => [e.code, e.field])).toEqual([['INVALID_INPUT', 'content.needs']]);
    expect(karrieresenterSnapshot(graph.stack)).toBe(before);
  });

  it('an edit from a stale read is refused with VERSION_CONFLICT and writes nothing; from the current read it is written', async () => {
    const current = graph.stack.upstreams.karrieresenter.state.notes.get(theaNote.id)!.version;
    const edit = (expectedVersion: number) =>
      graph.query(KV101, op.writeNote, { input: { bookingId: theaHeld.id, content: noteContent('Utkast'), idempotencyKey: randomUUID(), expectedVersion } });
    const before = karrieresenterSnapshot(graph.stack);
    const stale = await edit(current - 1);
    expect(stale.data!.writeCareerNote).toEqual({ note: null, userErrors: [expect.objectContaining({ code: 'VERSION_CONFLICT', field: 'expectedVersion' })] });
    expect(karrieresenterSnapshot(graph.stack)).toBe(before);
    expect((await edit(current)).data!.writeCareerNote.userErrors).toEqual([]);
    expect(graph.stack.upstreams.karrieresenter.state.notes.get(theaNote.id)!.sections.wayForward).toBe('Utkast: veien videre');
  });

  it('a counsellor finalises the draft; the person shares it and NAV reads it from the next request; withdrawn, NAV reads nothing', async () => {
    const input = { bookingId: theaHeld.id, content: noteContent('Thea'), final: true, idempotencyKey: randomUUID() };
    const written = await graph.query(KV101, op.writeNote, { input });
    expect(written.errors).toBeUndefined();
    expect(written.data!.writeCareerNote).toEqual({ note: { id: theaNote.id, writtenAt: expect.any(String), sharedWithNav: false }, userErrors: [] });
    const stored = graph.stack.upstreams.karrieresenter.state.notes.get(theaNote.id)!;
    expect([stored.status, stored.sections.wayForward]).toEqual(['FERDIGSTILT', 'Thea: veien videre']);
    // The same request again changes nothing.
    const version = stored.version;
    expect((await graph.query(KV101, op.writeNote, { input })).data!.writeCareerNote.userErrors).toEqual([]);
    expect(graph.stack.upstreams.karrieresenter.state.notes.get(theaNote.id)!.version).toBe(version);

    expect((await graph.query(Z990001, NAV_NOTES, { ident: DEMO.P05 })).data!.person.careerNotes).toEqual([]);
    const shared = await graph.query(citizen(DEMO.P05), op.share, { input: { noteId: theaNote.id } });
    expect(shared.data!.shareCareerNote).toEqual({ note: { id: theaNote.id, sharedWithNav: true }, userErrors: [] });
    expect((await graph.query(Z990001, NAV_NOTES, { ident: DEMO.P05 })).data!.person.careerNotes).toEqual([{ id: theaNote.id, content: { wayForward: 'Thea: veien videre' } }]);

    const withdrawn = await graph.query(citizen(DEMO.P05), op.withdraw, { input: { noteId: theaNote.id } });
    expect(withdrawn.data!.withdrawCareerNoteSharing).toEqual({ note: { id: theaNote.id, sharedWithNav: false }, userErrors: [] });
    expect((await graph.query(Z990001, NAV_NOTES, { ident: DEMO.P05 })).data!.person.careerNotes).toEqual([]);
    const grants = graph.stack.upstreams.karrieresenter.state.shareGrants.filter((g) => g.noteId === theaNote.id);
    expect(grants.map((g) => [g.registeredBy.type, g.withdrawnAt !== null])).toEqual([['BRUKER', true]]);
  });

  it('a final note can no longer be edited: NOTE_FINAL', async () => {
    const before = karrieresenterSnapshot(graph.stack);
    const res = await graph.query(KV101, op.writeNote, { input: { bookingId: theaHeld.id, content: noteContent('endret'), idempotencyKey: randomUUID() } });
    expect(res.data!.writeCareerNote.userErrors.map((e: any) => e.code)).toEqual(['NOTE_FINAL']);
    expect(karrieresenterSnapshot(graph.stack)).toBe(before);
  });

  it('only the owner shares or withdraws: another person gets NOTE_NOT_FOUND, NAV and counsellors FORBIDDEN', async () => {
    const emmaNote = (ks.notes as any[]).find((n) => n.owner.fnr === DEMO.P01);
    const before = karrieresenterSnapshot(graph.stack);
    const other = await graph.query(citizen(DEMO.P05), op.withdraw, { input: { noteId: emmaNote.id } });
    expect(other.data!.withdrawCareerNoteSharing.userErrors.map((e: any) => e.code)).toEqual(['NOTE_NOT_FOUND']);
    for (const caller of [Z990001, KV101]) {
      const res = await graph.query(caller, op.withdraw, { input: { noteId: emmaNote.id } });
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(karrieresenterSnapshot(graph.stack)).toBe(before);
  });
});

describe('the counsellor\'s day', () => {
  const day = theaUpcoming.start.slice(0, 10);

  it('lists every session at the counsellor\'s own centre on that day, with the person\'s key', async () => {
    const res = await graph.query(KV101, op.counsellorDay, { centreId: 'KS-TRD', date: day });
    expect(res.errors).toBeUndefined();
    const expected = [...graph.stack.upstreams.karrieresenter.state.bookings.values()]
      .filter((b) => b.centreId === 'KS-TRD' && b.start.slice(0, 10) === day)
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
    expect(expected.length).toBeGreaterThan(0);
    expect(res.data!.centreBookings.map((b: any) => [b.id, b.sequence, b.person.ident])).toEqual(expected.map((b) => [b.id, b.sessionNumber, b.person.fnr]));
  });

  it('is FORBIDDEN for another centre, for NAV and for the person', async () => {
    for (const caller of [KV201, Z990001, citizen(DEMO.P05)]) {
      const res = await graph.query(caller, op.counsellorDay, { centreId: 'KS-TRD', date: day });
      expect(res.data?.centreBookings ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('an outcome cannot be recorded before the session starts: SESSION_NOT_STARTED', async () => {
    const before = karrieresenterSnapshot(graph.stack);
    const res = await graph.query(KV101, op.complete, { input: { bookingId: theaUpcoming.id, attended: true } });
    expect(res.data!.completeGuidanceSession.userErrors.map((e: any) => e.code)).toEqual(['SESSION_NOT_STARTED']);
    expect(karrieresenterSnapshot(graph.stack)).toBe(before);
  });
});
