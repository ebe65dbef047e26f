import { describe, expect, it } from 'vitest';
import type { Caller } from '../../lib/auth/caller.ts';
import { DEMO_FIXTURES_DIR } from '../../stand-ins/common/fixtures.ts';
import { navAdvisor, operationText, readFixtures } from '../support/fixtures.ts';
import { DEMO, useStack } from '../support/stack.ts';

/**
 * A client that sends a fødselsnummer as its call id — by mistake or on purpose, in any of the ways people write
 * one — must not get it into a log line of any process, nor have it echoed back or sent on. A dedicated stack, its
 * log lines (every process's, debug level: upstream calls included) captured.
 */
const fx = readFixtures(DEMO_FIXTURES_DIR);
const Z990001 = navAdvisor(fx, 'Z990001');
const P02 = { role: 'citizen', ident: DEMO.P02 } as const;
const CITIZEN_OVERVIEW = operationText('citizen.graphql', 'CitizenOverview');
const ADVISOR_VIEW = `query($ident: ID!) { person(ident: $ident) { followUp { startedAt } activityPlan { activities { id } } careerNotes { id } skillsMappingRequests { id } } }`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** P02's number as clients write it. */
const FORMS = ['23869823562', '238698-23562', '238698 23562', '23.86.98.23562', '238698.23562', 'call-238698_23562'];
/** P02's digits in order with up to three other characters between any two: every form above, and more. */
const P02_ANY_FORM = new RegExp(DEMO.P02.split('').join('[^0-9]{0,3}'));

describe('no fødselsnummer in any log line, whatever call id the client sends (dedicated stack)', () => {
  const graph = useStack({ captureLogs: true });

  async function post(caller: Caller | null, query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
    const res = await graph.query(caller, query, variables, headers);
    return { ...res, callId: res.headers.get('nav-call-id') };
  }

  for (const header of ['X-Correlation-ID', 'Nav-Call-Id']) {
    it(`replaces a ${header} that carries one by a fresh call id, and logs none of its forms`, async () => {
      const before = graph.logLines().length;
      for (const form of FORMS) {
        const asPerson = await post(P02, CITIZEN_OVERVIEW, {}, { [header]: form });
        expect(asPerson.status).toBe(200);
        expect(asPerson.callId).toMatch(UUID);
        const asAdvisor = await post(Z990001, ADVISOR_VIEW, { ident: DEMO.P02 }, { [header]: form });
        expect(asAdvisor.errors).toBeUndefined();
        expect(asAdvisor.callId).toMatch(UUID);
        expect(asAdvisor.callId).not.toBe(asPerson.callId);
        // A refused request (no token) is logged too.
        const refused = await post(null, CITIZEN_OVERVIEW, {}, { [header]: form });
        expect(refused.status).toBe(401);
        expect(refused.callId).toMatch(UUID);
      }
      const lines = graph.logLines().slice(before);
      // Lines of the gateway and of every subgraph, at the request's (fresh) call id.
      const processes = new Set(lines.map((l) => (JSON.parse(l) as { process?: string }).process));
      expect(processes).toEqual(new Set(['gateway', 'nav', 'career', 'training']));
      expect(lines.every((l) => typeof (JSON.parse(l) as { callId?: unknown }).callId === 'string')).toBe(true);
      expect(lines.filter((l) => P02_ANY_FORM.test(l))).toEqual([]);
    });
  }

  it('masks one in an operation name, in the request log line and the metrics', async () => {
    const before = graph.logLines().length;
    const res = await post(P02, `query Q${DEMO.P02} { me { ident } }`, {}, {});
    expect(res.data?.me.ident).toBe(DEMO.P02);
    const lines = graph.logLines().slice(before);
    expect(lines.some((l) => (JSON.parse(l) as { msg?: string }).msg === 'graphql request')).toBe(true);
    expect(lines.filter((l) => P02_ANY_FORM.test(l))).toEqual([]);
    const metrics = await (await fetch(new URL('/internal/metrics', graph.stack.gateway.url))).text();
    expect(metrics).not.toMatch(P02_ANY_FORM);
  });
});
