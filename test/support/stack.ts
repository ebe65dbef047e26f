import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { freshCallId } from '../../lib/callId.ts';
import { signatureHeaders } from '../../lib/signing/gatewaySignature.ts';
import type { Caller } from '../../lib/auth/caller.ts';
import { startStack, type Stack } from '../../stack/index.ts';
import { DEMO_FIXTURES_DIR } from '../../stand-ins/common/fixtures.ts';

/** The fixtures' reference "now": tests run at it, so no time shift applies and the files are the truth. */
export const REFERENCE_NOW = new Date('2026-11-26T08:00:00.000+01:00');

export interface GraphQLResult {
  data?: Record<string, any> | null;
  errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, any> }>;
}

export interface TestStack {
  stack: Stack;
  /** A real token from the running local issuer. */
  token(caller: Caller): Promise<string>;
  /** POSTs one operation to the gateway as `caller` (no caller: no token). */
  query(
    caller: Caller | null,
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResult & { status: number; headers: Headers }>;
  /**
   * POSTs straight to a subgraph (bypassing the gateway). Signed for that subgraph as the gateway would sign it
   * (body, token, call id, a fresh nonce) unless `sign: false`; `authorization` overrides the caller's token.
   */
  subgraphQuery(
    subgraph: 'nav' | 'career' | 'training',
    caller: Caller | null,
    query: string,
    variables?: Record<string, unknown>,
    options?: { sign?: boolean; authorization?: string },
  ): Promise<GraphQLResult & { status: number }>;
  /** The audit trail lines written so far. */
  auditLines(): string[];
  /** Every process's log lines so far (JSON), when the stack was started with `captureLogs`; else none. */
  logLines(): string[];
}

/**
 * Starts the whole embedded default on free ports for a test file (issuer, stand-ins, subgraphs, gateway), at
 * the fixtures' reference time, with the audit trail in a temp file. `captureLogs`: every process logs at debug level
 * (the most lines there are, upstream calls included) into `logLines()` instead of stdout.
 */
export function useStack(options: { fixturesDir?: string; now?: Date; auditLogFile?: string; captureLogs?: boolean } = {}): TestStack {
  let stack: Stack | undefined;
  const logLines: string[] = [];
  const capture = options.captureLogs ? { logLevel: 'debug', logDestination: { write: (line: string) => void logLines.push(line) } } : {};
  const auditLogFile = options.auditLogFile ?? join(mkdtempSync(join(tmpdir(), 'fagbrev-audit-')), 'audit.log');
  beforeAll(async () => {
    stack = await startStack({
      port: 0,
      fixturesDir: options.fixturesDir ?? DEMO_FIXTURES_DIR,
      now: options.now ?? REFERENCE_NOW,
      latencyMs: 0,
      upstreamTimeoutMs: 5000,
      auditLogFile,
      logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
      ...capture,
    });
  });
  afterAll(async () => stack?.close());

  const token = (caller: Caller) => stack!.issuer.tokenFor(caller);
  return {
    get stack() {
      return stack!;
    },
    token,
    async query(caller, query, variables = {}, extraHeaders = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json', ...extraHeaders };
      if (caller) headers.authorization = `Bearer ${await token(caller)}`;
      const res = await fetch(stack!.gateway.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      return { status: res.status, headers: res.headers, ...((await res.json()) as GraphQLResult) };
    },
    async subgraphQuery(subgraph, caller, query, variables = {}, opts = {}) {
      const authorization = opts.authorization ?? (caller ? `Bearer ${await token(caller)}` : '');
      const callId = freshCallId();
      const headers: Record<string, string> = { 'content-type': 'application/json', 'nav-call-id': callId };
      if (authorization) headers.authorization = authorization;
      const body = JSON.stringify({ query, variables });
      if (opts.sign !== false) Object.assign(headers, signatureHeaders(stack!.gatewaySigningSecret, { subgraph, callId, authorization, body }));
      const res = await fetch(stack!.subgraphUrls[subgraph], { method: 'POST', headers, body });
      return { status: res.status, ...((await res.json()) as GraphQLResult) };
    },
    auditLines: () => (existsSync(auditLogFile) ? readFileSync(auditLogFile, 'utf8').split('\n').filter(Boolean) : []),
    logLines: () => [...logLines],
  };
}

/** The persona of the demo set by its ident, as tests name them. */
export const DEMO = {
  P01: '14820482817',
  P02: '23869823562',
  P03: '05890082256',
  P04: '30810263578',
  P05: '11929633018',
  P06: '17848938319',
  P07: '59889523365',
  P08: '08839918047',
  P09: '02909717194',
  P10: '27859311208',
  P11: '03910587500',
  P12: '21870461264',
} as const;
