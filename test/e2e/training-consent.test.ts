import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../lib/auth/caller.ts';
import { DEMO_FIXTURES_DIR } from '../../stand-ins/common/fixtures.ts';
import { cefFields } from '../probes/audit.ts';
import { navAdvisor, operationText, readFixtures } from '../support/fixtures.ts';
import { DEMO, REFERENCE_NOW, useStack } from '../support/stack.ts';

/**
 * A consent belongs to the person (issue 10, item 1; ARCHITECTURE.md §4), through the gateway with real tokens on the
 * demo set, and the training parts of items 6 and 8. The tests run in order and share the stack's state: first the
 * attack that was reproduced on P12 Tobias after his withdrawal, then the notes, the oral consent, the digital flow.
 */

type Json = Record<string, any>;
const fx = readFixtures(DEMO_FIXTURES_DIR);
const REQUEST = operationText('nav-advisor.graphql', 'RequestSkillsMapping');
const OVERVIEW = operationText('nav-advisor.graphql', 'AdvisorPersonOverview');
const CITIZEN = operationText('citizen.graphql', 'CitizenOverview');
const GIVE = operationText('citizen.graphql', 'GiveSkillsMappingConsent');
const ISSUE = operationText('training-advisor.graphql', 'IssueTrainingPlan');
const CHANGE_STATUS = `mutation ($input: ChangeSkillsMappingStatusInput!) {
  changeSkillsMappingStatus(input: $input) { request { id status version } userErrors { code message field } }
}`;
const RECORDS = 'query ($ident: ID!) { person(ident: $ident) { completedSubjects { code } apprenticeships { employer } } }';

const Z990001 = navAdvisor(fx, 'Z990001');
const FR01: Caller = { role: 'training-advisor', advisorId: 'FR-01' };
const citizen = (ident: string): Caller => ({ role: 'citizen', ident });
const ALL = ['SUBJECTS_AND_GRADES', 'PRACTICE', 'APPRENTICESHIPS', 'TRAINING_PLAN_TO_NAV'];
const hoursAgo = (hours: number) => new Date(REFERENCE_NOW.getTime() - hours * 3_600_000).toISOString();
const codes = (res: { errors?: Array<{ extensions?: Json }> }) => res.errors?.map((e) => e.extensions?.code);

const input = (ident: string, consent: Json, extra: Json = {}) => ({
  ident,
  trades: ['BARLF3----'],
  description: 'Ønsker å se på veien til fagbrev.',
  consent,
  referringAdvisor: { name: 'Ingrid Aune', officeId: '5701', officeName: 'Nav Falkenborg' },
  idempotencyKey: randomUUID(),
  ...extra,
});
const tobias = fx.fagopplaering.kartlegginger.find((k: Json) => k.fnr === DEMO.P12);
const noteOf = (ident: string) => fx.karrieresenter.notes.find((n: Json) => n.owner.fnr === ident);

