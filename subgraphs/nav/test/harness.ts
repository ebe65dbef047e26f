import nock from 'nock';
import type { Caller } from '../../../lib/auth/caller.ts';
import type { AuditSink } from '../../../lib/audit/sink.ts';
import { createLogger } from '../../../lib/log.ts';
import { serveApp, testAuth } from '../../../test/support/subgraph.ts';
import { createNavSubgraph } from '../index.ts';
import * as fixture from './navFixture.ts';

/** The NAV API host of the unit tests (.invalid: a test can never reach a network). */
export const NAV_URL = 'http://nav.invalid';
/**
 * Per-call timeout in the tests: short, so the timeout tests are quick, and long enough that a fast nock answer
 * never misses it on a loaded machine (at 300 ms, poao-tilgang calls timed out while test files ran in parallel).
 */
export const TEST_TIMEOUT_MS = 1000;

/** An audit sink that keeps the lines, so a test can see what was recorded. */
export function memoryAuditSink(): AuditSink & { lines: string[] } {
  const lines: string[] = [];
  return { lines, write: async (l) => void lines.push(...l) };
}

/** The nav subgraph served for one test file, with test tokens and the fixtures' reference day as "now". */
export function navSubgraphForTests() {
  const auth = testAuth();
  const audit = memoryAuditSink();
  const query = serveApp(async () => {
    const { app } = await createNavSubgraph({
      verifier: auth.verifier,
      exchanger: auth.exchanger,
      log: createLogger('nav-subgraph-test', 'silent'),
      upstreams: { nav: { url: NAV_URL, audience: 'nav-api' } },
      timeoutMs: TEST_TIMEOUT_MS,
      auditSink: audit,
      now: () => fixture.REFERENCE_NOW,
    });
    return app;
  });
  return {
    audit,
    /** Posts a query as `caller` (no caller: no Authorization header). */
    ask: (caller: Caller | null, q: string, variables: Record<string, unknown> = {}) =>
      query(q, variables, caller ? auth.bearer(caller) : undefined),
  };
}

/** Every NAV call must carry the call id and say who calls (Nav-Consumer-Id). */
export const nav = () =>
  nock(NAV_URL, { reqheaders: { 'nav-consumer-id': 'fagbrev-graph', 'nav-call-id': /.+/, authorization: /^Bearer .+/ } });

const fnrBody = (fnr: string) => (body: unknown) => (body as { fnr?: string }).fnr === fnr;

/** One interceptor per NAV endpoint and person, answering from the fixtures (or with `reply` when given). */
export const mock = {
  poaoTilgang(navIdent: string, idents: string[]) {
    return nav()
      .post('/poao-tilgang/api/v1/policy/evaluate', (body: { requests: Array<{ policyInput: { norskIdent: string } }> }) => {
        const asked = body.requests.map((r) => r.policyInput.norskIdent).sort();
        return JSON.stringify(asked) === JSON.stringify([...idents].sort());
      })
      .reply(200, (_uri, body) => fixture.evaluatePolicies(navIdent, body as { requests: [] }));
  },
  aktivitetsplan(fnr: string, reply: unknown = fixture.aktivitetsplan(fnr)) {
    return nav().get('/veilarbaktivitet/api/aktivitet').query({ fnr }).reply(200, reply as nock.Body);
  },
  dialoger(fnr: string, reply: unknown = fixture.dialoger(fnr)) {
    return nav().get('/veilarbdialog/api/dialog').query({ fnr }).reply(200, reply as nock.Body);
  },
  oppfolgingsstatus(fnr: string, reply: unknown = fixture.oppfolgingsstatus(fnr)) {
    return nav().post('/veilarboppfolging/api/v3/oppfolging/hent-status', fnrBody(fnr)).reply(200, reply as nock.Body);
  },
  enhetOgVeileder(fnr: string, reply: unknown = fixture.enhetOgVeileder(fnr)) {
    return nav().post('/veilarboppfolging/api/v2/person/hent-oppfolgingsstatus', fnrBody(fnr)).reply(200, reply as nock.Body);
  },
  siste14aVedtak(fnr: string, reply: unknown = fixture.siste14aVedtak(fnr)) {
    const interceptor = nav().post('/veilarbvedtaksstotte/api/v2/hent-siste-14a-vedtak', fnrBody(fnr));
    return reply === null ? interceptor.reply(204) : interceptor.reply(200, reply as nock.Body);
  },
};
