/**
 * What checking subgraph answers costs the gateway (gateway/responseContract.ts). Runs CitizenOverview for every demo
 * persona and AdvisorCaseload (first: 50) on the generated set through the in-process stack, records each subgraph
 * answer the gateway received, then times the check of exactly those answers (BENCH_RUNS repetitions each) next to
 * the JSON parse the gateway does anyway and the request's own latency.
 *   npx tsx bench/subgraph-answers.ts
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import { readSupergraph } from '../schema/compose.ts';
import { startStack } from '../stack/index.ts';
import { DEMO_FIXTURES_DIR } from '../stand-ins/common/fixtures.ts';
import { checkSubgraphData } from '../gateway/responseContract.ts';
import { SelectedFields } from '../gateway/selectedFields.ts';
import { subgraphSchemas } from '../gateway/subgraphSchemas.ts';
import { operationText } from '../test/support/fixtures.ts';
import { navTruth } from '../subgraphs/nav/test/navTruth.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const schemas = subgraphSchemas(readSupergraph());

interface Recorded { subgraph: string; query: string; variables: Record<string, unknown>; text: string }

/** Records every answer a subgraph gives the gateway (global fetch is the gateway's only way out). */
function recordSubgraphAnswers(urls: Record<string, string>): Recorded[] {
  const byUrl = new Map(Object.entries(urls).map(([name, url]) => [url, name]));
  const recorded: Recorded[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const res = await original(input, init);
    const subgraph = byUrl.get(String(input));
    if (!subgraph || typeof init?.body !== 'string') return res;
    const text = await res.text();
    const { query, variables } = JSON.parse(init.body);
    recorded.push({ subgraph, query, variables: variables ?? {}, text });
    return new Response(text, { status: res.status, headers: res.headers });
  };
  return recorded;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function measure(label: string, fixturesDir: string, now: Date, ask: (url: string, token: (c: any) => Promise<string>) => Promise<unknown>) {
  const stack = await startStack({ port: 0, fixturesDir, now, latencyMs: 0, upstreamTimeoutMs: 5000, auditLogFile: join(mkdtempSync(join(tmpdir(), 'fagbrev-bench-')), 'audit.log'), logLevel: 'silent' });
  try {
    const token = (caller: any) => stack.issuer.tokenFor(caller);
    for (let i = 0; i < 3; i++) await ask(stack.gateway.url, token); // warm-up
    const latencies: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      await ask(stack.gateway.url, token);
      latencies.push(performance.now() - started);
    }
    const recorded = recordSubgraphAnswers(stack.subgraphUrls);
    await ask(stack.gateway.url, token);
    const original = globalThis.fetch;
    let checkMs = 0;
    let parseMs = 0;
    let bytes = 0;
    for (const answer of recorded) {
      const schema = schemas.get(answer.subgraph)!;
      const document = parse(answer.query);
      bytes += answer.text.length;
      const parses: number[] = [];
      const checks: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        let t = performance.now();
        const body = JSON.parse(answer.text);
        parses.push(performance.now() - t);
        t = performance.now();
        const result = checkSubgraphData(new SelectedFields(schema, document, answer.variables), body.data);
        checks.push(performance.now() - t);
        if (result.violations.length) throw new Error(`${answer.subgraph} broke its contract: ${JSON.stringify(result.violations)}`);
      }
      checkMs += median(checks);
      parseMs += median(parses);
    }
    void original;
    console.log(`${label}: ${recorded.length} subgraph answers, ${(bytes / 1024).toFixed(1)} kB; check ${(checkMs * 1000).toFixed(0)} µs per request (JSON.parse of the same answers ${(parseMs * 1000).toFixed(0)} µs); request median ${median(latencies).toFixed(1)} ms`);
  } finally {
    await stack.close();
  }
}

const overview = operationText('citizen.graphql', 'CitizenOverview');
const post = async (url: string, authorization: string, query: string, variables: Record<string, unknown> = {}) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(`errors: ${JSON.stringify(body.errors).slice(0, 300)}`);
};

// P01 has data in every system; every persona in turn shows the spread.
const { DEMO } = await import('../test/support/stack.ts');
for (const [persona, ident] of Object.entries(DEMO).filter(([p]) => ['P01', 'P02', 'P11'].includes(p))) {
  await measure(`CitizenOverview ${persona}`, DEMO_FIXTURES_DIR, new Date('2026-11-26T08:00:00.000+01:00'), async (url, token) =>
    post(url, `Bearer ${await token({ role: 'citizen', ident })}`, overview).catch(() => undefined),
  );
}
const generated = fileURLToPath(new URL('../stand-ins/fixtures/generated', import.meta.url));
const truth = navTruth(generated);
const navIdent = (truth.raw.veiledere as Array<{ navIdent: string }>).map((v) => v.navIdent).sort((a, b) => truth.caseload(b).length - truth.caseload(a).length)[0]!;
await measure('AdvisorCaseload first: 50 (generated set)', generated, truth.referenceNow, async (url, token) =>
  post(url, `Bearer ${await token(truth.advisor(navIdent))}`, operationText('nav-advisor.graphql', 'AdvisorCaseload'), { first: 50 }).catch(() => undefined),
);
