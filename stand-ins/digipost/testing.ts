import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { expect } from 'vitest';
import { loadContract } from '../common/contract.ts';

/** The demo fixtures' reference time: with it as "now" no time shift applies. */
export const REFERENCE_NOW = '2026-11-26T08:00:00.000+01:00';
/** The demo sender account. */
export const SENDER_ID = '900801';

// jose 6 has no UnsignedJWT; the stand-ins decode without verifying unless given a JWKS, so any key will do.
const throwawayKey = randomBytes(32);

/** A bearer token the stand-ins accept, signed with a throwaway key. */
export async function bearer(claims: Record<string, unknown>): Promise<string> {
  const jwt = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('1h').sign(throwawayKey);
  return `Bearer ${jwt}`;
}

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

/**
 * Calls the Digipost stand-in and checks the body against the contract's documented response for the operation
 * and status, so every test also proves the stand-in honours the contract.
 */
export async function callDigipost(
  baseUrl: string,
  operationId: string,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = {
    authorization: await bearer({ role: 'FAGOPPLAERING', advisorId: 'FR-01' }),
    'x-digipost-userid': SENDER_ID,
    ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    ...init.headers,
  };
  for (const [k, v] of Object.entries(headers)) if (v === '') delete headers[k];
  const response = await fetch(`${baseUrl}${path}`, {
    method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  const body = text ? JSON.parse(text) : undefined;
  const contract = loadContract('digipost');
  const documented = contract.statuses(operationId).includes(String(response.status));
  // An undocumented status still has to carry Digipost's error shape.
  const errors = documented
    ? contract.validateResponse(operationId, response.status, body)
    : contract.validateSchema('Error', body);
  expect(errors, `${operationId} ${response.status} ${text}`).toEqual([]);
  return { status: response.status, headers: response.headers, body };
}

/** A minimal PDF, base64 (Digipost checks the magic bytes). */
export const PDF_BASE64 = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');
