import { getIntrospectionQuery, Kind, parse } from 'graphql';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../lib/log.ts';
import { readSupergraph } from '../schema/compose.ts';
import { operationText } from '../test/support/fixtures.ts';
import { DEFAULT_LIMITS, LIMIT_VARIABLES, gatewayLimits, gatewayLimitsFromEnv, operationLimits, type GatewayLimits, type RequestedOperation } from './limits.ts';

const SUPERGRAPH = readSupergraph();
const OPERATIONS_DIR = fileURLToPath(new URL('../operations/', import.meta.url));

/** The limits with `overrides`; `check(body)` says whether one POST body (an operation or a batch) passes. */
function limitsWith(overrides: Partial<GatewayLimits> = {}) {
  const { check } = operationLimits({ limits: gatewayLimits(overrides), supergraphSdl: SUPERGRAPH, log: createLogger('test', 'silent') });
  return (body: unknown): { passed: true } | { passed: false; code: string; message: string } => {
    const refusal = check((Array.isArray(body) ? body : [body]) as RequestedOperation[]);
    return refusal ? { passed: false, code: refusal.code, message: refusal.message } : { passed: true };
  };
}

describe('each gateway limit is configurable and refused with its code', () => {
  it('maxDepth: depth above the limit is DEPTH_LIMIT_EXCEEDED, at the limit passes', () => {
    const check = limitsWith({ maxDepth: 3 });
    expect(check({ query: '{ me { followUp { office { name } } } }' })).toMatchObject({ passed: false, code: 'DEPTH_LIMIT_EXCEEDED' });
    expect(check({ query: '{ me { followUp { startedAt } } }' })).toEqual({ passed: true });
  });

  it('maxAliases: ALIAS_LIMIT_EXCEEDED', () => {
    const check = limitsWith({ maxAliases: 2 });
    expect(check({ query: '{ me { a: ident b: ident c: ident } }' })).toMatchObject({ code: 'ALIAS_LIMIT_EXCEEDED' });
    expect(check({ query: '{ me { a: ident b: ident } }' })).toEqual({ passed: true });
  });

  it('maxDirectives: DIRECTIVE_LIMIT_EXCEEDED', () => {
    const check = limitsWith({ maxDirectives: 2 });
    expect(check({ query: '{ me { ident @skip(if: false) a: ident @skip(if: false) b: ident @skip(if: false) } }' })).toMatchObject({ code: 'DIRECTIVE_LIMIT_EXCEEDED' });
    expect(check({ query: '{ me { ident @skip(if: false) a: ident @skip(if: false) } }' })).toEqual({ passed: true });
  });

  it('maxTokens: TOKEN_LIMIT_EXCEEDED, counted over a batch together', () => {
    const check = limitsWith({ maxTokens: 12 });
    expect(check({ query: '{ me { ident a: age inTargetGroup followUp { startedAt } } }' })).toMatchObject({ code: 'TOKEN_LIMIT_EXCEEDED' });
    expect(check({ query: '{ me { ident } }' })).toEqual({ passed: true });
    expect(check([{ query: '{ me { ident } }' }, { query: '{ me { ident } }' }])).toEqual({ passed: true });
    expect(check([{ query: '{ me { ident } }' }, { query: '{ me { ident age } }' }])).toMatchObject({ code: 'TOKEN_LIMIT_EXCEEDED' });
  });

  it('maxCost and defaultListSize: COST_LIMIT_EXCEEDED once the estimate passes the budget', () => {
    // me (1) + guidanceBookings: a list without a size, each element 1 + id 1.
    const query = '{ me { guidanceBookings { id } } }';
    expect(limitsWith({ maxCost: 21 })({ query })).toEqual({ passed: true });
    expect(limitsWith({ maxCost: 20 })({ query })).toMatchObject({ code: 'COST_LIMIT_EXCEEDED' });
    expect(limitsWith({ maxCost: 21, defaultListSize: 11 })({ query })).toMatchObject({ code: 'COST_LIMIT_EXCEEDED' });
  });

  it('maxCost alone refuses the 10 × 30 person(ident:) fan-out batch when the token limit is raised', () => {
    const persons = Array.from({ length: 30 }, (_, i) => `p${i}: person(ident: "${i}") { ...Overview }`).join(' ');
    const overview = operationText('nav-advisor.graphql', 'AdvisorPersonOverview').replace(/^[^{]*\{\s*person\(ident: \$ident\)/, '');
    const operation = { query: `query Fanout($trade: ID!) { ${persons} } fragment Overview on Person ${overview.slice(0, overview.lastIndexOf('}'))}`, variables: { trade: 'x' } };
    const check = limitsWith({ maxTokens: 100_000 });
    expect(check(operation)).toEqual({ passed: true });
    expect(check(Array(10).fill(operation))).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', message: expect.stringMatching(/^The batch's 10 operations together have an estimated cost of \d+;/) });
  });

  it('maxCost counts a batch together; maxBatchSize is BATCH_LIMIT_EXCEEDED', () => {
    const one = { query: '{ me { guidanceBookings { id } } }' };
    expect(limitsWith({ maxCost: 42 })([one, one])).toEqual({ passed: true });
    expect(limitsWith({ maxCost: 41 })([one, one])).toMatchObject({ code: 'COST_LIMIT_EXCEEDED' });
    expect(limitsWith({ maxBatchSize: 2 })([one, one, one])).toMatchObject({ code: 'BATCH_LIMIT_EXCEEDED' });
  });

  it('leaves what Apollo Server refuses anyway to it: no query, a syntax error, an unknown operation name', () => {
    const check = limitsWith({ maxCost: 1 });
    expect(check({})).toEqual({ passed: true });
    expect(check({ query: '{ me { ' })).toEqual({ passed: true });
    expect(check({ query: 'query A { me { ident } }', operationName: 'B' })).toEqual({ passed: true });
  });
});

