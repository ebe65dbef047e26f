import { describe, expect, it } from 'vitest';
import { useNock } from '../../../test/support/subgraph.ts';
import { mock, navSubgraphForTests } from './harness.ts';
import { advisor } from './navFixture.ts';

const EMMA = '14820482817'; // P01, 22, Z990001's
const KRISTOFFER = '17848938319'; // P06, 37: outside the target group
const OLENA = '59889523365'; // P07, 31, D-number
const SANDER = '08839918047'; // P08, shielded: DENY for Z990001
const INGRID = advisor('Z990001');

describe('nav subgraph: finding a person', () => {
  useNock();
  const { ask, audit } = navSubgraphForTests();

  describe('Query.me', () => {
    it('gives a citizen their own key', async () => {
      const res = await ask({ role: 'citizen', ident: EMMA }, '{ me { ident } }');
      expect(res.body).toEqual({ data: { me: { ident: EMMA } } });
    });

    it.each([
      ['a NAV advisor', INGRID],
      ['a counsellor', { role: 'career-counsellor', counsellorId: 'KV-101', centreId: 'KS-TRD' } as const],
      ['a reporting client', { role: 'partner-reporting', clientId: 'rapport' } as const],
    ])('is null and FORBIDDEN for %s', async (_who, caller) => {
      const res = await ask(caller, '{ me { ident } }');
      expect(res.body.data).toEqual({ me: null });
      expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    });
  });

  describe('Query.person', () => {
    it('refuses an ident with a wrong check digit as BAD_USER_INPUT, asking NAV nothing', async () => {
      const res = await ask(INGRID, 'query($i: ID!) { person(ident: $i) { ident } }', { i: '14820482818' });
      expect(res.body.data).toEqual({ person: null });
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(res.body.errors)).not.toContain('14820482818');
    });

    it('gives a citizen their own key and refuses anyone else', async () => {
      const own = await ask({ role: 'citizen', ident: EMMA }, `{ person(ident: "${EMMA}") { ident } }`);
      expect(own.body).toEqual({ data: { person: { ident: EMMA } } });
      const other = await ask({ role: 'citizen', ident: EMMA }, `{ person(ident: "${OLENA}") { ident } }`);
      expect(other.body.data).toEqual({ person: null });
      expect(other.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it('asks poao-tilgang once for every person of the request, and gives the advisor only the permitted ones', async () => {
      mock.poaoTilgang('Z990001', [EMMA, SANDER]);
      const res = await ask(INGRID, `{ a: person(ident: "${EMMA}") { ident } b: person(ident: "${SANDER}") { ident } }`);
      expect(res.body.data).toEqual({ a: { ident: EMMA }, b: null });
      expect(res.body.errors).toEqual([expect.objectContaining({ path: ['b'], extensions: { code: 'FORBIDDEN' } })]);
    });

    it('lets an advisor poao-tilgang permits see a shielded person', async () => {
      mock.poaoTilgang('Z990004', [SANDER]);
      const res = await ask(advisor('Z990004'), `{ person(ident: "${SANDER}") { ident } }`);
      expect(res.body).toEqual({ data: { person: { ident: SANDER } } });
    });

    it('gives counsellors and training advisors the key without asking NAV', async () => {
      const counsellor = await ask({ role: 'career-counsellor', counsellorId: 'KV-101', centreId: 'KS-TRD' }, `{ person(ident: "${EMMA}") { ident } }`);
      expect(counsellor.body).toEqual({ data: { person: { ident: EMMA } } });
      const training = await ask({ role: 'training-advisor', advisorId: 'FR-01' }, `{ person(ident: "${EMMA}") { ident } }`);
      expect(training.body).toEqual({ data: { person: { ident: EMMA } } });
    });

    it('gives a counsellor nothing behind the key: NAV data is FORBIDDEN and NAV is not asked', async () => {
      const res = await ask(
        { role: 'career-counsellor', counsellorId: 'KV-101', centreId: 'KS-TRD' },
        `{ person(ident: "${EMMA}") { ident age followUp { periodId } } }`,
      );
      expect(res.body.data).toEqual({ person: { ident: EMMA, age: null, followUp: null } });
      expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    });

    it('refuses a reporting client', async () => {
      const res = await ask({ role: 'partner-reporting', clientId: 'rapport' }, `{ person(ident: "${EMMA}") { ident } }`);
      expect(res.body.data).toEqual({ person: null });
      expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('without a token', () => {
    it('answers UNAUTHENTICATED with no data', async () => {
      const res = await ask(null, '{ me { ident } }');
      expect(res.status).toBe(401);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.body.data ?? null).toBeNull();
    });
  });

  describe('age and target group', () => {
    it('are computed from the ident on the Oslo calendar day, D-numbers included', async () => {
      const res = await ask(
        { role: 'citizen', ident: OLENA },
        '{ me { age inTargetGroup } }',
      );
      expect(res.body).toEqual({ data: { me: { age: 31, inTargetGroup: true } } });
    });

    it('puts a 37-year-old outside the target group', async () => {
      mock.poaoTilgang('Z990001', [EMMA, KRISTOFFER]);
      const res = await ask(
        INGRID,
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ident age inTargetGroup } } }',
        { r: [{ __typename: 'Person', ident: EMMA }, { __typename: 'Person', ident: KRISTOFFER }] },
      );
      expect(res.body).toEqual({
        data: { _entities: [{ ident: EMMA, age: 22, inTargetGroup: true }, { ident: KRISTOFFER, age: 37, inTargetGroup: false }] },
      });
      expect(audit.lines.some((l) => l.includes('Person.age'))).toBe(true);
    });
  });

  describe('_entities', () => {
    it('refuses a representation with an invalid ident as BAD_USER_INPUT', async () => {
      const res = await ask(
        INGRID,
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ident age } } }',
        { r: [{ __typename: 'Person', ident: '12345678901' }] },
      );
      expect(res.body.data).toEqual({ _entities: [null] });
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it('withholds a person poao-tilgang denies: FORBIDDEN on every field, no NAV data read', async () => {
      mock.poaoTilgang('Z990001', [SANDER]);
      const res = await ask(
        INGRID,
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ident followUp { periodId } activityPlan { activities { id } } } } }',
        { r: [{ __typename: 'Person', ident: SANDER }] },
      );
      expect(res.body.data).toEqual({ _entities: [{ ident: SANDER, followUp: null, activityPlan: null }] });
      expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    });
  });
});
