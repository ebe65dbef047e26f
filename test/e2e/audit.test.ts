import { describe, expect, it } from 'vitest';
import { DEMO, useStack } from '../support/stack.ts';

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
