import { describe, expect, it } from 'vitest';
import { DEMO_FIXTURES_DIR } from '../../stand-ins/common/fixtures.ts';
import { readFixtures } from '../support/fixtures.ts';
import { DEMO, useStack } from '../support/stack.ts';
import { cefFields } from '../probes/audit.ts';

const advisor = { role: 'nav-advisor', navIdent: 'Z990001', azureId: '6f1d3c1e-2b7a-4c3e-9a0f-990001000001' } as const;
const overview = `query($ident: ID!) { person(ident: $ident) { ident followUp { innsatsgruppe } careerNotes { id } guidanceBookings { id } } }`;

describe('the audit trail', () => {
  const graph = useStack();
  const linesOf = (callId: string) => graph.auditLines().filter((l) => l.includes(`sproc=${callId} `));

  it('records each disclosure to an advisor in CEF, with actor, subject, call id and the grant of a shared note', async () => {
    const res = await graph.query(advisor, overview, { ident: DEMO.P01 }, { 'Nav-Call-Id': 'audit-permit-1' });
    expect(res.errors).toBeUndefined();
    const lines = linesOf('audit-permit-1');
    for (const coordinate of ['Person.followUp', 'Person.careerNotes', 'Person.guidanceBookings']) {
      expect(lines.some((l) => l.includes(`request=${coordinate} `) && l.includes('flexString1=Permit'))).toBe(true);
    }
    const noteLine = lines.find((l) => / request=CareerNote /.test(l) && l.includes('flexString1=Permit'));
    expect(noteLine).toMatch(/^CEF:0\|fagbrev-graph\|career\|1\.0\|audit:access\|Personal data access\|INFO\|end=\d+ suid=Z990001 duid=14820482817 sproc=audit-permit-1 /);
    expect(noteLine).toContain('cs3=CAREER_NOTE_SHARING');
    expect(noteLine).toMatch(/cs5=[0-9a-f-]{36}/);
  });

  it('records each refusal, with its reason', async () => {
    const res = await graph.query(advisor, overview, { ident: DEMO.P08 }, { 'Nav-Call-Id': 'audit-deny-1' });
    expect(res.data?.person).toBeNull();
    const lines = linesOf('audit-deny-1');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.includes('duid=08839918047') && l.includes('flexString1=Deny'))).toBe(true);
    expect(lines.some((l) => l.includes('IKKE_TILGANG_TIL_SKJERMET_PERSON'))).toBe(true);
  });

  it('records nothing when a person reads their own data', async () => {
    await graph.query({ role: 'citizen', ident: DEMO.P01 }, '{ me { followUp { innsatsgruppe } careerNotes { id } } }', {}, { 'Nav-Call-Id': 'audit-own-1' });
    expect(linesOf('audit-own-1')).toEqual([]);
  });
});

type Json = Record<string, any>;
const fx = readFixtures(DEMO_FIXTURES_DIR);
const noteOf = (ident: string) => (fx.karrieresenter.notes as Json[]).find((n) => n.owner.fnr === ident)!;
const bookingOf = (ident: string) => (fx.karrieresenter.bookings as Json[]).find((b) => b.person.fnr === ident)!;

