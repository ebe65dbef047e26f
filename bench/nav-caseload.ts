/**
 * npm run bench: AdvisorCaseload with first: 50 through the gateway, with every stand-in answering after
 * UPSTREAM_LATENCY_MS (default 20 ms), on the generated fixtures' advisor with the largest caseload. Reports the
 * upstream calls per request (each subgraph's fagbrev_upstream_calls_total) and the latency over RUNS runs.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStack } from '../stack/index.ts';
import { callsBetween, clientOperation, navTruth, upstreamCalls } from '../subgraphs/nav/test/navTruth.ts';

const FIXTURES = process.env.FIXTURES_DIR ?? fileURLToPath(new URL('../stand-ins/fixtures/generated', import.meta.url));
const LATENCY_MS = Number(process.env.UPSTREAM_LATENCY_MS ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const WARMUP = 3;
const FIRST = 50;

const truth = navTruth(FIXTURES);
const navIdent = (truth.raw.veiledere as Array<{ navIdent: string }>)
  .map((v) => v.navIdent)
  .sort((a, b) => truth.caseload(b).length - truth.caseload(a).length)[0]!;
const stack = await startStack({
  port: 0,
  fixturesDir: FIXTURES,
  now: truth.referenceNow,
  latencyMs: LATENCY_MS,
  upstreamTimeoutMs: 5000,
  auditLogFile: join(mkdtempSync(join(tmpdir(), 'fagbrev-bench-')), 'audit.log'),
  logLevel: 'silent',
});

try {
  const token = await stack.issuer.tokenFor(truth.advisor(navIdent));
  const query = clientOperation('nav-advisor.graphql', 'AdvisorCaseload');
  const ask = async () => {
    const res = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables: { first: FIRST } }),
    });
    return (await res.json()) as { data?: { myCaseload?: { nodes: unknown[] } }; errors?: Array<{ extensions?: { code?: string } }> };
  };
  const readAll = async () =>
    Object.fromEntries(await Promise.all(Object.entries(stack.subgraphUrls).map(async ([name, url]) => [name, await upstreamCalls(url)] as const)));

  for (let i = 0; i < WARMUP; i++) await ask();
  const before = await readAll();
  const times: number[] = [];
  let errors = 0;
  let nodes = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const body = await ask();
    times.push(performance.now() - started);
    errors += body.errors?.length ?? 0;
    nodes = body.data?.myCaseload?.nodes.length ?? 0;
  }
  const after = await readAll();

  const sorted = [...times].sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  console.log(`AdvisorCaseload first: ${FIRST} — advisor ${navIdent} (${truth.caseload(navIdent).length} persons), ${nodes} nodes, UPSTREAM_LATENCY_MS=${LATENCY_MS}, ${RUNS} runs`);
  console.log(`latency ms: p50 ${pct(50).toFixed(0)}  p95 ${pct(95).toFixed(0)}  min ${sorted[0]!.toFixed(0)}  max ${sorted.at(-1)!.toFixed(0)}`);
  console.log(`errors in responses: ${errors}`);
  for (const name of Object.keys(stack.subgraphUrls)) {
    const perRun = Object.entries(callsBetween(before[name]!, after[name]!)).map(([op, n]) => [op, n / RUNS] as const);
    const total = perRun.reduce((sum, [, n]) => sum + n, 0);
    console.log(`${name} subgraph: ${total} upstream calls per request`);
    for (const [op, n] of perRun) console.log(`  ${op}: ${n}`);
  }
} finally {
  await stack.close();
}
