import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Caller } from '../../lib/auth/caller.ts';
import { startStack, type Stack } from '../../stack/index.ts';
import { DEMO_FIXTURES_DIR } from '../../stand-ins/common/fixtures.ts';
import { allIdents, navAdvisor, operationText, readFixtures } from '../support/fixtures.ts';
import { DEMO, REFERENCE_NOW, type GraphQLResult } from '../support/stack.ts';

/**
 * The plumbing of one request through the whole stack: call ids, health, input and contract errors, and the logs.
 * A dedicated stack (its log lines captured, its stand-in state corrupted, a subgraph stopped at the end), so the
 * tests run in order.
 */
const fx = readFixtures(DEMO_FIXTURES_DIR);
const CITIZEN_OVERVIEW = operationText('citizen.graphql', 'CitizenOverview');
const Z990001 = navAdvisor(fx, 'Z990001');
const ADVISOR_VIEW = `query($ident: ID!) { person(ident: $ident) { followUp { startedAt } activityPlan { activities { id } } careerNotes { id } skillsMappingRequests { id } } }`;

describe('the plumbing of a request (dedicated stack)', () => {
  let stack: Stack;
  const logLines: string[] = [];
  const auditLogFile = join(mkdtempSync(join(tmpdir(), 'fagbrev-audit-')), 'audit.log');
  const auditLines = () => (existsSync(auditLogFile) ? readFileSync(auditLogFile, 'utf8').split('\n').filter(Boolean) : []);
  const base = () => new URL('/', stack.gateway.url);

  beforeAll(async () => {
    const destination: DestinationStream = { write: (line: string) => void logLines.push(line) };
    stack = await startStack({
      port: 0,
      fixturesDir: DEMO_FIXTURES_DIR,
      now: REFERENCE_NOW,
      latencyMs: 0,
      upstreamTimeoutMs: 5000,
      auditLogFile,
      // debug: the most lines there are, upstream calls included.
      logLevel: 'debug',
      logDestination: destination,
    });
  });
  afterAll(async () => stack?.close());

  async function post(caller: Caller | null, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    const all: Record<string, string> = { 'content-type': 'application/json', ...headers };
    if (caller) all.authorization = `Bearer ${await stack.issuer.tokenFor(caller)}`;
    const res = await fetch(stack.gateway.url, { method: 'POST', headers: all, body: JSON.stringify({ query, variables }) });
    return { status: res.status, callId: res.headers.get('nav-call-id'), ...((await res.json()) as GraphQLResult) };
  }

  describe('call ids', () => {
    it('the gateway echoes a valid incoming Nav-Call-Id, and it reaches every subgraph and every upstream', async () => {
      const upstreamOrigins = Object.values(stack.upstreams).map((u) => new URL(u.url).origin);
      const seen: Array<{ origin: string; callId: string | null }> = [];
      const realFetch = globalThis.fetch;
      // The subgraphs call their upstreams with global fetch in this process: watch the headers they send.
      const spy = vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
        const url = new URL(input instanceof Request ? input.url : String(input));
        if (upstreamOrigins.includes(url.origin)) {
          const headers = new Headers(init?.headers);
          seen.push({ origin: url.origin, callId: headers.get('nav-call-id') ?? headers.get('x-correlation-id') });
        }
        return realFetch(input, init);
      });
      try {
        const callId = `e2e-${Date.now()}`;
        const res = await post(Z990001, ADVISOR_VIEW, { ident: DEMO.P01 }, { 'Nav-Call-Id': callId });
        expect(res.errors).toBeUndefined();
        expect(res.callId).toBe(callId);
        // Every subgraph that disclosed something wrote its audit line under the caller's call id.
        const audited = auditLines().filter((l) => l.includes(`sproc=${callId}`));
        expect(new Set(audited.map((l) => l.split('|')[2]))).toEqual(new Set(['nav', 'career', 'training']));
        // Every upstream was called, each with the same call id.
        expect(new Set(seen.map((s) => s.origin))).toEqual(new Set([stack.upstreams.nav, stack.upstreams.karrieresenter, stack.upstreams.fagopplaering].map((u) => new URL(u.url).origin)));
        expect(seen.every((s) => s.callId === callId)).toBe(true);
      } finally {
        spy.mockRestore();
      }
    });

    it('the gateway sets a call id when none (or an unsafe one) comes in, and uses it downstream', async () => {
      for (const headers of [{}, { 'Nav-Call-Id': 'not safe; "quoted" <script>' }] as Record<string, string>[]) {
        const res = await post(Z990001, ADVISOR_VIEW, { ident: DEMO.P02 }, headers);
        expect(res.callId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        expect(auditLines().some((l) => l.includes(`sproc=${res.callId}`))).toBe(true);
      }
    });

    it('accepts X-Correlation-ID as the incoming call id too', async () => {
      const res = await post(Z990001, ADVISOR_VIEW, { ident: DEMO.P02 }, { 'X-Correlation-ID': 'corr-e2e-1' });
      expect(res.callId).toBe('corr-e2e-1');
    });
  });

  describe('health', () => {
    it('/internal/isalive and /internal/isready answer 200 while every subgraph answers', async () => {
      expect((await fetch(new URL('/internal/isalive', base()))).status).toBe(200);
      const ready = await fetch(new URL('/internal/isready', base()));
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ ready: true, subgraphs: { nav: true, career: true, training: true } });
    });
  });

  describe('errors with stable codes', () => {
    it('an ident that is not a fødselsnummer or D-number is BAD_USER_INPUT, and nothing is read', async () => {
      for (const ident of ['14820482818', '1482048281', 'abcdefghijk', '99999999999']) {
        const res = await post(Z990001, ADVISOR_VIEW, { ident });
        expect(res.data?.person ?? null).toBeNull();
        expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
      }
    });

    it('a record that breaks its contract costs only its field: UPSTREAM_CONTRACT_VIOLATION there, data everywhere else', async () => {
      const booking = [...stack.upstreams.karrieresenter.state.bookings.values()].find((b) => b.person.fnr === DEMO.P01)!;
      const original = booking.mode;
      (booking as { mode: string }).mode = 'HOLOGRAM'; // not one of the contract's modes
      try {
        const res = await post({ role: 'citizen', ident: DEMO.P01 }, CITIZEN_OVERVIEW);
        expect(res.status).toBe(200);
        expect(res.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['me', 'guidanceBookings'], 'UPSTREAM_CONTRACT_VIOLATION']]);
        // No upstream body, value or ident in the message.
        expect(res.errors?.[0]?.message).not.toMatch(/HOLOGRAM|\d{11}/);
        expect(res.data?.me.guidanceBookings).toBeNull();
        expect(res.data?.me.followUp).not.toBeNull();
        expect(res.data?.me.activityPlan.activities.length).toBeGreaterThan(0);
        expect(res.data?.me.careerNotes.length).toBeGreaterThan(0);
        expect(res.data?.me.skillsMappingRequests.length).toBeGreaterThan(0);
      } finally {
        (booking as { mode: string }).mode = original;
      }
    });
  });

  describe('logs', () => {
    it('no log line holds a fødselsnummer of the fixtures, after every persona, an advisor and failures went through', async () => {
      for (const ident of Object.values(DEMO)) await post({ role: 'citizen', ident }, CITIZEN_OVERVIEW);
      for (const ident of Object.values(DEMO)) await post(Z990001, ADVISOR_VIEW, { ident });
      await post(null, CITIZEN_OVERVIEW);
      await post(Z990001, ADVISOR_VIEW, { ident: '14820482818' });
      expect(logLines.length).toBeGreaterThan(50);
      // JSON lines that carry the call id.
      const parsed = logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(parsed.some((l) => typeof l.callId === 'string')).toBe(true);
      const idents = [...allIdents(fx)];
      expect(idents).toEqual(expect.arrayContaining(Object.values(DEMO)));
      const leaks = logLines.filter((line) => idents.some((ident) => line.includes(ident)));
      expect(leaks).toEqual([]);
    });
  });

  describe('readiness with a subgraph down', () => {
    it('/internal/isready is 503 when one subgraph is stopped; isalive stays 200 and the rest of a query still has data', async () => {
      await stack.subgraphs.career.close();
      const ready = await fetch(new URL('/internal/isready', base()));
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ ready: false, subgraphs: { nav: true, career: false, training: true } });
      expect((await fetch(new URL('/internal/isalive', base()))).status).toBe(200);
      const res = await post({ role: 'citizen', ident: DEMO.P01 }, '{ me { ident followUp { startedAt } guidanceBookings { id } skillsMappingRequests { id } } }');
      expect(res.data?.me.followUp).not.toBeNull();
      expect(res.data?.me.skillsMappingRequests.length).toBeGreaterThan(0);
      expect(res.errors?.length).toBeGreaterThan(0);
    });
  });
});