describe('every decision about another person\'s data leaves exactly one record, with the final decision', () => {
  const graph = useStack();
  let calls = 0;
  /** Sends the query with a fresh call id and answers it with the audit records it caused, as CEF fields. */
  const ask = async (caller: Parameters<typeof graph.query>[0], query: string, ident: string) => {
    const callId = `audit-one-${++calls}`;
    const res = await graph.query(caller, query, { ident }, { 'Nav-Call-Id': callId });
    const records = graph.auditLines().map(cefFields).filter((f) => f.sproc === callId);
    return { res, records };
  };
  const about = (records: Record<string, string>[], coordinate: string, objectId?: string) =>
    records.filter((r) => r.request === coordinate && (objectId === undefined || r.cs4 === objectId));
  const NOTES = 'query($ident: ID!) { person(ident: $ident) { careerNotes { id } } }';
  const BOOKINGS = 'query($ident: ID!) { person(ident: $ident) { guidanceBookings { id } } }';

  it('NAV asking for P02\'s never-shared note: one Deny naming the note, and an answer that does not show it exists', async () => {
    const note = noteOf(DEMO.P02);
    const { res, records } = await ask(advisor, NOTES, DEMO.P02);
    expect(res).toMatchObject({ data: { person: { careerNotes: [] } } });
    expect(res.errors).toBeUndefined();
    expect(JSON.stringify(res)).not.toContain(note.id);
    expect(about(records, 'CareerNote')).toEqual([
      expect.objectContaining({ suid: 'Z990001', duid: DEMO.P02, cs4Label: 'ObjectId', cs4: note.id, flexString1: 'Deny', flexString2: 'CONSENT_REQUIRED:NO_GRANT', cs3: 'CAREER_NOTE_SHARING' }),
    ]);
  });

  it('NAV asking for P03\'s note after she withdrew sharing: one Deny naming the note and the withdrawn grant', async () => {
    const note = noteOf(DEMO.P03);
    const grant = (fx.karrieresenter.shareGrants as Json[]).find((g) => g.noteId === note.id)!;
    expect(grant.withdrawnAt).not.toBeNull();
    const { res, records } = await ask(advisor, NOTES, DEMO.P03);
    expect(res.data?.person.careerNotes).toEqual([]);
    expect(about(records, 'CareerNote')).toEqual([
      expect.objectContaining({ duid: DEMO.P03, cs4: note.id, flexString1: 'Deny', flexString2: 'CONSENT_REQUIRED:GRANT_NOT_ACTIVE', cs5Label: 'GrantId', cs5: grant.id }),
    ]);
  });

  it('NAV asking for P06\'s bookings: one Deny for the session he keeps from NAV', async () => {
    const booking = bookingOf(DEMO.P06);
    expect(booking.visibleToNav).toBe(false);
    const { res, records } = await ask(advisor, BOOKINGS, DEMO.P06);
    expect(res.data?.person.guidanceBookings).toEqual([]);
    expect(JSON.stringify(res)).not.toContain(booking.id);
    expect(about(records, 'GuidanceBooking')).toEqual([
      expect.objectContaining({ duid: DEMO.P06, cs4: booking.id, flexString1: 'Deny', flexString2: 'FORBIDDEN:NOT_VISIBLE_TO_NAV' }),
    ]);
  });

  it('a Trondheim counsellor asking for P07\'s note, written in Steinkjer: one Deny', async () => {
    const note = noteOf(DEMO.P07);
    expect(note.centreId).toBe('KS-STK');
    const { res, records } = await ask({ role: 'career-counsellor', counsellorId: 'KV-101', centreId: 'KS-TRD' }, NOTES, DEMO.P07);
    expect(res.data?.person.careerNotes).toEqual([]);
    expect(about(records, 'CareerNote')).toEqual([
      expect.objectContaining({ suid: 'KV-101', duid: DEMO.P07, cs4: note.id, flexString1: 'Deny', flexString2: 'FORBIDDEN:OTHER_CENTRE' }),
    ]);
  });

  it('a Person field refused by consent after access was permitted is one Deny, not a Permit and a Deny', async () => {
    // NAV may see P01 (poao-tilgang PERMIT) but is no grantee of her completed subjects.
    const nav = await ask(advisor, 'query($ident: ID!) { person(ident: $ident) { completedSubjects { code } } }', DEMO.P01);
    expect(nav.res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(about(nav.records, 'Person.completedSubjects')).toEqual([expect.objectContaining({ duid: DEMO.P01, flexString1: 'Deny', flexString2: 'FORBIDDEN:NOT_A_GRANTEE' })]);
    // Fagopplæringen works on P07's request, but her consent does not cover apprenticeship contracts.
    const training = await ask({ role: 'training-advisor', advisorId: 'FR-01' }, 'query($ident: ID!) { person(ident: $ident) { apprenticeships { employer } } }', DEMO.P07);
    expect(training.res.errors?.map((e) => e.extensions?.code)).toEqual(['CONSENT_REQUIRED']);
    expect(about(training.records, 'Person.apprenticeships')).toEqual([expect.objectContaining({ duid: DEMO.P07, flexString1: 'Deny', flexString2: expect.stringMatching(/^CONSENT_REQUIRED:/) })]);
  });

  it('a disclosure names the object: NAV reading P01\'s shared note is one Permit with the note and its grant', async () => {
    const note = noteOf(DEMO.P01);
    const { records } = await ask(advisor, 'query($ident: ID!) { person(ident: $ident) { careerNotes { id } alias: careerNotes { id sharedWithNav } } }', DEMO.P01);
    expect(about(records, 'CareerNote')).toEqual([expect.objectContaining({ cs4: note.id, flexString1: 'Permit', cs5: expect.stringMatching(/^[0-9a-f-]{36}$/) })]);
    expect(about(records, 'Person.careerNotes')).toEqual([expect.objectContaining({ flexString1: 'Permit' })]);
  });
});

describe('when the audit trail cannot be written', () => {
  // A file under /dev/null can never be created.
  const graph = useStack({ auditLogFile: '/dev/null/audit.log' });

  it('discloses nothing that could not be recorded', async () => {
    const res = await graph.query(advisor, overview, { ident: DEMO.P01 });
    expect(res.data?.person?.followUp ?? null).toBeNull();
    expect(res.data?.person?.careerNotes ?? null).toBeNull();
    expect(JSON.stringify(res)).not.toContain('STANDARD_INNSATS');
    expect(res.errors?.map((e) => e.extensions?.code)).toContain('INTERNAL_SERVER_ERROR');
  });
});
