import { describe, expect, it } from 'vitest';
import { serveApp, useNock } from '../../../test/support/subgraph.ts';
import {
  BASE,
  P,
  TIMEOUT_MS,
  auth,
  citizen,
  eirik,
  entities,
  fagopplaering,
  fixture,
  ingrid,
  makeApp,
  marte,
  mockPoaoTilgang,
  mockRecords,
  mockRequestsOf,
  recordsOf,
  reporting,
  reps,
} from './support.ts';

useNock();
const post = serveApp(makeApp);

const SUBJECTS = 'completedSubjects { code title subjectType level grade year term }';
const PRACTICE = 'practice { employer occupation from to positionPercent documented }';
const APPRENTICESHIPS = 'apprenticeships { trade { code title } employer startedAt endedAt status }';


describe('Person records (completed subjects, practice, apprenticeships)', () => {
  describe('for a training advisor and persons with an open request under active consent', () => {
    it('maps completed subjects exactly from the NVB records', async () => {
      mockRequestsOf(P.maria);
      mockRecords([P.maria], ['FAG']);
      const res = await post(entities(SUBJECTS), reps(P.maria), auth.bearer(eirik));
      expect(res.body.errors).toBeUndefined();
      const subjects = res.body.data!._entities[0].completedSubjects;
      expect(subjects).toHaveLength(recordsOf(P.maria)!.fag.length);
      // The Vg2 interdisciplinary exam has only an exam grade; the exam decides.
      expect(subjects).toContainEqual({
        code: 'HEA2008',
        title: 'Tverrfaglig eksamen helsearbeiderfag',
        subjectType: 'COMMON_PROGRAMME',
        level: 'VG2',
        grade: '4',
        year: 2023,
        term: 'SPRING',
      });
      expect(subjects[0]).toEqual({ code: 'HSF1006', title: 'Helsefremmende arbeid', subjectType: 'COMMON_PROGRAMME', level: 'VG1', grade: '4', year: 2022, term: 'SPRING' });
      expect(subjects.find((s: { code: string }) => s.code === 'ENG1009').subjectType).toBe('COMMON_CORE');
    });

    it('maps practice exactly, an ongoing period with no end date', async () => {
      mockRequestsOf(P.henrik);
      mockRecords([P.henrik], ['PRAKSIS']);
      const res = await post(entities(PRACTICE), reps(P.henrik), auth.bearer(eirik));
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!._entities[0].practice).toEqual(
        recordsOf(P.henrik)!.praksis.map((p) => ({
          employer: p.arbeidsgiver.navn,
          occupation: p.yrke,
          from: p.fra,
          to: p.til,
          positionPercent: p.stillingsprosent,
          documented: p.dokumentert,
        })),
      );
    });

    it('reads the records of two persons in one batch call, asking only for the kinds the query selects', async () => {
      mockRequestsOf(P.maria);
      mockRequestsOf(P.henrik);
      const batch = mockRecords([P.maria, P.henrik], ['FAG', 'PRAKSIS']);
      const res = await post(entities(`${SUBJECTS} ${PRACTICE}`), reps(P.maria, P.henrik), auth.bearer(eirik));
      expect(res.body.errors).toBeUndefined();
      expect(batch.isDone()).toBe(true);
      expect(res.body.data!._entities[0].completedSubjects).toHaveLength(12);
      expect(res.body.data!._entities[1].completedSubjects).toEqual([]);
      expect(res.body.data!._entities[1].practice).toHaveLength(2);
    });

    it('withholds the kind of record the consent does not cover with CONSENT_REQUIRED, and gives the others', async () => {
      // Olena's consent covers subjects and practice, not apprenticeship contracts.
      mockRequestsOf(P.olena);
      mockRecords([P.olena], ['PRAKSIS']);
      const res = await post(entities(`${PRACTICE} ${APPRENTICESHIPS}`), reps(P.olena), auth.bearer(eirik));
      const person = res.body.data!._entities[0];
      expect(person.practice).toEqual([
        { employer: 'Solstua barnehage AS (fiktiv)', occupation: 'Assistent i barnehage', from: '2025-09-01', to: null, positionPercent: 40, documented: true },
      ]);
      expect(person.apprenticeships).toBeNull();
      expect(res.body.errors).toEqual([
        expect.objectContaining({ path: ['_entities', 0, 'apprenticeships'], extensions: { code: 'CONSENT_REQUIRED', purpose: 'SKILLS_MAPPING' } }),
      ]);
    });
  });

  describe('for a training advisor and a person whose request was withdrawn (TRUKKET)', () => {
    it('refuses every record with FORBIDDEN without reading them', async () => {
      mockRequestsOf(P.tobias);
      const res = await post(entities(`${SUBJECTS} ${APPRENTICESHIPS}`), reps(P.tobias), auth.bearer(eirik));
      expect(res.body.data!._entities[0]).toEqual({ ident: P.tobias, completedSubjects: null, apprenticeships: null });
      expect(res.body.errors!.map((e) => e.extensions!.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    });
  });

  describe('for the person themself', () => {
    it('gives their own records with the cancellation day as the end of a cancelled apprenticeship', async () => {
      mockRecords([P.tobias], ['LAEREKONTRAKTER']);
      fagopplaering().get(`${BASE}/laereplan/laerefag`).reply(200, fixture.laerefag);
      const res = await post(entities(APPRENTICESHIPS), reps(P.tobias), auth.bearer(citizen(P.tobias)));
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!._entities[0].apprenticeships).toEqual([
        {
          trade: { code: 'BARLF3----', title: 'Rørleggerfaget' },
          employer: 'Nidaros Rør AS (fiktiv)',
          startedAt: '2022-08-15',
          endedAt: '2023-02-10',
          status: 'CANCELLED',
        },
      ]);
    });

    it('gives empty lists when the county has no records of the person', async () => {
      mockRecords([P.mathias], ['FAG']);
      const res = await post(entities(SUBJECTS), reps(P.mathias), auth.bearer(citizen(P.mathias)));
      expect(res.body.data!._entities[0].completedSubjects).toEqual([]);
    });

    it("refuses another person's records with FORBIDDEN", async () => {
      const res = await post(entities(SUBJECTS), reps(P.maria), auth.bearer(citizen(P.tobias)));
      expect(res.body.data!._entities[0].completedSubjects).toBeNull();
      expect(res.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    });
  });

  describe('for roles that get no records', () => {
    it('refuses a NAV advisor (not a grantee) even when poao-tilgang permits', async () => {
      mockPoaoTilgang('PERMIT');
      const res = await post(entities(SUBJECTS), reps(P.maria), auth.bearer(ingrid));
      expect(res.body.data!._entities[0].completedSubjects).toBeNull();
      expect(res.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    });

    it.each([
      ['a career counsellor', marte],
      ['a reporting client', reporting],
    ])('refuses %s without calling fagopplæring', async (_name, caller) => {
      const res = await post(entities(`${SUBJECTS} ${PRACTICE}`), reps(P.maria), auth.bearer(caller));
      expect(res.body.data!._entities[0]).toEqual({ ident: P.maria, completedSubjects: null, practice: null });
      expect(res.body.errors!.map((e) => e.extensions!.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    });
  });

  describe('when fagopplæring fails', () => {
    it('answers UPSTREAM_CONTRACT_VIOLATION for a body outside the contract, and still resolves the other fields', async () => {
      mockRequestsOf(P.henrik);
      const broken = { ...recordsOf(P.henrik)!, praksis: [{ ...recordsOf(P.henrik)!.praksis[0]!, stillingsprosent: 'full' }] };
      fagopplaering().post(`${BASE}/personer/opplaeringsdata/sok`).reply(200, { personer: [broken], ikkeFunnet: [], ikkeTilgang: [] });
      const res = await post(
        entities(`${PRACTICE} skillsMappingRequests { id status }`),
        reps(P.henrik),
        auth.bearer(citizen(P.henrik)),
      );
      expect(res.body.data!._entities[0].practice).toBeNull();
      expect(res.body.data!._entities[0].skillsMappingRequests).toEqual([{ id: 'ae52294c-19b0-4c1e-b8fd-8724dd6fd16c', status: 'PLAN_SENDT' }]);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ path: ['_entities', 0, 'practice'], extensions: { code: 'UPSTREAM_CONTRACT_VIOLATION', system: 'fagopplaering' } }),
      ]);
      // Neither the body nor the ident reaches the message.
      expect(JSON.stringify(res.body.errors)).not.toContain(P.henrik);
    });

    it('answers UPSTREAM_TIMEOUT when fagopplæring answers too late', async () => {
      fagopplaering().post(`${BASE}/personer/opplaeringsdata/sok`).delay(TIMEOUT_MS + 200).reply(200, { personer: [], ikkeFunnet: [P.maria], ikkeTilgang: [] });
      const res = await post(entities(SUBJECTS), reps(P.maria), auth.bearer(citizen(P.maria)));
      expect(res.body.data!._entities[0].completedSubjects).toBeNull();
      expect(res.body.errors![0]!.extensions).toEqual({ code: 'UPSTREAM_TIMEOUT', system: 'fagopplaering' });
    });

    it('answers UPSTREAM_UNAVAILABLE on a 500', async () => {
      fagopplaering().post(`${BASE}/personer/opplaeringsdata/sok`).reply(500, { kode: 'INTERN_FEIL' });
      const res = await post(entities(SUBJECTS), reps(P.maria), auth.bearer(citizen(P.maria)));
      expect(res.body.data!._entities[0].completedSubjects).toBeNull();
      expect(res.body.errors![0]!.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', system: 'fagopplaering' });
    });

    it('answers CONSENT_REQUIRED for a person fagopplæring itself refuses (ikkeTilgang)', async () => {
      mockRequestsOf(P.maria);
      mockRecords([P.maria], ['FAG'], { ikkeTilgang: [P.maria] });
      const res = await post(entities(SUBJECTS), reps(P.maria), auth.bearer(eirik));
      expect(res.body.data!._entities[0].completedSubjects).toBeNull();
      expect(res.body.errors![0]!.extensions).toEqual({ code: 'CONSENT_REQUIRED', purpose: 'SKILLS_MAPPING' });
    });
  });
});
