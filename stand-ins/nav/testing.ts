import { SignJWT } from 'jose';
import { expect } from 'vitest';
import { loadContract } from '../common/contract.ts';
import { startNavStandIn } from './app.ts';

/** Test helpers: a stand-in on a free port at the fixtures' reference time, tokens, and contract-checked calls. */

export const REFERENCE_NOW = new Date('2026-11-26T08:00:00.000+01:00');

/** Demo personas and advisors used across the tests (shared/upstreams/README.md). */
export const P = {
  emma: '14820482817',
  mathias: '23869823562',
  sara: '05890082256',
  ole: '30810263578',
  sander: '08839918047',
  jorgen: '02909717194',
  unknown: '01810051236',
} as const;
export const INGRID = { NAVident: 'Z990001', oid: '6f1d3c1e-2b7a-4c3e-9a0f-990001000001' };
export const MORTEN = { NAVident: 'Z990002', oid: '6f1d3c1e-2b7a-4c3e-9a0f-990002000002' };
export const HAKON = { NAVident: 'Z990004', oid: '6f1d3c1e-2b7a-4c3e-9a0f-990004000004' };

const secret = new TextEncoder().encode('throwaway-test-key-not-a-secret-0123456789');

/** A bearer token with the stand-in convention's claims (signed with a throwaway key; the stand-in only decodes). */
export async function token(claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('1h').sign(secret);
}
export const navToken = (employee: { NAVident: string; oid: string } = INGRID) => token({ role: 'NAV', ...employee });
export const personToken = (pid: string) => token({ role: 'PERSON', pid });

export async function startAtReference(options: { fixturesDir?: string } = {}) {
  return startNavStandIn({ port: 0, now: () => REFERENCE_NOW, ...options });
}

export interface CallResult {
  status: number;
  body: any;
  contentType: string;
}

/**
 * Calls the stand-in and asserts that the response honours the contract: the status is documented for the
 * operation and the body matches its schema (plain text for veilarbdialog errors, no body for 401/204).
 */
export async function call(
  baseUrl: string,
  operationId: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string } = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { 'Nav-Call-Id': 'test-call' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined || options.rawBody !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const contentType = res.headers.get('content-type') ?? '';
  const text = await res.text();
  const body = contentType.includes('json') ? JSON.parse(text) : text === '' ? undefined : text;
  expect(loadContract('nav').statuses(operationId), `${operationId} documents ${res.status}`).toContain(String(res.status));
  expect(loadContract('nav').validateResponse(operationId, res.status, body, contentType || undefined)).toEqual([]);
  return { status: res.status, body, contentType };
}
