import { describe, expect, it } from 'vitest';
import { DEMO_FIXTURES_DIR } from '../../stand-ins/common/fixtures.ts';
import { instants, navAdvisor, navMayRead, noteContent, noteSharedWithNav, openPeriod, readFixtures } from '../support/fixtures.ts';
import { DEMO, useStack, type GraphQLResult } from '../support/stack.ts';

const fx = readFixtures(DEMO_FIXTURES_DIR);
const Z990001 = navAdvisor(fx, 'Z990001');
const Z990004 = navAdvisor(fx, 'Z990004');

/** Every Person field of every subgraph, through the gateway. */
const PERSON = `query($ident: ID!) { person(ident: $ident) {
  ident age inTargetGroup followUp { startedAt innsatsgruppe office { id } } activityPlan { activities { id title dialogue { id messages { text } } } }
  guidanceBookings { id status startsAt } careerNotes { id sharedWithNav content { interests } } skillsMappingRequests { id status }
} }`;

/** Each subgraph's own Person fields, asked for straight through `_entities` (as the gateway would join them). */
const ENTITY_FIELDS = {
  nav: 'age inTargetGroup followUp { startedAt } activityPlan { activities { id } }',
  career: 'guidanceBookings { id status } careerNotes { id content { interests } }',
  training: 'completedSubjects { code } practice { employer } apprenticeships { employer } skillsMappingRequests { id }',
} as const;
const entities = (fields: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ${fields} } } }`;

const codes = (res: GraphQLResult) => (res.errors ?? []).map((e) => e.extensions?.code);
/** Every leaf value in a response object other than `ident`: what would have been disclosed. */
const disclosed = (value: unknown, key = ''): unknown[] => {
  if (value === null || value === undefined || key === 'ident' || key === '__typename') return [];
  if (Array.isArray(value)) return value.flatMap((v) => disclosed(v));
  if (typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => disclosed(v, k));
  return [value];
};

describe('a NAV advisor and a person poao-tilgang denies (P08, shielded)', () => {
  const graph = useStack();

  it('the fixtures make P08 shielded: Z990001 may not read, Z990004 may', () => {
    expect(navMayRead(fx, 'Z990001', DEMO.P08)).toBe(false);
    expect(navMayRead(fx, 'Z990004', DEMO.P08)).toBe(true);
  });

  it('Z990001 gets FORBIDDEN and no data through the gateway', async () => {
    const res = await graph.query(Z990001, PERSON, { ident: DEMO.P08 });
    expect(res.status).toBe(200);
    expect(res.data?.person).toBeNull();
    expect(codes(res)).toContain('FORBIDDEN');
    expect(codes(res).every((c) => c === 'FORBIDDEN')).toBe(true);
  });

  for (const [subgraph, fields] of Object.entries(ENTITY_FIELDS) as [keyof typeof ENTITY_FIELDS, string][]) {
    it(`Z990001 gets FORBIDDEN and no data from the ${subgraph} subgraph's _entities as well`, async () => {
      const res = await graph.subgraphQuery(subgraph, Z990001, entities(fields), { r: [{ __typename: 'Person', ident: DEMO.P08 }] });
      expect(res.status).toBe(200);
      expect(disclosed(res.data)).toEqual([]);
      // One FORBIDDEN per Person field of the subgraph: each is refused where it is resolved.
      const personFields = [...fields.replace(/\{[^{}]*\}/g, '').replace(/\{[^{}]*\}/g, '').matchAll(/[A-Za-z]+/g)].map((m) => m[0]);
      const refused = (res.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN').map((e) => e.path?.at(-1));
      expect(refused.sort()).toEqual(personFields.sort());
      expect(codes(res).every((c) => c === 'FORBIDDEN')).toBe(true);
    });
  }

  it('every refusal is in the audit trail with the advisor, the person and Deny', async () => {
    await graph.query(Z990001, PERSON, { ident: DEMO.P08 });
    const denials = graph.auditLines().filter((l) => l.includes('suid=Z990001') && l.includes(`duid=${DEMO.P08}`));
    expect(denials.length).toBeGreaterThan(0);
    expect(denials.every((l) => l.includes('flexString1=Deny'))).toBe(true);
  });

  it('Z990004 (may see shielded persons) reads P08 as the fixtures hold it, with only what NAV may see', async () => {
    const res = await graph.query(Z990004, PERSON, { ident: DEMO.P08 });
    expect(res.errors).toBeUndefined();
    const period = openPeriod(fx, DEMO.P08)!;
    const activities = (fx.nav.aktiviteter as any[]).filter((a) => a.oppfolgingsperiodeId === period.uuid).map((a) => a.id).sort();
    const p = res.data?.person;
    expect(p.ident).toBe(DEMO.P08);
    expect(instants(p.followUp.startedAt)).toBe(instants(period.startDato));
    expect(p.activityPlan.activities.map((a: { id: string }) => a.id).sort()).toEqual(activities);
    // P08's booking is not visible to NAV and his note is not shared: both lists are empty for NAV.
    const navVisible = (fx.karrieresenter.bookings as any[]).filter(
      (b) => b.person.fnr === DEMO.P08 && (b.bookedBy.type === 'NAV' || b.navAdvisorAttending != null || b.visibleToNav),
    );
    expect(p.guidanceBookings.map((b: { id: string }) => b.id)).toEqual(navVisible.map((b) => b.id));
    expect(p.careerNotes).toEqual([]);
  });
});

describe('a NAV advisor and career notes', () => {
  const graph = useStack();
  const notesOf = (ident: string) => (fx.karrieresenter.notes as any[]).filter((n) => n.owner.fnr === ident);

  it('sees no trace of a note P02 never shared: an empty list and no error', async () => {
    expect(notesOf(DEMO.P02).length).toBeGreaterThan(0);
    expect(notesOf(DEMO.P02).some((n) => noteSharedWithNav(fx, n))).toBe(false);
    const res = await graph.query(Z990001, `query($ident: ID!) { person(ident: $ident) { careerNotes { id writtenAt sharedWithNav } } }`, { ident: DEMO.P02 });
    expect(res.errors).toBeUndefined();
    expect(res.data?.person.careerNotes).toEqual([]);
  });

  it('reads the note P01 shares, in full', async () => {
    const shared = notesOf(DEMO.P01).filter((n) => noteSharedWithNav(fx, n));
    expect(shared.length).toBeGreaterThan(0);
    const q = `query($ident: ID!) { person(ident: $ident) { careerNotes { id writtenAt sharedWithNav content {
      educationAndWorkExperience interests strengths motivationAndMastery values needs wayForward explorationTips questionsForNavOrTraining } } } }`;
    const res = await graph.query(Z990001, q, { ident: DEMO.P01 });
    expect(res.errors).toBeUndefined();
    expect(instants(res.data?.person.careerNotes)).toEqual(
      instants(shared.map((n) => ({ id: n.id, writtenAt: n.createdAt, sharedWithNav: true, content: noteContent(n) }))),
    );
  });

  it('does not see the note P03 withdrew from NAV', async () => {
    const res = await graph.query(Z990001, `query($ident: ID!) { person(ident: $ident) { careerNotes { id } } }`, { ident: DEMO.P03 });
    expect(res.errors).toBeUndefined();
    expect(res.data?.person.careerNotes).toEqual(notesOf(DEMO.P03).filter((n) => noteSharedWithNav(fx, n)).map((n) => ({ id: n.id })));
  });
});