describe('the clients stay well inside the default limits', () => {
  const half = gatewayLimits(Object.fromEntries(Object.entries(DEFAULT_LIMITS).map(([k, v]) => [k, Math.floor(v / 2)])));

  it('passes every operation of operations/, as the client sends it, at half of every default limit, at the largest page (first: 100)', () => {
    const check = limitsWith({ ...half, defaultListSize: DEFAULT_LIMITS.defaultListSize });
    for (const file of readdirSync(OPERATIONS_DIR)) {
      for (const definition of parse(readFileSync(`${OPERATIONS_DIR}${file}`, 'utf8')).definitions) {
        if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
        const operationName = definition.name!.value;
        const query = operationText(file, operationName);
        expect({ operationName, ...check({ query, operationName, variables: { first: 100 } }) }).toEqual({ operationName, passed: true });
      }
    }
  });

  it('passes the standard introspection query (GraphiQL, code generators) at half of every default limit', () => {
    expect(limitsWith({ ...half, defaultListSize: DEFAULT_LIMITS.defaultListSize })({ query: getIntrospectionQuery() })).toEqual({ passed: true });
  });
});

describe('gateway limits configuration', () => {
  it('fails at creation on a limit that is not a positive integer, naming it', () => {
    expect(() => gatewayLimits({ maxCost: 0 })).toThrow('Bad gateway limits: maxCost must be a positive integer');
    expect(() => gatewayLimits({ maxDepth: 2.5 })).toThrow('maxDepth must be a positive integer');
  });

  it('reads every limit from its environment variable and fails on a bad value, naming the variable', () => {
    const env = Object.fromEntries(Object.values(LIMIT_VARIABLES).map((v, i) => [v, String(i + 1)]));
    expect(gatewayLimits(gatewayLimitsFromEnv(env))).toEqual(Object.fromEntries(Object.keys(LIMIT_VARIABLES).map((k, i) => [k, i + 1])));
    expect(gatewayLimitsFromEnv({})).toEqual({});
    expect(() => gatewayLimitsFromEnv({ GATEWAY_MAX_COST: 'lots' })).toThrow('GATEWAY_MAX_COST must be a positive integer (got "lots")');
  });
});
