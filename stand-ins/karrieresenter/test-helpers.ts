import { UnsecuredJWT } from 'jose';
import { expect } from 'vitest';
import { loadContract } from '../common/contract.ts';
import { startKarrieresenterStandIn } from './index.ts';
import type { KarrieresenterState } from './state.ts';

/** meta.referenceNow of the demo fixtures: with this clock no time shift applies. */
export const REFERENCE_NOW = '2026-11-26T08:00:00.000+01:00';

const contract = loadContract('karrieresenter');

/** Bearer tokens with the stand-in's claims (unsigned: the stand-in decodes without a JWKS). */
export const tokens = {
  person: (pid: string) => new UnsecuredJWT({ role: 'PERSON', pid }).encode(),
  nav: (NAVident = 'Z990001') => new UnsecuredJWT({ role: 'NAV', NAVident, oid: '6f1d3c1e-2b7a-4c3e-9a0f-990001000001' }).encode(),
  counsellor: (counsellorId = 'KV-101', centreId = 'KS-TRD') => new UnsecuredJWT({ role: 'KARRIERESENTER', counsellorId, centreId }).encode(),
  partner: () => new UnsecuredJWT({ role: 'PARTNER', sub: 'rapport-klient' }).encode(),
};

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** For a status the contract leaves out of an operation: check the body against this component schema. */
  schema?: string;
}

/** A running stand-in with a clock the test can move, and a fetch wrapper that checks every answer. */
export interface Harness {
  url: string;
  state: KarrieresenterState;
  clock: { now: Date };
  /** Calls the stand-in and asserts the body against the contract's response for `operationId`. */
  call(operationId: string, method: string, path: string, options?: CallOptions): Promise<Reply>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const clock = { now: new Date(REFERENCE_NOW) };
  const server = await startKarrieresenterStandIn({ port: 0, now: () => clock.now });
  return {
    url: server.url,
    state: server.state,
    clock,
    close: server.close,
    async call(operationId, method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
      const text = await response.text();
      const body = text ? JSON.parse(text) : undefined;
      const contentType = response.headers.get('content-type') ?? 'application/json';
      const errors = options.schema
        ? contract.validateSchema(options.schema, body)
        : contract.validateResponse(operationId, response.status, body, contentType);
      expect(errors, `${operationId} ${response.status}`).toEqual([]);
      return { status: response.status, headers: response.headers, body };
    },
  };
}

/** A snapshot of everything a write could change, to prove a refused write changed nothing. */
export function snapshot(state: KarrieresenterState): string {
  return JSON.stringify({
    bookings: [...state.bookings.values()],
    notifications: state.notifications,
    notes: [...state.notes.values()],
    grants: state.shareGrants,
    next: state.nextReference,
  });
}

/** The demo personas the tests use (shared/upstreams/README.md). */
export const P = {
  emma: '14820482817',
  mathias: '23869823562',
  sara: '05890082256',
  oleMartin: '30810263578',
  thea: '11929633018',
  kristoffer: '17848938319',
  olena: '59889523365',
  sander: '08839918047',
  jorgen: '02909717194',
} as const;

/** Demo records the tests refer to. */
export const IDS = {
  /** Emma: final, shared with NAV. */
  emmaNote: '935dfc36-e3d9-4d38-acd3-c03847fa53ba',
  /** Mathias: final, never shared. */
  mathiasNote: '3e26ebf6-63e2-4a85-8964-be8e258ff8c8',
  /** Sara: final, sharing withdrawn. */
  saraNote: 'b6578a27-fe80-448f-9f91-5324b812b839',
  saraGrant: 'e405ab06-e2a9-4e06-be92-844435d49213',
  /** Thea: draft of a three-session course. */
  theaNote: '94fadafe-a463-4d37-abbb-fa7b4f687999',
  theaCourse: '53e92614-2f48-4dee-9a73-f5a040eef559',
  /** Thea's session 3, BOOKET for 3 December with a pending reminder. */
  theaSession3: '44239715-1db4-45fa-9d10-87cf10d29dfb',
  /** Thea's session 2 (GJENNOMFORT). */
  theaSession2: '41fa0ffb-ef7e-4b2b-a717-8f73971d001d',
  /** Emma's only session (GJENNOMFORT) and course. */
  emmaBooking: '39d21c52-5020-4e83-9514-43ee8e2d17be',
  emmaCourse: 'c312942a-9c24-4499-a5a4-bca4cd143fe4',
  emmaGrant: '717116cf-794f-4e40-b711-3015ea574df7',
  /** Kristoffer: booking not visible to NAV, note shared. */
  kristofferBooking: '3ee1ca3b-e9f0-43e0-af37-780c7b728f1c',
  kristofferNote: '68d153b7-7162-4046-88b4-7a2b3cce419f',
  /** Olena at Steinkjer (KS-STK). */
  olenaNote: 'c817f123-ee08-4323-8168-1664bff73eb8',
  /** Ole Martin's cancelled session. */
  oleMartinCancelled: '37dc160b-bbc0-4e9a-85ae-4012c4254c75',
} as const;
