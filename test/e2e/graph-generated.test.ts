import { describe, expect, it } from 'vitest';
import {
  GENERATED_FIXTURES_DIR,
  expectedCitizenOverview,
  instants,
  navAdvisor,
  navMayRead,
  noteSharedWithNav,
  operationText,
  readFixtures,
} from '../support/fixtures.ts';
import { useStack } from '../support/stack.ts';

type Json = Record<string, any>;
const fx = readFixtures(GENERATED_FIXTURES_DIR);
const CITIZEN_OVERVIEW = operationText('citizen.graphql', 'CitizenOverview');
const persons = fx.nav.personer as Json[];
const Z990001 = navAdvisor(fx, 'Z990001');
const Z990004 = navAdvisor(fx, 'Z990004');

/** The first person of the generated set with a property, or a failing test when the set has none. */
function pick(what: string, test: (p: Json) => boolean): string {
  const found = persons.find(test);
  if (!found) throw new Error(`the generated set has no ${what}`);
  return found.fnr as string;
}
const has = (list: Json[], ident: string, key: (r: Json) => string) => list.some((r) => key(r) === ident);

const picks = {
  'a shielded person': pick('shielded person', (p) => p.skjermet && p.diskresjonskode === 'UGRADERT'),
  'a person with a D-number': pick('D-number', (p) => Number(p.fnr.slice(0, 2)) > 40 && p.underOppfolging),
  'a person who shares a note with NAV': pick('shared note', (p) =>
    (fx.karrieresenter.notes as Json[]).some((n) => n.owner.fnr === p.fnr && noteSharedWithNav(fx, n)) && navMayRead(fx, 'Z990001', p.fnr),
  ),
  'a person with a mapping request and a sent plan': pick('mapping request with a sent plan', (p) =>
    (fx.fagopplaering.kartlegginger as Json[]).some(
      (k) => k.fnr === p.fnr && (fx.fagopplaering.opplaeringsplaner as Json[]).some((pl) => pl.id === k.opplaeringsplanId && pl.sendt),
    ),
  ),
  'a person with bookings': pick('person with bookings', (p) => has(fx.karrieresenter.bookings, p.fnr, (b) => b.person.fnr)),
  'a person with an unpublished meeting summary': pick('unpublished summary', (p) =>
    (fx.nav.aktiviteter as Json[]).some(
      (a) => a.referat && !a.erReferatPublisert && !a.historisk && p.oppfolgingsperioder.some((o: Json) => o.uuid === a.oppfolgingsperiodeId),
    ),
  ),
  'a person not under follow-up': pick('person not under follow-up', (p) => !p.underOppfolging),
};

describe('the graph on the generated set (300 persons)', () => {
  const graph = useStack({ fixturesDir: GENERATED_FIXTURES_DIR });

  for (const [what, ident] of Object.entries(picks)) {
    it(`${what} gets CitizenOverview as the fixtures hold it`, async () => {
      const res = await graph.query({ role: 'citizen', ident }, CITIZEN_OVERVIEW);
      expect(res.errors).toBeUndefined();
      expect(instants(res.data)).toEqual(expectedCitizenOverview(fx, ident));
    });
  }

  // An even spread of 30 persons, whatever the set's size (300 committed, 10 000 with TEST_GENERATED_FIXTURES_DIR).
  const spread = (list: typeof persons, count: number) => list.filter((_, i) => i % Math.max(1, Math.floor(list.length / count)) === 0);

  it('an even spread of persons gets CitizenOverview as the fixtures hold it', async () => {
    const sample = spread(persons, 30).map((p) => p.fnr as string);
    for (const ident of sample) {
      const res = await graph.query({ role: 'citizen', ident }, CITIZEN_OVERVIEW);
      expect(res.errors, ident).toBeUndefined();
      expect(instants(res.data), ident).toEqual(expectedCitizenOverview(fx, ident));
    }
  });

  it('Z990001 gets FORBIDDEN and no data for the shielded person; Z990004 reads them', async () => {
    const ident = picks['a shielded person'];
    const q = `query($ident: ID!) { person(ident: $ident) { ident followUp { startedAt } careerNotes { id } skillsMappingRequests { id } } }`;
    const denied = await graph.query(Z990001, q, { ident });
    expect(denied.data?.person).toBeNull();
    expect(denied.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const permitted = await graph.query(Z990004, q, { ident });
    expect(permitted.errors).toBeUndefined();
    expect(permitted.data?.person.ident).toBe(ident);
  });

  it('poao-tilgang decides for every person as the fixtures say (Z990001, persons with any restriction and a sample)', async () => {
    const restricted = persons.filter((p) => p.skjermet || p.diskresjonskode !== 'UGRADERT');
    const sample = [...spread(restricted, 60), ...spread(persons, 12)].map((p) => p.fnr as string);
    for (const ident of sample) {
      const res = await graph.query(Z990001, `query($ident: ID!) { person(ident: $ident) { ident } }`, { ident });
      const expected = navMayRead(fx, 'Z990001', ident);
      expect(res.data?.person?.ident ?? null, ident).toBe(expected ? ident : null);
      if (!expected) expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('a NAV advisor reads exactly the notes a person shares, and nothing of notes they do not', async () => {
    const withNotes = persons.filter((p) => navMayRead(fx, 'Z990001', p.fnr) && has(fx.karrieresenter.notes, p.fnr, (n) => n.owner.fnr));
    expect(withNotes.some((p) => (fx.karrieresenter.notes as Json[]).some((n) => n.owner.fnr === p.fnr && !noteSharedWithNav(fx, n)))).toBe(true);
    for (const { fnr } of withNotes.slice(0, 25)) {
      const res = await graph.query(Z990001, `query($ident: ID!) { person(ident: $ident) { careerNotes { id sharedWithNav } } }`, { ident: fnr });
      expect(res.errors, fnr).toBeUndefined();
      const shared = (fx.karrieresenter.notes as Json[])
        .filter((n) => n.owner.fnr === fnr && noteSharedWithNav(fx, n))
        .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
        .map((n) => ({ id: n.id, sharedWithNav: true }));
      expect(res.data?.person.careerNotes, fnr).toEqual(shared);
    }
  });
});
