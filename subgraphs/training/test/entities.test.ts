import { describe, expect, it } from 'vitest';
import { serveApp, useNock } from '../../../test/support/subgraph.ts';
import { BASE, P, auth, citizen, eirik, entities, fagopplaering, fixture, ingrid, makeApp, mockRecords, reps } from './support.ts';

useNock();
const post = serveApp(makeApp);

const TRADE = `query ($code: ID!) { trade(code: $code) { code title certificate occupationTitle programmeAreas { code title level subjects { code title } } } }`;

describe('the training subgraph', () => {
  describe('Person references', () => {
    it('answers BAD_USER_INPUT for an ident with wrong check digits, without reading anything', async () => {
      const res = await post(entities('completedSubjects { code }'), reps('14820482818'), auth.bearer(citizen(P.emma)));
      expect(res.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(res.body.errors)).not.toContain('14820482818');
    });

    it('resolves a D-number', async () => {
      mockRecords([P.olena], ['FAG']);
      const res = await post(entities('completedSubjects { code }'), reps(P.olena), auth.bearer(citizen(P.olena)));
      expect(res.body.data!._entities[0]).toEqual({ ident: P.olena, completedSubjects: [] });
    });
  });

  describe('a request without a token', () => {
    it('is refused with UNAUTHENTICATED', async () => {
      const res = await post(entities('completedSubjects { code }'), reps(P.emma));
      expect(res.status).toBe(401);
      expect(res.body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('Query.trade (the curriculum, TradeCurriculum)', () => {
    it('gives a trade with its Vg1 → Vg2 → Vg3 path to any authenticated caller', async () => {
      fagopplaering().get(`${BASE}/laereplan/laerefag`).reply(200, fixture.laerefag);
      const res = await post(TRADE, { code: 'BATMF3----' }, auth.bearer(ingrid));
      expect(res.body.errors).toBeUndefined();
      const tomrer = fixture.laerefag.find((l) => l.programomradekode === 'BATMF3----')!;
      expect(res.body.data!.trade).toEqual({
        code: 'BATMF3----',
        title: 'Tømrerfaget',
        certificate: 'SVENNEBREV',
        occupationTitle: 'Tømrer',
        programmeAreas: tomrer.lop.map((l) => ({
          code: l.programomradekode,
          title: l.tittel,
          level: l.niva,
          subjects: l.fag.map((f) => ({ code: f.fagkode, title: f.tittel })),
        })),
      });
    });

    it('answers NOT_FOUND for a code the catalogue does not have', async () => {
      fagopplaering().get(`${BASE}/laereplan/laerefag`).reply(200, fixture.laerefag);
      const res = await post(TRADE, { code: 'ABCDE3----' }, auth.bearer(eirik));
      expect(res.body.data!.trade).toBeNull();
      expect(res.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    });

    it('answers BAD_USER_INPUT for a code that is no programme area code', async () => {
      const res = await post(TRADE, { code: 'tomrer' }, auth.bearer(eirik));
      expect(res.body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    });
  });
});
