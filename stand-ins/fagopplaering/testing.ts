import { expect } from 'vitest';
import { loadContract } from '../common/contract.ts';
import { bearer, REFERENCE_NOW, type Reply } from '../digipost/testing.ts';
import { startFagopplaeringStandIn, type FagopplaeringStandInOptions } from './index.ts';

export { REFERENCE_NOW };

/** Callers by the stand-in convention's claims. */
export const callers = {
  navAune: { role: 'NAV', NAVident: 'Z990001' },
  navBjorgum: { role: 'NAV', NAVident: 'Z990003' },
  advisor: { role: 'FAGOPPLAERING', advisorId: 'FR-01' },
  partner: { role: 'PARTNER', sub: 'nav-trondelag-rapport' },
  counsellor: { role: 'KARRIERESENTER', counsellorId: 'KV-101', centreId: 'KS-TRD' },
  person: (pid: string) => ({ role: 'PERSON', pid }),
} as const;

/** Demo personas and records used across the tests. */
export const demo = {
  emma: '14820482817', // P01: request PLAN_SENDT, full consent, plan sent digitally
  mathias: '23869823562', // P02: no county records, no request, Digipost user
  olena: '59889523365', // P07: request UNDER_BEHANDLING, consent FAG + PRAKSIS only, not a Digipost user
  henrik: '27859311208', // P10: praksiskandidat, plan sent
  maria: '03910587500', // P11: plan printed
  tobias: '21870461264', // P12: request TRUKKET
  requestEmma: '763a25da-9fad-46bf-9cae-c336f8ad7c04',
  requestOlena: '7ac3abae-11aa-45d9-8d2c-89f94b203cbf',
  requestTobias: '330623f4-a548-49f6-bec0-818b1f20de31',
  planEmma: '2655d490-06c4-46ab-b532-7ce6e76c407c',
} as const;

/** Starts the stand-in with the clock at the fixtures' reference time (no shift). */
export function startAtReference(options: Omit<FagopplaeringStandInOptions, 'now'> = {}) {
  return startFagopplaeringStandIn({ port: 0, now: () => new Date(REFERENCE_NOW), ...options });
}

/**
 * Calls the stand-in as `caller` (null: no token) and checks the body against the contract's response for the
 * operation and status. The contract leaves 400 out of some operations; such bodies must still be a Problem.
 */
export async function call(
  baseUrl: string,
  operationId: string,
  path: string,
  caller: Record<string, unknown> | null,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
    headers: {
      ...(caller ? { authorization: await bearer(caller) } : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  const body = text ? JSON.parse(text) : undefined;
  const contract = loadContract('fagopplaering');
  const contentType = response.headers.get('content-type') ?? 'application/json';
  if (response.status >= 400) expect(contentType).toContain('application/problem+json');
  const documented = contract.statuses(operationId).includes(String(response.status));
  const errors = documented
    ? contract.validateResponse(operationId, response.status, body, contentType)
    : contract.validateSchema('Problem', body);
  expect(errors, `${operationId} ${response.status} ${text}`).toEqual([]);
  return { status: response.status, headers: response.headers, body };
}

/** A deep copy of the state's requests and plans, to prove a refused write changed nothing. */
export function snapshot(state: { kartlegginger: Map<string, unknown>; opplaeringsplaner: Map<string, unknown> }): string {
  return JSON.stringify({ k: [...state.kartlegginger.values()], p: [...state.opplaeringsplaner.values()] });
}
