import { describe, expect, it } from 'vitest';
import { DEMO_FIXTURES_DIR } from '../../stand-ins/common/fixtures.ts';
import { navTruth } from '../../subgraphs/nav/test/navTruth.ts';
import { DEMO, useStack } from '../support/stack.ts';

const truth = navTruth(DEMO_FIXTURES_DIR);
const INGRID = truth.advisor('Z990001');
const HAKON = truth.advisor('Z990004');

const PAGE = `query($first: Int!, $after: String) {
  myCaseload(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { ident age inTargetGroup followUp { innsatsgruppe } activityPlan { activities { id status dialogue { unreadCount waitingForReply } } } }
  }
}`;

type Node = { ident: string; age: number; inTargetGroup: boolean; followUp: { innsatsgruppe: string | null }; activityPlan: { activities: Array<{ id: string }> } };

describe('myCaseload through the gateway (demo personas)', () => {
  const graph = useStack();

  async function allPages(caller: typeof INGRID, first: number) {
    const pages: Array<{ totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Node[] }> = [];
    let after: string | null = null;
    do {
      const res = await graph.query(caller, PAGE, { first, after });
      expect(res.errors).toBeUndefined();
      pages.push(res.data!.myCaseload);
      after = res.data!.myCaseload.pageInfo.hasNextPage ? res.data!.myCaseload.pageInfo.endCursor : null;
    } while (after);
    return pages;
  }

  it("lists the advisor's persons, target group first, page by page, as NAV's files hold them", async () => {
    const expected = truth.caseload('Z990001');
    expect(expected.some((f) => truth.age(f) > 35)).toBe(true); // the order is really tested: P06 is outside 18–35
    const pages = await allPages(INGRID, 3);
    const nodes = pages.flatMap((p) => p.nodes);
    expect(nodes.map((n) => n.ident)).toEqual(expected);
    expect(pages.every((p) => p.totalCount === expected.length)).toBe(true);
    expect(pages.slice(0, -1).every((p) => p.nodes.length === 3 && p.pageInfo.hasNextPage)).toBe(true);
    for (const node of nodes) {
      const person = truth.person(node.ident);
      expect(node.age).toBe(truth.age(node.ident));
      expect(node.inTargetGroup).toBe(node.age >= 18 && node.age <= 35);
      expect(node.followUp.innsatsgruppe).toBe(person.siste14aVedtak?.innsatsgruppe ?? null);
      expect(node.activityPlan.activities.map((a) => a.id)).toEqual(truth.activities(node.ident).filter((a) => !a.historisk).map((a) => a.id));
    }
  });

  it('gives cursors that name no one', async () => {
    const [first] = await allPages(INGRID, 2);
    const cursor = first!.pageInfo.endCursor!;
    expect(cursor).not.toMatch(/[0-9]{11}/);
    expect(Buffer.from(cursor, 'base64url').toString()).not.toMatch(/[0-9]{11}/);
  });

  it('shows a shielded person only to the advisor poao-tilgang lets see them', async () => {
    const pages = await allPages(HAKON, 10);
    expect(pages.flatMap((p) => p.nodes.map((n) => n.ident))).toEqual(truth.caseload('Z990004'));
    expect(truth.caseload('Z990004')).toContain(DEMO.P08);
  });

  it('refuses a cursor it did not make and a page size outside 1–100', async () => {
    for (const variables of [{ first: 5, after: 'bm9wZQ' }, { first: 0 }, { first: 101 }]) {
      const res = await graph.query(INGRID, PAGE, variables);
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('is for NAV advisors only: a person, a counsellor, a training advisor and a reporting client are FORBIDDEN', async () => {
    const callers = [
      { role: 'citizen' as const, ident: DEMO.P01 },
      { role: 'career-counsellor' as const, counsellorId: 'KV-101', centreId: 'KS-TRD' },
      { role: 'training-advisor' as const, advisorId: 'FR-01' },
      { role: 'partner-reporting' as const, clientId: 'partnerskap' },
    ];
    for (const caller of callers) {
      const res = await graph.query(caller, PAGE, { first: 5 });
      expect(res.data?.myCaseload ?? null).toBeNull();
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });
});
