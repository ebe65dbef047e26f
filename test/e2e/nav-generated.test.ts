import { randomUUID } from 'node:crypto';
import { GENERATED_FIXTURES_DIR } from '../support/fixtures.ts';
import { describe, expect, it } from 'vitest';
import { callsBetween, clientOperation, navTruth, upstreamCalls } from '../../subgraphs/nav/test/navTruth.ts';
import { useStack } from '../support/stack.ts';

const GENERATED = GENERATED_FIXTURES_DIR;
const truth = navTruth(GENERATED);
const ADVISOR_CASELOAD = clientOperation('nav-advisor.graphql', 'AdvisorCaseload');

/** The advisor with the largest caseload in the generated set (≥ 50 persons, so a page of 50 is full). */
const largest = (truth.raw.veiledere as Array<{ navIdent: string }>)
  .map((v) => ({ navIdent: v.navIdent, size: truth.caseload(v.navIdent).length }))
  .sort((a, b) => b.size - a.size)[0]!;
const ADVISOR = truth.advisor(largest.navIdent);

describe('the nav subgraph on the generated set (300 persons), through the gateway', () => {
  const graph = useStack({ fixturesDir: GENERATED });

  it('has an advisor with at least 50 persons, so the call count below is for a full page', () => {
    expect(largest.size).toBeGreaterThanOrEqual(50);
  });

  it('answers AdvisorCaseload first: 50 with the files\' truth and a bounded number of NAV calls: per-person endpoints once per person, batch endpoints once', async () => {
    const before = await upstreamCalls(graph.stack.subgraphUrls.nav);
    const res = await graph.query(ADVISOR, ADVISOR_CASELOAD, { first: 50 });
    const calls = callsBetween(before, await upstreamCalls(graph.stack.subgraphUrls.nav));

    // Only the nav subgraph's own fields are asserted here; career and training answer for theirs.
    const navErrors = (res.errors ?? []).filter((e) => !['careerNotes', 'skillsMappingRequests'].some((f) => e.path?.includes(f)));
    expect(navErrors).toEqual([]);
    const page = res.data!.myCaseload;
    const expected = truth.caseload(ADVISOR.navIdent);
    expect(page.totalCount).toBe(expected.length);
    expect(page.pageInfo.hasNextPage).toBe(expected.length > 50);
    expect(page.nodes.map((n: { ident: string }) => n.ident)).toEqual(expected.slice(0, 50));
    for (const node of page.nodes) {
      expect(node.age).toBe(truth.age(node.ident));
      expect(node.followUp.innsatsgruppe).toBe(truth.person(node.ident).siste14aVedtak?.innsatsgruppe ?? null);
      const current = truth.activities(node.ident).filter((a) => !a.historisk);
      expect(node.activityPlan.activities.map((a: { id: string; status: string }) => [a.id, a.status])).toEqual(current.map((a) => [a.id, a.status]));
    }

    // Dialogue is read only for persons with a current activity (it hangs under one).
    const withActivities = expected.slice(0, 50).filter((f) => truth.activities(f).some((a) => !a.historisk)).length;
    expect(calls).toEqual({
      'veilarbportefolje hentPortefoljeForVeileder': 1,
      // One batch for the advisor's offices, one for the 50 persons of the page.
      'poao-tilgang evaluatePolicies': 2,
      'veilarboppfolging hentOppfolgingsstatus': 50,
      'veilarbvedtaksstotte hentSiste14aVedtak': 50,
      'veilarbaktivitet hentAktivitetsplan': 50,
      ...(withActivities ? { 'veilarbdialog hentDialoger': withActivities } : {}),
    });
    console.info(`AdvisorCaseload first: 50 — nav subgraph upstream calls: ${JSON.stringify(calls)}`);
  });

  it('pages through the whole caseload with opaque cursors, each person once, target group first', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res = await graph.query(ADVISOR, 'query($after: String) { myCaseload(first: 40, after: $after) { pageInfo { hasNextPage endCursor } nodes { ident } } }', { after });
      expect(res.errors).toBeUndefined();
      seen.push(...res.data!.myCaseload.nodes.map((n: { ident: string }) => n.ident));
      after = res.data!.myCaseload.pageInfo.hasNextPage ? res.data!.myCaseload.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(truth.caseload(ADVISOR.navIdent));
  });

  it('gives NO_OPEN_FOLLOW_UP_PERIOD for a person without an open period, and PERSON_CANNOT_BE_NOTIFIED when NAV cannot notify', async () => {
    const persons = truth.raw.personer as Array<Record<string, any>>;
    const notFollowed = persons.find((p) => !p.oppfolgingsperioder.some((x: { sluttDato?: string }) => !x.sluttDato) && truth.permits(ADVISOR.navIdent, p.fnr))!;
    const created = await graph.query(ADVISOR, 'mutation($input: CreateCareerGuidanceActivityInput!) { createCareerGuidanceActivity(input: $input) { activity { id } userErrors { code } } }', {
      input: { ident: notFollowed.fnr },
    });
    expect(created.data!.createCareerGuidanceActivity).toEqual({ activity: null, userErrors: [{ code: 'NO_OPEN_FOLLOW_UP_PERIOD' }] });

    const silent = persons.find((p) => !p.kanVarsles && truth.permits(ADVISOR.navIdent, p.fnr) && truth.threads(p.fnr).some((t) => !t.historisk))!;
    const thread = truth.threads(silent.fnr).find((t) => !t.historisk)!;
    const sent = await graph.query(ADVISOR, 'mutation($input: SendDialogueMessageInput!) { sendDialogueMessage(input: $input) { thread { id } userErrors { code } } }', {
      input: { ident: silent.fnr, threadId: thread.id, text: 'Hei', idempotencyKey: randomUUID() },
    });
    expect(sent.data!.sendDialogueMessage).toEqual({ thread: null, userErrors: [{ code: 'PERSON_CANNOT_BE_NOTIFIED' }] });
    expect(graph.stack.upstreams.nav.state.dialoger.get(thread.id)!.henvendelser).toHaveLength(thread.henvendelser.length);
  });
});
