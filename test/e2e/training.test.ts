import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../lib/auth/caller.ts';
import { DEMO, useStack } from '../support/stack.ts';

/**
 * The training subgraph through the gateway on the demo set, with real tokens and the clients' own operations:
 * the curriculum, the worklist, the prior-subject mapping, requests, plans to Digipost, and the person's withdrawal.
 * Expectations are derived from the fixture files; the tests run in order and share the stack's state.
 */

type Json = Record<string, any>;
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../stand-ins/fixtures/demo/${name}.json`, import.meta.url), 'utf8')) as Json;
const fag = fixture('fagopplaering');
const nav = fixture('nav');

/** One named operation of operations/<file>, as the client sends it. */
function operation(file: string, name: string): string {
  const doc = parse(readFileSync(new URL(`../../operations/${file}`, import.meta.url), 'utf8'));
  const def = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);
  if (!def) throw new Error(`${name} not in ${file}`);
  return print({ kind: Kind.DOCUMENT, definitions: [def] });
}
const WORKLIST = operation('training-advisor.graphql', 'TrainingAdvisorWorklist');
const CURRICULUM = operation('training-advisor.graphql', 'TradeCurriculum');
const MAPPING = operation('training-advisor.graphql', 'PriorSubjectMapping');
const ISSUE = operation('training-advisor.graphql', 'IssueTrainingPlan');
const REQUEST = operation('nav-advisor.graphql', 'RequestSkillsMapping');
const OVERVIEW = operation('nav-advisor.graphql', 'AdvisorPersonOverview');
const WITHDRAW = operation('citizen.graphql', 'WithdrawSkillsMappingConsent');
const CITIZEN = operation('citizen.graphql', 'CitizenOverview');
const CHANGE_STATUS = `mutation ($input: ChangeSkillsMappingStatusInput!) {
  changeSkillsMappingStatus(input: $input) { request { id status version } userErrors { code field } }
}`;

const advisor = (navIdent: string): Caller => ({ role: 'nav-advisor', navIdent, azureId: nav.veiledere.find((v: Json) => v.navIdent === navIdent).azureId });
const citizen = (ident: string): Caller => ({ role: 'citizen', ident });
const FR01: Caller = { role: 'training-advisor', advisorId: 'FR-01' };
const Z990001 = advisor('Z990001');
const Z990003 = advisor('Z990003');

const OPEN = ['MOTTATT', 'UNDER_BEHANDLING', 'PLAN_SENDT'];
const requestOf = (ident: string) => fag.kartlegginger.find((k: Json) => k.fnr === ident);
const tradeOf = (code: string) => fag.laerefag.find((l: Json) => l.programomradekode === code);
/** The required subjects of the school and apprenticeship path, read from the catalogue JSON. */
const schoolPath = (l: Json) => [
  ...l.lop.filter((a: Json) => a.niva !== 'VG3').flatMap((a: Json) => a.fag.filter((f: Json) => !f.kunForPrivatister)),
  ...l.fellesfag,
  ...l.lop.filter((a: Json) => a.niva === 'VG3').flatMap((a: Json) => a.fag.filter((f: Json) => !f.kunForPrivatister)),
];
const newRequestInput = (ident: string, trades: string[], idempotencyKey = randomUUID()) => ({
  ident,
  trades,
  description: 'Ønsker å kartlegge veien til fagbrev.',
  consent: { givenAt: '2026-11-25T10:00:00+01:00', method: 'MUNTLIG', scope: ['SUBJECTS_AND_GRADES', 'PRACTICE', 'APPRENTICESHIPS', 'TRAINING_PLAN_TO_NAV'] },
  referringAdvisor: { name: 'Ingrid Aune', officeId: '5701', officeName: 'Nav Falkenborg' },
  idempotencyKey,
});
const codeOf = (res: { errors?: Array<{ extensions?: Json }> }) => res.errors?.map((e) => e.extensions?.code);

describe('the training subgraph through the gateway (demo set)', () => {
  const graph = useStack();
  const fagState = () => graph.stack.upstreams.fagopplaering.state;
  /** How many sokOpplaeringsdata calls the training subgraph has made (its Prometheus counter). */
  const recordSearches = async () => {
    const text = await (await fetch(graph.stack.subgraphUrls.training.replace(/\/graphql$/, '/internal/metrics'))).text();
    const line = text.split('\n').find((l) => l.startsWith('fagbrev_upstream_calls_total') && l.includes('operation="sokOpplaeringsdata"'));
    return line ? Number(line.split(' ').at(-1)) : 0;
  };
  const lettersTo = (ident: string) => [...graph.stack.upstreams.digipost.state.messages.values()].filter((m) => m.recipient.personalIdentificationNumber === ident);

  describe('the curriculum', () => {
    it('gives each of the five trades with its certificate, occupation and Vg1 → Vg2 → Vg3 subjects as the catalogue holds them', async () => {
      for (const l of fag.laerefag) {
        const res = await graph.query(FR01, CURRICULUM, { code: l.programomradekode });
        expect(res.errors).toBeUndefined();
        expect(res.data!.trade).toEqual({
          code: l.programomradekode,
          title: l.tittel,
          certificate: l.sluttkompetanse,
          occupationTitle: l.yrkestittel,
          programmeAreas: l.lop.map((a: Json) => ({ code: a.programomradekode, title: a.tittel, level: a.niva, subjects: a.fag.map((f: Json) => ({ code: f.fagkode, title: f.tittel })) })),
        });
      }
    });
  });

  describe('the training advisor\'s worklist', () => {
    const expected = fag.kartlegginger
      .filter((k: Json) => OPEN.includes(k.status) && k.samtykke.trukketTidspunkt === null)
      .sort((a: Json, b: Json) => Date.parse(b.opprettet) - Date.parse(a.opprettet));

    it('pages through the open requests under active consent, newest first, leaving the withdrawn one out of list and count', async () => {
      const first = await graph.query(FR01, WORKLIST, { first: 3 });
      // Only the consent's own limits show up as errors (a request whose consent leaves out apprenticeships).
      expect(new Set(codeOf(first))).toEqual(new Set(['CONSENT_REQUIRED']));
      const page1 = first.data!.skillsMappingRequests;
      expect(page1.totalCount).toBe(expected.length);
      expect(page1.nodes.map((n: Json) => n.id)).toEqual(expected.slice(0, 3).map((k: Json) => k.id));
      expect(page1.pageInfo.hasNextPage).toBe(true);
      const second = await graph.query(FR01, WORKLIST, { first: 3, after: page1.pageInfo.endCursor });
      const page2 = second.data!.skillsMappingRequests;
      expect(page2.nodes.map((n: Json) => n.id)).toEqual(expected.slice(3, 6).map((k: Json) => k.id));
      expect(page2.pageInfo.hasNextPage).toBe(false);
      const all = [...page1.nodes, ...page2.nodes].map((n: Json) => n.id);
      expect(all).not.toContain(requestOf(DEMO.P12).id); // TRUKKET
    });

    it('shows each person\'s records the consent covers, and CONSENT_REQUIRED for a kind it does not', async () => {
      const before = await recordSearches();
      const res = await graph.query(FR01, WORKLIST, { first: 10 });
      // The whole page's records come from one batch call, and no person costs a request search of its own.
      expect((await recordSearches()) - before).toBe(1);
      const nodes = res.data!.skillsMappingRequests.nodes as Json[];
      for (const node of nodes) {
        const k = fag.kartlegginger.find((r: Json) => r.id === node.id);
        const records = fag.personer.find((p: Json) => p.fnr === k.fnr) ?? { fag: [], praksis: [], laerekontrakter: [] };
        expect(node.status).toBe(k.status);
        expect(node.trades.map((t: Json) => t.code)).toEqual(k.onsketLaerefag);
        expect(node.person.ident).toBe(k.fnr);
        expect(node.person.completedSubjects.map((s: Json) => s.code)).toEqual(records.fag.map((f: Json) => f.fagkode));
        expect(node.person.practice.map((p: Json) => [p.from, p.to, p.positionPercent])).toEqual(records.praksis.map((p: Json) => [p.fra, p.til, p.stillingsprosent]));
        if (k.samtykke.omfang.includes('LAEREKONTRAKTER')) expect(node.person.apprenticeships).toHaveLength(records.laerekontrakter.length);
        else expect(node.person.apprenticeships).toBeNull();
      }
      const limited = nodes.findIndex((n) => !fag.kartlegginger.find((r: Json) => r.id === n.id).samtykke.omfang.includes('LAEREKONTRAKTER'));
      expect(limited).toBeGreaterThanOrEqual(0);
      const error = res.errors!.find((e) => e.path!.join('.') === `skillsMappingRequests.nodes.${limited}.person.apprenticeships`)!;
      expect(error.extensions).toMatchObject({ code: 'CONSENT_REQUIRED', purpose: 'SKILLS_MAPPING' });
    });

    it('is for training advisors only', async () => {
      const res = await graph.query(Z990001, WORKLIST, { first: 5 });
      expect(res.data!.skillsMappingRequests).toBeNull();
      expect(codeOf(res)).toEqual(['FORBIDDEN']);
    });
  });

  describe('the prior-subject mapping', () => {
    it('credits Maria\'s passed Vg1 and Vg2 for helsearbeiderfaget and leaves the fagprøve, for her NAV advisor under her consent', async () => {
      const res = await graph.query(Z990001, OVERVIEW, { ident: DEMO.P11, trade: 'HSHEA3----' });
      const mapping = res.data!.person.priorSubjectMapping;
      const l = tradeOf('HSHEA3----');
      const results = fag.personer.find((p: Json) => p.fnr === DEMO.P11).fag as Json[];
      const passedCodes = new Set(results.filter((f) => f.bestatt).map((f) => f.fagkode));
      const required = schoolPath(l);
      expect(mapping.trade).toEqual({ code: 'HSHEA3----', title: l.tittel, certificate: l.sluttkompetanse });
      expect(mapping.credited.map((s: Json) => s.code)).toEqual(required.filter((f: Json) => passedCodes.has(f.fagkode)).map((f: Json) => f.fagkode));
      expect(mapping.remaining).toEqual(required.filter((f: Json) => !passedCodes.has(f.fagkode)).map((f: Json) => ({ code: f.fagkode, title: f.tittel })));
      for (const c of mapping.credited) {
        const r = results.find((f) => f.fagkode === c.code)!;
        expect([c.grade, c.year]).toEqual([r.karakterEksamen ?? r.karakterStandpunkt, r.aar]);
      }
      expect(mapping.practiceYears).toBe(0);
      expect(mapping.eligibleRoutes).toEqual(['APPRENTICESHIP']);
    });

    it('finds six years of practice for Henrik, a praksiskandidat, as he sees it himself', async () => {
      const res = await graph.query(citizen(DEMO.P10), `{ me { priorSubjectMapping(trade: "BATMF3----") { practiceMonths practiceYears eligibleRoutes } } }`);
      expect(res.errors).toBeUndefined();
      const periods = fag.personer.find((p: Json) => p.fnr === DEMO.P10).praksis as Json[];
      const days = periods.reduce((sum, p) => sum + (Date.parse(p.til) - Date.parse(p.fra)) / 86_400_000 + 1, 0);
      const months = Math.floor(days / (365.25 / 12));
      expect(res.data!.me.priorSubjectMapping).toMatchObject({ practiceMonths: months, practiceYears: Math.round((months / 12) * 10) / 10 });
      expect(months).toBeGreaterThanOrEqual(tradeOf('BATMF3----').kravPraksisManeder);
      expect(res.data!.me.priorSubjectMapping.eligibleRoutes).toContain('EXPERIENCE_BASED_CANDIDATE');
    });

    it('is CONSENT_REQUIRED for NAV once the person withdrew the request\'s consent (Tobias, TRUKKET)', async () => {
      const res = await graph.query(Z990001, OVERVIEW, { ident: DEMO.P12, trade: 'BARLF3----' });
      expect(res.data!.person.priorSubjectMapping).toBeNull();
      expect(res.errors!.find((e) => e.path!.join('.') === 'person.priorSubjectMapping')!.extensions).toMatchObject({ code: 'CONSENT_REQUIRED' });
    });

    it('works in the training advisor\'s own operation for a person on the worklist', async () => {
      const res = await graph.query(FR01, MAPPING, { ident: DEMO.P07, trade: 'HSBUA3----' });
      expect(res.errors).toBeUndefined();
      const m = res.data!.person.priorSubjectMapping;
      expect(m.credited).toEqual([]);
      expect(m.remaining.map((s: Json) => s.code)).toEqual(schoolPath(tradeOf('HSBUA3----')).map((f: Json) => f.fagkode));
      expect(m.eligibleRoutes).toEqual(['ADULT_EDUCATION']);
    });
  });

  describe('a request from NAV, a plan to Digipost', () => {
    let requestId = '';

    it('refuses a bad input with userErrors and writes nothing', async () => {
      const before = fagState().kartlegginger.size;
      const res = await graph.query(Z990001, REQUEST, { input: { ...newRequestInput(DEMO.P02, []), idempotencyKey: 'not-a-uuid' } });
      expect(res.data!.requestSkillsMapping.request).toBeNull();
      expect(res.data!.requestSkillsMapping.userErrors.map((e: Json) => [e.code, e.field])).toEqual([
        ['INVALID_INPUT', 'trades'],
        ['INVALID_INPUT', 'idempotencyKey'],
      ]);
      expect(fagState().kartlegginger.size).toBe(before);
    });

    it('refuses control characters in the description and the advisor\'s name, as in notes and dialogue, and writes nothing', async () => {
      const before = fagState().kartlegginger.size;
      for (const bad of ['\u0000', '\u001b[2J', '\u0085']) {
        const input = { ...newRequestInput(DEMO.P02, ['ELELE3----']), description: `Kartlegging${bad}`, referringAdvisor: { name: `Ingrid${bad}`, officeId: '5701', officeName: 'Nav Falkenborg' } };
        const res = await graph.query(Z990001, REQUEST, { input });
        expect(res.data!.requestSkillsMapping.request).toBeNull();
        expect(res.data!.requestSkillsMapping.userErrors.map((e: Json) => [e.code, e.field])).toEqual([
          ['INVALID_INPUT', 'description'],
          ['INVALID_INPUT', 'referringAdvisor.name'],
        ]);
      }
      expect(fagState().kartlegginger.size).toBe(before);
    });

    it('refuses a NAV advisor without access to the person (shielded)', async () => {
      const res = await graph.query(Z990001, REQUEST, { input: newRequestInput(DEMO.P08, ['ELELE3----']) });
      expect(res.data).toBeNull();
      expect(codeOf(res)).toEqual(['FORBIDDEN']);
      expect([...fagState().kartlegginger.values()].some((k) => k.fnr === DEMO.P08)).toBe(false);
    });

    it('creates one request for a retried requestSkillsMapping with the same idempotency key', async () => {
      const input = newRequestInput(DEMO.P02, ['ELELE3----', 'BATMF3----']);
      const first = await graph.query(Z990001, REQUEST, { input });
      const retry = await graph.query(Z990001, REQUEST, { input });
      expect(first.errors).toBeUndefined();
      const made = first.data!.requestSkillsMapping.request;
      expect(made).toEqual({
        id: made.id,
        status: 'MOTTATT',
        trades: [{ code: 'ELELE3----' }, { code: 'BATMF3----' }],
        consent: {
          givenAt: '2026-11-25T10:00:00.000+01:00',
          method: 'MUNTLIG',
          scope: ['SUBJECTS_AND_GRADES', 'PRACTICE', 'APPRENTICESHIPS', 'TRAINING_PLAN_TO_NAV'],
          recordedBy: { kind: 'NAV_ADVISOR', id: 'Z990001' },
        },
      });
      expect(retry.data!.requestSkillsMapping.request.id).toBe(made.id);
      const stored = [...fagState().kartlegginger.values()].filter((k) => k.fnr === DEMO.P02);
      expect(stored.map((k) => [k.id, k.henvisendeVeileder.navIdent])).toEqual([[made.id, 'Z990001']]);
      requestId = made.id;
    });

    it('answers OPEN_REQUEST_EXISTS for a second request about the same person', async () => {
      const res = await graph.query(Z990001, REQUEST, { input: newRequestInput(DEMO.P02, ['ELELE3----']) });
      expect(res.data!.requestSkillsMapping).toEqual({ request: null, awaitingConsent: false, userErrors: [{ code: 'OPEN_REQUEST_EXISTS', message: expect.any(String), field: null }] });
    });

    it('refuses a route the person is not eligible for', async () => {
      const res = await graph.query(FR01, ISSUE, { input: { requestId, trade: 'ELELE3----', route: 'EXPERIENCE_BASED_CANDIDATE' } });
      expect(res.data!.issueTrainingPlan.userErrors.map((e: Json) => [e.code, e.field])).toEqual([['ROUTE_NOT_ELIGIBLE', 'route']]);
      expect(fagState().kartlegginger.get(requestId)!.opplaeringsplanId).toBeNull();
    });

    it('sends one letter when issueTrainingPlan is retried after its answer was lost', async () => {
      const realFetch = globalThis.fetch;
      let lost = 0;
      // The first send reaches the county system (which sends the letter) but its answer never comes back.
      globalThis.fetch = async (input, init) => {
        const response = await realFetch(input, init);
        if (lost === 0 && String(input instanceof Request ? input.url : input).endsWith('/send')) {
          lost++;
          throw new DOMException('The operation timed out.', 'TimeoutError');
        }
        return response;
      };
      const input = { requestId, trade: 'ELELE3----', route: 'ADULT_EDUCATION' };
      let first;
      try {
        first = await graph.query(FR01, ISSUE, { input });
      } finally {
        globalThis.fetch = realFetch;
      }
      expect(lost).toBe(1);
      expect(codeOf(first)).toEqual(['UPSTREAM_TIMEOUT']);
      expect(lettersTo(DEMO.P02)).toHaveLength(1);

      const retry = await graph.query(FR01, ISSUE, { input });
      expect(retry.errors).toBeUndefined();
      const plan = retry.data!.issueTrainingPlan.plan;
      const stored = fagState().opplaeringsplaner.get(plan.id)!;
      const letters = lettersTo(DEMO.P02);
      expect(letters).toHaveLength(1);
      expect(letters[0]!.delivery.messageId).toBe(stored.sendt!.digipostMessageId);
      expect(plan).toMatchObject({ route: 'ADULT_EDUCATION', status: 'SENT', delivery: { channel: 'DIGIPOST', status: 'DELIVERED' } });
      // No Vg1 elektro: every subject of the school path remains, Vg1 and Vg2 in adult education, then the læretid.
      const l = tradeOf('ELELE3----');
      expect(plan.creditedSubjects).toEqual([]);
      expect(plan.remainingSubjects.map((s: Json) => s.code)).toEqual(schoolPath(l).map((f: Json) => f.fagkode));
      expect(plan.estimatedMonths).toBe(12 + 12 + l.laretidManeder);
      expect(fagState().kartlegginger.get(requestId)!.status).toBe('PLAN_SENDT');
    });

    it('shows the person the plan and its delivery on their own page', async () => {
      const res = await graph.query(citizen(DEMO.P02), CITIZEN);
      const request = (res.data!.me.skillsMappingRequests as Json[]).find((r) => r.id === requestId)!;
      expect(request.status).toBe('PLAN_SENDT');
      expect(request.trainingPlan).toMatchObject({ route: 'ADULT_EDUCATION', delivery: { channel: 'DIGIPOST', status: 'DELIVERED' } });
    });

    it('closes the request with the version last read, and refuses a stale version', async () => {
      const version = fagState().kartlegginger.get(requestId)!.versjon;
      const stale = await graph.query(FR01, CHANGE_STATUS, { input: { requestId, status: 'AVSLUTTET', version: version - 1 } });
      expect(stale.data!.changeSkillsMappingStatus.userErrors).toEqual([{ code: 'VERSION_CONFLICT', field: 'version' }]);
      const closed = await graph.query(FR01, CHANGE_STATUS, { input: { requestId, status: 'AVSLUTTET', version } });
      expect(closed.data!.changeSkillsMappingStatus).toEqual({ request: { id: requestId, status: 'AVSLUTTET', version: version + 1 }, userErrors: [] });
    });

    it('prints the plan for a person without Digipost who has a postal address (Maria)', async () => {
      const old = requestOf(DEMO.P11);
      await graph.query(FR01, CHANGE_STATUS, { input: { requestId: old.id, status: 'AVSLUTTET', version: fagState().kartlegginger.get(old.id)!.versjon } });
      const made = await graph.query(Z990001, REQUEST, { input: newRequestInput(DEMO.P11, ['HSHEA3----']) });
      const id = made.data!.requestSkillsMapping.request.id;
      const lettersBefore = lettersTo(DEMO.P11).length;
      const res = await graph.query(FR01, ISSUE, { input: { requestId: id, trade: 'HSHEA3----', route: 'APPRENTICESHIP' } });
      expect(res.errors).toBeUndefined();
      const plan = res.data!.issueTrainingPlan.plan;
      expect(plan).toMatchObject({ status: 'SENT', estimatedMonths: tradeOf('HSHEA3----').laretidManeder, delivery: { channel: 'PRINT', status: 'DELIVERED_TO_PRINT' } });
      expect(plan.remainingSubjects).toEqual([{ code: 'HEA3004' }]);
      const letters = lettersTo(DEMO.P11);
      expect(letters).toHaveLength(lettersBefore + 1);
      expect(letters.at(-1)!.recipient.printDetails).toBeDefined();
    });

    it('keeps the plan a draft and sends nothing when Digipost cannot reach the person and there is no address (Olena)', async () => {
      const k = requestOf(DEMO.P07);
      const res = await graph.query(FR01, ISSUE, { input: { requestId: k.id, trade: 'HSBUA3----', route: 'ADULT_EDUCATION' } });
      expect(res.data!.issueTrainingPlan).toEqual({ plan: null, userErrors: [{ code: 'DELIVERY_FAILED', message: expect.any(String), field: null }] });
      expect(lettersTo(DEMO.P07)).toHaveLength(0);
      const planId = fagState().kartlegginger.get(k.id)!.opplaeringsplanId!;
      expect(fagState().opplaeringsplaner.get(planId)!.status).toBe('UTKAST');
    });
  });

  describe('the person withdraws the consent', () => {
    const henrik = requestOf(DEMO.P10);

    it('lets only the person withdraw it', async () => {
      const byNav = await graph.query(Z990003, WITHDRAW, { input: { requestId: henrik.id } });
      expect(codeOf(byNav)).toEqual(['FORBIDDEN']);
      const bySomeoneElse = await graph.query(citizen(DEMO.P01), WITHDRAW, { input: { requestId: henrik.id } });
      expect(bySomeoneElse.data!.withdrawSkillsMappingConsent.userErrors.map((e: Json) => e.code)).toEqual(['REQUEST_NOT_FOUND']);
      expect(fagState().kartlegginger.get(henrik.id)!.status).toBe('PLAN_SENDT');
    });

    it('stops disclosure to NAV and the training advisor from the next request on', async () => {
      const mappingQuery = { ident: DEMO.P10, trade: 'BATMF3----' };
      const navBefore = await graph.query(Z990003, OVERVIEW, mappingQuery);
      expect(navBefore.data!.person.priorSubjectMapping).not.toBeNull();
      expect(navBefore.data!.person.skillsMappingRequests.map((r: Json) => r.id)).toContain(henrik.id);
      const advisorBefore = await graph.query(FR01, MAPPING, mappingQuery);
      expect(advisorBefore.data!.person.priorSubjectMapping).not.toBeNull();

      const res = await graph.query(citizen(DEMO.P10), WITHDRAW, { input: { requestId: henrik.id } });
      expect(res.errors).toBeUndefined();
      expect(res.data!.withdrawSkillsMappingConsent.request).toMatchObject({ id: henrik.id, status: 'TRUKKET', consent: { withdrawnAt: expect.any(String) } });

      const navAfter = await graph.query(Z990003, OVERVIEW, mappingQuery);
      expect(navAfter.data!.person.priorSubjectMapping).toBeNull();
      expect(navAfter.data!.person.skillsMappingRequests).toEqual([]);
      expect(navAfter.errors!.find((e) => e.path!.join('.') === 'person.priorSubjectMapping')!.extensions!.code).toBe('CONSENT_REQUIRED');
      const advisorAfter = await graph.query(FR01, MAPPING, mappingQuery);
      expect(advisorAfter.data!.person.priorSubjectMapping).toBeNull();
      expect(codeOf(advisorAfter)).toEqual(['FORBIDDEN']);
      const worklist = await graph.query(FR01, WORKLIST, { first: 50 });
      expect(worklist.data!.skillsMappingRequests.nodes.map((n: Json) => n.id)).not.toContain(henrik.id);
      // Every refusal was audited.
      expect(graph.auditLines().some((l) => l.includes(`duid=${DEMO.P10}`) && l.includes('Deny') && l.includes('Person.priorSubjectMapping'))).toBe(true);
    });

    it('answers a second withdrawal with CONSENT_WITHDRAWN', async () => {
      const res = await graph.query(citizen(DEMO.P10), WITHDRAW, { input: { requestId: henrik.id } });
      expect(res.data!.withdrawSkillsMappingConsent.userErrors.map((e: Json) => e.code)).toEqual(['CONSENT_WITHDRAWN']);
    });
  });
});