describe('a consent belongs to the person', () => {
  const graph = useStack();
  const fag = () => graph.stack.upstreams.fagopplaering.state;
  const requestsOf = (ident: string) => [...fag().kartlegginger.values()].filter((k) => k.fnr === ident);
  /** The threads in the person's NAV dialogue whose heading names the request's reference. */
  const noticesAbout = (ident: string, reference: string) => {
    const nav = graph.stack.upstreams.nav.state;
    return nav.dialogerOf(nav.person(ident)!).filter((d) => d.overskrift.includes(reference));
  };
  let calls = 0;
  /** The audit records of one call, as CEF fields. */
  const audited = async (caller: Caller, query: string, variables: Json) => {
    const callId = `consent-${++calls}`;
    const res = await graph.query(caller, query, variables, { 'Nav-Call-Id': callId });
    return { res, records: graph.auditLines().map(cefFields).filter((f) => f.sproc === callId) };
  };

  /** Nothing of Tobias's records reaches NAV or fagopplæringen: what the attack had opened. */
  const expectTobiasWithheld = async () => {
    const nav = await graph.query(Z990001, OVERVIEW, { ident: DEMO.P12, trade: 'BARLF3----' });
    expect(nav.data!.person.priorSubjectMapping).toBeNull();
    expect(nav.errors!.find((e) => e.path!.join('.') === 'person.priorSubjectMapping')!.extensions!.code).toBe('CONSENT_REQUIRED');
    const county = await graph.query(FR01, RECORDS, { ident: DEMO.P12 });
    expect(county.data!.person).toEqual({ completedSubjects: null, apprenticeships: null });
    expect(new Set(codes(county))).toEqual(new Set(['FORBIDDEN']));
    expect(requestsOf(DEMO.P12).map((k) => k.status)).toEqual(['TRUKKET']);
  };

  describe('after Tobias (P12) withdrew, NAV cannot consent for him (the reproduced attack)', () => {
    it('refuses a DIGITAL consent NAV states, 40 days back with full scope: CONSENT_BY_PERSON_ONLY', async () => {
      const res = await graph.query(Z990001, REQUEST, { input: input(DEMO.P12, { method: 'DIGITAL', givenAt: hoursAgo(40 * 24), scope: ALL }) });
      expect(res.data!.requestSkillsMapping).toEqual({
        request: null,
        awaitingConsent: false,
        userErrors: [{ code: 'CONSENT_BY_PERSON_ONLY', message: expect.any(String), field: 'consent.givenAt' }],
      });
      await expectTobiasWithheld();
    });

    it('refuses an oral consent 40 days back: CONSENT_BACKDATED', async () => {
      const res = await graph.query(Z990001, REQUEST, { input: input(DEMO.P12, { method: 'MUNTLIG', givenAt: hoursAgo(40 * 24), scope: ALL }) });
      expect(res.data!.requestSkillsMapping.userErrors.map((e: Json) => [e.code, e.field])).toEqual([['CONSENT_BACKDATED', 'consent.givenAt']]);
      await expectTobiasWithheld();
    });

    it('refuses an oral or written consent given just now: PERSON_MUST_CONSENT, audited as one Deny', async () => {
      for (const method of ['MUNTLIG', 'SKRIFTLIG']) {
        const { res, records } = await audited(Z990001, REQUEST, { input: input(DEMO.P12, { method, givenAt: hoursAgo(1), scope: ALL }) });
        expect(res.data!.requestSkillsMapping.userErrors.map((e: Json) => e.code)).toEqual(['PERSON_MUST_CONSENT']);
        expect(records.filter((r) => r.request === 'Mutation.requestSkillsMapping')).toEqual([
          expect.objectContaining({ suid: 'Z990001', duid: DEMO.P12, flexString1: 'Deny', flexString2: 'PERSON_MUST_CONSENT' }),
        ]);
      }
      await expectTobiasWithheld();
      expect(noticesAbout(DEMO.P12, 'KF-')).toEqual([]);
    });

    it('refuses the same straight at the training subgraph, past the gateway', async () => {
      const res = await graph.subgraphQuery('training', Z990001, REQUEST, { input: input(DEMO.P12, { method: 'MUNTLIG', givenAt: hoursAgo(1), scope: ALL }) });
      expect(res.data!.requestSkillsMapping.userErrors.map((e: Json) => e.code)).toEqual(['PERSON_MUST_CONSENT']);
      await expectTobiasWithheld();
    });
  });

  describe('an attached note must be the person\'s own, final and shared with NAV at that moment', () => {
    const attach = (ident: string, careerNoteId: string) =>
      graph.query(Z990001, REQUEST, { input: input(ident, { method: 'MUNTLIG', givenAt: hoursAgo(1), scope: ALL }, { careerNoteId }) });

    it('gives one answer for another person\'s shared note, an unshared one, a withdrawn share, a draft and an unknown id', async () => {
      const karrieresenter = graph.stack.upstreams.karrieresenter.state;
      const draft = noteOf(DEMO.P05);
      expect(draft.status).toBe('UTKAST');
      // A share grant on a draft cannot be given through the contract; forged here, it must not make the draft attachable.
      karrieresenter.shareGrants.push({ id: randomUUID(), noteId: draft.id, grantee: 'NAV', purpose: 'test', givenAt: hoursAgo(2), withdrawnAt: null, method: 'DIGITAL', registeredBy: { type: 'BRUKER' } });
      const answers = [
        await attach(DEMO.P02, noteOf(DEMO.P01).id), // P01's, shared with NAV: not P02's
        await attach(DEMO.P02, noteOf(DEMO.P02).id), // his own, never shared
        await attach(DEMO.P03, noteOf(DEMO.P03).id), // her own, sharing withdrawn
        await attach(DEMO.P05, draft.id), // her own draft
        await attach(DEMO.P02, randomUUID()), // no such note
      ];
      karrieresenter.shareGrants.pop();
      for (const res of answers) {
        expect(res.errors).toBeUndefined();
        expect(res.data!.requestSkillsMapping).toEqual(answers[0]!.data!.requestSkillsMapping);
      }
      expect(answers[0]!.data!.requestSkillsMapping.userErrors).toEqual([{ code: 'CAREER_NOTE_NOT_ATTACHABLE', message: expect.any(String), field: 'careerNoteId' }]);
      expect([DEMO.P02, DEMO.P03, DEMO.P05].flatMap(requestsOf)).toEqual([]);
    });
  });

  describe('an oral consent NAV records on the person\'s behalf (Ole Martin, P04)', () => {
    let reference = '';

    it('carries the recording advisor, goes with his shared note, and tells him once in his dialogue', async () => {
      const note = noteOf(DEMO.P04);
      const request = input(DEMO.P04, { method: 'MUNTLIG', givenAt: hoursAgo(2), scope: ['SUBJECTS_AND_GRADES', 'PRACTICE'] }, { careerNoteId: note.id });
      const { res, records } = await audited(Z990001, REQUEST, { input: request });
      expect(res.errors).toBeUndefined();
      const made = res.data!.requestSkillsMapping;
      expect(made).toMatchObject({
        awaitingConsent: false,
        userErrors: [],
        request: { status: 'MOTTATT', consent: { method: 'MUNTLIG', scope: ['SUBJECTS_AND_GRADES', 'PRACTICE'], recordedBy: { kind: 'NAV_ADVISOR', id: 'Z990001' } } },
      });
      const stored = fag().kartlegginger.get(made.request.id)!;
      expect(stored.samtykke!.registrertAv).toEqual({ type: 'NAV', id: 'Z990001' });
      expect(stored.karrierenotatId).toBe(note.id);
      expect(records.filter((r) => r.request === 'Mutation.requestSkillsMapping')).toEqual([expect.objectContaining({ duid: DEMO.P04, cs4: made.request.id, flexString1: 'Permit' })]);
      reference = stored.referanse;
      const notices = noticesAbout(DEMO.P04, reference);
      expect(notices).toHaveLength(1);
      expect(notices[0]!.overskrift).toBe(`Samtykke til kartlegging registrert (${reference})`);
      expect(notices[0]!.henvendelser).toHaveLength(1);
      expect(notices[0]!.henvendelser[0]).toMatchObject({ avsender: 'VEILEDER' });
      expect(notices[0]!.henvendelser[0]!.tekst).toContain('Z990001');

      // The same call again (its answer lost): the same request, and no second notice.
      const retry = await graph.query(Z990001, REQUEST, { input: request });
      expect(retry.data!.requestSkillsMapping.request.id).toBe(made.request.id);
      expect(noticesAbout(DEMO.P04, reference)).toHaveLength(1);
      expect(requestsOf(DEMO.P04)).toHaveLength(1);
    });

    it('shows him the consent with who recorded it on his own page', async () => {
      const res = await graph.query(citizen(DEMO.P04), CITIZEN);
      const request = (res.data!.me.skillsMappingRequests as Json[]).find((r) => r.status === 'MOTTATT')!;
      expect(request.consent).toEqual({ givenAt: expect.any(String), method: 'MUNTLIG', scope: ['SUBJECTS_AND_GRADES', 'PRACTICE'], withdrawnAt: null, recordedBy: { kind: 'NAV_ADVISOR', id: 'Z990001' } });
      expect(request.referringAdvisor.navIdent).toBe('Z990001');
    });
  });

  describe('when the person cannot be told', () => {
    it('writes one notice when the dialogue\'s answer to it is lost: the notice is looked for before it counts as failed', async () => {
      const realFetch = globalThis.fetch;
      let lost = 0;
      // The notice reaches NAV's dialogue (Kristoffer, P06), but its answer never comes back.
      globalThis.fetch = async (target, init) => {
        const response = await realFetch(target, init);
        const url = String(target instanceof Request ? target.url : target);
        if (lost === 0 && init?.method === 'POST' && url.endsWith('/veilarbdialog/api/dialog')) {
          lost++;
          throw new DOMException('The operation timed out.', 'TimeoutError');
        }
        return response;
      };
      let res;
      try {
        res = await graph.query(Z990001, REQUEST, { input: input(DEMO.P06, { method: 'MUNTLIG', givenAt: hoursAgo(1), scope: ALL }) });
      } finally {
        globalThis.fetch = realFetch;
      }
      expect(lost).toBe(1);
      expect(res.data!.requestSkillsMapping.userErrors).toEqual([]);
      const [stored] = requestsOf(DEMO.P06);
      expect(stored!.status).toBe('MOTTATT');
      expect(noticesAbout(DEMO.P06, stored!.referanse)).toHaveLength(1);
    });

    it('closes the request again and answers PERSON_NOT_NOTIFIED when NAV cannot notify the person; a retry answers the same', async () => {
      const person = graph.stack.upstreams.nav.state.person(DEMO.P09)!; // Jørgen, Z990002's
      const advisor = navAdvisor(fx, 'Z990002');
      person.kanVarsles = false;
      try {
        const request = { input: { ...input(DEMO.P09, { method: 'MUNTLIG', givenAt: hoursAgo(1), scope: ALL }), referringAdvisor: { name: 'Morten Hegge', officeId: '5702', officeName: 'Nav Lerkendal' } } };
        const res = await graph.query(advisor, REQUEST, request);
        expect(res.data!.requestSkillsMapping.userErrors.map((e: Json) => e.code)).toEqual(['PERSON_NOT_NOTIFIED']);
        const [stored] = requestsOf(DEMO.P09);
        expect(stored!.status).toBe('AVSLUTTET');
        const county = await graph.query(FR01, RECORDS, { ident: DEMO.P09 });
        expect(county.data!.person).toEqual({ completedSubjects: null, apprenticeships: null });
        const retry = await graph.query(advisor, REQUEST, request);
        expect(retry.data!.requestSkillsMapping.userErrors.map((e: Json) => e.code)).toEqual(['PERSON_NOT_NOTIFIED']);
        expect(requestsOf(DEMO.P09)).toHaveLength(1);
      } finally {
        person.kanVarsles = true;
      }
    });
  });

  describe('the digital flow: NAV asks, the person consents with her own token (Tobias again)', () => {
    let requestId = '';

    it('creates an ask that nobody but Tobias sees, and tells him in his dialogue', async () => {
      const res = await graph.query(Z990001, REQUEST, { input: input(DEMO.P12, { method: 'DIGITAL', scope: ['SUBJECTS_AND_GRADES', 'PRACTICE', 'TRAINING_PLAN_TO_NAV'] }) });
      expect(res.data!.requestSkillsMapping).toEqual({ request: null, awaitingConsent: true, userErrors: [] });
      const asked = requestsOf(DEMO.P12).find((k) => k.status === 'VENTER_PA_SAMTYKKE')!;
      requestId = asked.id;
      expect(asked.samtykke).toBeNull();
      const notices = noticesAbout(DEMO.P12, asked.referanse);
      expect(notices.map((n) => n.overskrift)).toEqual([`NAV ber om samtykke til kartlegging (${asked.referanse})`]);

      const nav = await graph.query(Z990001, OVERVIEW, { ident: DEMO.P12, trade: 'BARLF3----' });
      expect(nav.data!.person.skillsMappingRequests).toEqual([]);
      expect(nav.data!.person.priorSubjectMapping).toBeNull();
      const county = await graph.query(FR01, RECORDS, { ident: DEMO.P12 });
      expect(county.data!.person).toEqual({ completedSubjects: null, apprenticeships: null });
      const own = await graph.query(citizen(DEMO.P12), CITIZEN);
      expect((own.data!.me.skillsMappingRequests as Json[]).find((r) => r.id === requestId)).toMatchObject({
        status: 'VENTER_PA_SAMTYKKE',
        consent: null,
        requestedScope: ['SUBJECTS_AND_GRADES', 'PRACTICE', 'TRAINING_PLAN_TO_NAV'],
        referringAdvisor: { navIdent: 'Z990001' },
      });
    });

    it('cannot be answered by NAV, the training advisor or another citizen', async () => {
      const give = { input: { requestId, scope: ['SUBJECTS_AND_GRADES'] } };
      expect(codes(await graph.query(Z990001, GIVE, give))).toEqual(['FORBIDDEN']);
      expect(codes(await graph.query(FR01, GIVE, give))).toEqual(['FORBIDDEN']);
      const other = await graph.query(citizen(DEMO.P01), GIVE, give);
      expect(other.data!.giveSkillsMappingConsent).toEqual({ request: null, userErrors: [{ code: 'REQUEST_NOT_FOUND', message: expect.any(String), field: 'requestId' }] });
      expect(fag().kartlegginger.get(requestId)!.status).toBe('VENTER_PA_SAMTYKKE');
    });

    it('refuses a consent wider than NAV asked for', async () => {
      const res = await graph.query(citizen(DEMO.P12), GIVE, { input: { requestId, scope: ['SUBJECTS_AND_GRADES', 'APPRENTICESHIPS'] } });
      expect(res.data!.giveSkillsMappingConsent.userErrors.map((e: Json) => [e.code, e.field])).toEqual([['SCOPE_NOT_REQUESTED', 'scope']]);
      expect(fag().kartlegginger.get(requestId)!.samtykke).toBeNull();
    });

    it('discloses to the grantees what he consented to, once he gives it himself, and nothing more', async () => {
      const res = await graph.query(citizen(DEMO.P12), GIVE, { input: { requestId, scope: ['SUBJECTS_AND_GRADES', 'PRACTICE'] } });
      expect(res.errors).toBeUndefined();
      expect(res.data!.giveSkillsMappingConsent).toEqual({
        request: {
          id: requestId,
          status: 'MOTTATT',
          consent: { givenAt: '2026-11-26T08:00:00.000+01:00', method: 'DIGITAL', scope: ['SUBJECTS_AND_GRADES', 'PRACTICE'], recordedBy: { kind: 'PERSON', id: null } },
        },
        userErrors: [],
      });
      const county = await graph.query(FR01, RECORDS, { ident: DEMO.P12 });
      const records = fx.fagopplaering.personer.find((p: Json) => p.fnr === DEMO.P12);
      expect(county.data!.person.completedSubjects.map((s: Json) => s.code)).toEqual(records.fag.map((f: Json) => f.fagkode));
      expect(county.data!.person.apprenticeships).toBeNull(); // not consented to
      expect(codes(county)).toEqual(['CONSENT_REQUIRED']);
      const nav = await graph.query(Z990001, OVERVIEW, { ident: DEMO.P12, trade: 'BARLF3----' });
      expect(nav.data!.person.priorSubjectMapping).not.toBeNull();
      expect(nav.data!.person.skillsMappingRequests.map((r: Json) => r.id)).toEqual([requestId]);
    });
  });

  describe('a training advisor gets one answer, and one audit record, for a request they may not see (items 6 and 8)', () => {
    const unknown = randomUUID();

    it('changeSkillsMappingStatus: the same REQUEST_NOT_FOUND for Tobias\'s withdrawn request and an unknown id; one Deny for his', async () => {
      const withdrawn = await audited(FR01, CHANGE_STATUS, { input: { requestId: tobias.id, status: 'AVSLUTTET', version: fag().kartlegginger.get(tobias.id)!.versjon } });
      const none = await audited(FR01, CHANGE_STATUS, { input: { requestId: unknown, status: 'AVSLUTTET', version: 1 } });
      expect(withdrawn.res.data!.changeSkillsMappingStatus).toEqual(none.res.data!.changeSkillsMappingStatus);
      expect(withdrawn.res.data!.changeSkillsMappingStatus.userErrors.map((e: Json) => e.code)).toEqual(['REQUEST_NOT_FOUND']);
      expect(withdrawn.records).toEqual([
        expect.objectContaining({ suid: 'FR-01', duid: DEMO.P12, request: 'Mutation.changeSkillsMappingStatus', cs4: tobias.id, flexString1: 'Deny', flexString2: 'CONSENT_REQUIRED:WITHDRAWN' }),
      ]);
      expect(none.records).toEqual([]);
    });

    it('issueTrainingPlan: the same answer for the withdrawn request, an unknown id and a request awaiting consent', async () => {
      const asked = await graph.query(Z990001, REQUEST, { input: input(DEMO.P02, { method: 'DIGITAL', scope: ALL }, { trades: ['ELELE3----'] }) });
      expect(asked.data!.requestSkillsMapping.awaitingConsent).toBe(true);
      const awaiting = requestsOf(DEMO.P02)[0]!.id;
      const answers = await Promise.all(
        [tobias.id, unknown, awaiting].map((requestId) => graph.query(FR01, ISSUE, { input: { requestId, trade: 'BARLF3----', route: 'APPRENTICESHIP' } })),
      );
      for (const res of answers) expect(res.data!.issueTrainingPlan).toEqual({ plan: null, userErrors: [{ code: 'REQUEST_NOT_FOUND', message: expect.any(String), field: 'requestId' }] });
    });

    it('a change the advisor may make is one Permit with the consent it rests on', async () => {
      const id = requestsOf(DEMO.P12).find((k) => k.status === 'MOTTATT')!.id;
      const { res, records } = await audited(FR01, CHANGE_STATUS, { input: { requestId: id, status: 'UNDER_BEHANDLING', version: fag().kartlegginger.get(id)!.versjon } });
      expect(res.data!.changeSkillsMappingStatus.request.status).toBe('UNDER_BEHANDLING');
      expect(records.filter((r) => r.request === 'Mutation.changeSkillsMappingStatus')).toEqual([expect.objectContaining({ duid: DEMO.P12, cs4: id, flexString1: 'Permit', cs5: id })]);
    });
  });
});
