import type { Express } from 'express';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { Caller, VerifiedToken } from '../../lib/auth/caller.ts';
import { listen, type RunningServer } from '../../lib/http.ts';
import type { TokenExchanger, TokenVerifier } from '../../lib/subgraph/server.ts';
import { upstreamClaimsFor } from '../../stand-ins/issuer/upstreamClaims.ts';

/**
 * Test doubles for a subgraph's unit tests: a verifier that reads the caller from a test bearer
 * ("test:<base64 JSON Caller>") and an exchanger that hands out a JWT-shaped upstream token. End-to-end tests use
 * the real issuer and real tokens instead.
 */
export function testAuth(): { verifier: TokenVerifier; exchanger: TokenExchanger; bearer(caller: Caller): string } {
  const verifier: TokenVerifier = {
    async verify(header) {
      const m = /^Bearer test:(.+)$/.exec(header ?? '');
      if (!m) throw new Error('invalid token');
      const caller = JSON.parse(Buffer.from(m[1]!, 'base64url').toString()) as Caller;
      const token: VerifiedToken = { caller, token: m[1]!, expiresAt: Math.floor(Date.now() / 1000) + 3600 };
      return token;
    },
  };
  const exchanger: TokenExchanger = {
    async exchange(subject, audience) {
      const claims = upstreamClaimsFor(subject.caller);
      const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
      return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, aud: audience })}.`;
    },
  };
  return { verifier, exchanger, bearer: (caller) => `Bearer test:${Buffer.from(JSON.stringify(caller)).toString('base64url')}` };
}

/** nock discipline for a test file: no real network, clean mocks before each test, none left pending after. */
export function useNock(): void {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/);
  });
  beforeEach(() => nock.cleanAll());
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    expect(pending, 'every mocked upstream call was made').toEqual([]);
  });
  afterAll(() => nock.enableNetConnect());
}

export interface GraphQLResponse {
  status: number;
  body: { data?: Record<string, any> | null; errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, any> }> };
}

/** Serves an express app on a free port for the test file, and posts GraphQL to it. */
export function serveApp(make: () => Promise<Express>) {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await listen(await make(), 0);
  });
  afterAll(async () => server?.close());
  return async (query: string, variables: Record<string, unknown> = {}, authorization?: string): Promise<GraphQLResponse> => {
    const res = await fetch(`${server!.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: (await res.json()) as GraphQLResponse['body'] };
  };
}
