/**
 * npm run bench:validation: how long the gateway spends checking what a request asks, before and after issue 10.
 *
 * - before: the hand-written depth/alias rule (bench/handWrittenLimits.ts) run with graphql-js's standard rules, as
 *   Apollo Server ran them, on the fragment bomb at n = 16, 18, 20 (it doubles per fragment; n = 30 would take hours);
 * - after: the operation limits (gateway/limits.ts, before Apollo Server) on the bomb at n = 20, 30, 40 (at n = 40
 *   the token limit refuses it first, so also with the token limit raised: the cost estimate alone), and on the
 *   largest bodies they accept — the clients' largest operations, the introspection query, and the worst shape known
 *   for graphql-js's validation (repeated fields, quadratic in OverlappingFieldsCanBeMerged) at the token limit —
 *   timed with Apollo Server's own parse + validate, which only accepted bodies reach;
 * - through the gateway over HTTP (the whole stack in-process): the round trip of the bomb's refusal.
 *
 * Times are CPU milliseconds of this process (median of BENCH_RUNS, default 31), so other load on the machine
 * counts less; the HTTP figures are wall-clock.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getIntrospectionQuery, parse, specifiedRules, validate, type ValidationRule } from 'graphql';
import { DEFAULT_LIMITS, gatewayLimits, operationLimits, type RequestedOperation } from '../gateway/limits.ts';
import { createLogger } from '../lib/log.ts';
import { apiSchemaOf, readSupergraph } from '../schema/compose.ts';
import { startStack } from '../stack/index.ts';
import { DEMO_FIXTURES_DIR } from '../stand-ins/common/fixtures.ts';
import { operationText } from '../test/support/fixtures.ts';
import { handWrittenLimitsRule } from './handWrittenLimits.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 31);

const fragmentBomb = (n: number) =>
  `query{...F0} ${Array.from({ length: n }, (_, i) => `fragment F${i} on Query{...F${i + 1} ...F${i + 1}}`).join(' ')} fragment F${n} on Query{__typename}`;

/** Median CPU milliseconds of `work` over `runs` runs (after one warm-up run). */
function cpuMs(work: () => unknown, runs = RUNS): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    work();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const ms = (n: number) => `${n.toFixed(2).padStart(9)} ms`;
const supergraphSdl = readSupergraph();
const schema = apiSchemaOf(supergraphSdl);
const limits = operationLimits({ limits: gatewayLimits(), supergraphSdl, log: createLogger('bench', 'silent') });
const apolloValidation = (query: string, rules: ValidationRule[] = []) => validate(schema, parse(query), [...specifiedRules, ...rules]);

console.log(`Validation time (CPU, median of ${RUNS})\n`);
console.log('before — hand-written limits + graphql-js standard rules, as Apollo Server ran them (every bomb accepted):');
for (const n of [16, 18, 20]) {
  const query = fragmentBomb(n);
  const errors = apolloValidation(query, [handWrittenLimitsRule(DEFAULT_LIMITS)]);
  console.log(`  fragment bomb n = ${n} (${query.length} bytes)`.padEnd(52), ms(cpuMs(() => apolloValidation(query, [handWrittenLimitsRule(DEFAULT_LIMITS)]), 3)), errors.length ? 'refused' : 'accepted');
}

console.log('\nafter — operation limits, before Apollo Server:');
for (const n of [20, 30, 40]) {
  const operations = [{ query: fragmentBomb(n) }];
  const refusal = limits.check(operations);
  console.log(`  fragment bomb n = ${n} (${operations[0]!.query.length} bytes)`.padEnd(52), ms(cpuMs(() => limits.check(operations))), refusal?.code ?? 'accepted');
}

// The cost estimate alone, with the token limit out of the way: it stays linear in the document however large the bomb.
const costOnly = operationLimits({ limits: gatewayLimits({ maxTokens: 1_000_000 }), supergraphSdl, log: createLogger('bench', 'silent') });
console.log('\nafter — the same with GATEWAY_MAX_TOKENS=1000000 (the cost estimate alone):');
for (const n of [20, 30, 40, 200]) {
  const operations = [{ query: fragmentBomb(n) }];
  const refusal = costOnly.check(operations);
  console.log(`  fragment bomb n = ${n} (${operations[0]!.query.length} bytes)`.padEnd(52), ms(cpuMs(() => costOnly.check(operations))), refusal?.code ?? 'accepted');
}

// Accepted bodies: the limits, then what Apollo Server does before planning (parse + the standard rules).
const repeatedFields = (() => {
  let n = 1;
  const make = (k: number) => `{ me { ${Array.from({ length: k }, () => 'followUp { startedAt }').join(' ')} } }`;
  while (!limits.check([{ query: make(n + 1) }])) n++;
  return make(n);
})();
const accepted: Array<[string, RequestedOperation[]]> = [
  ['AdvisorCaseload (first: 100)', [{ query: operationText('nav-advisor.graphql', 'AdvisorCaseload'), variables: { first: 100 } }]],
  ['TrainingAdvisorWorklist (first: 100)', [{ query: operationText('training-advisor.graphql', 'TrainingAdvisorWorklist'), variables: { first: 100 } }]],
  ['AdvisorPersonOverview', [{ query: operationText('nav-advisor.graphql', 'AdvisorPersonOverview') }]],
  ['CitizenOverview', [{ query: operationText('citizen.graphql', 'CitizenOverview') }]],
  ['the introspection query', [{ query: getIntrospectionQuery() }]],
  [`repeated fields at the token limit (${DEFAULT_LIMITS.maxTokens})`, [{ query: repeatedFields }]],
];
console.log('\naccepted bodies — operation limits, then Apollo Server parse + standard rules:');
for (const [label, operations] of accepted) {
  const refusal = limits.check(operations);
  if (refusal) throw new Error(`${label} is refused: ${refusal.message}`);
  const gate = cpuMs(() => limits.check(operations));
  const apollo = cpuMs(() => apolloValidation(String(operations[0]!.query)));
  console.log(`  ${label}`.padEnd(52), ms(gate), '+', ms(apollo).trim(), '=', ms(gate + apollo).trim());
}

// Through the gateway: the refusal's round trip with a partner-reporting token.
const stack = await startStack({
  port: 0,
  fixturesDir: DEMO_FIXTURES_DIR,
  latencyMs: 0,
  upstreamTimeoutMs: 5000,
  auditLogFile: join(mkdtempSync(join(tmpdir(), 'fagbrev-bench-')), 'audit.log'),
  logLevel: 'silent',
});
try {
  const token = await stack.issuer.tokenFor({ role: 'partner-reporting', clientId: 'partnerskap' });
  console.log('\nthrough the gateway (HTTP round trip, wall clock, median):');
  for (const n of [20, 30, 40]) {
    const body = JSON.stringify({ query: fragmentBomb(n) });
    const times: number[] = [];
    let status = 0;
    for (let i = 0; i <= RUNS; i++) {
      const started = performance.now();
      const res = await fetch(stack.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
      await res.text();
      if (i > 0) times.push(performance.now() - started);
      status = res.status;
    }
    console.log(`  fragment bomb n = ${n}`.padEnd(52), ms(times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!), `HTTP ${status}`);
  }
} finally {
  await stack.close();
}
