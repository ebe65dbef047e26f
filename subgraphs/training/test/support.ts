import nock from 'nock';
import { pino } from 'pino';
import type { AuditSink } from '../../../lib/audit/sink.ts';
import type { Caller } from '../../../lib/auth/caller.ts';
import { loadFixture, type FixtureMeta } from '../../../stand-ins/common/fixtures.ts';
import { withRecorder } from '../../../stand-ins/fagopplaering/consent.ts';
import { testAuth } from '../../../test/support/subgraph.ts';
import type { Kartleggingsforesporsel, Laerefag, Opplaeringsplan, PersonOpplaeringsdata } from '../clients/fagopplaering.schemas.ts';
import { createTrainingSubgraph } from '../index.ts';

/** The demo fixtures' "now": the subgraph's clock here, so consent is judged as the files mean it. */
export const REFERENCE_NOW = new Date('2026-11-26T08:00:00.000+01:00');

export const FAGOPPLAERING = 'http://fagopplaering.invalid';
export const BASE = '/api/v1';
export const DIGIPOST = 'http://digipost.invalid';
export const NAV = 'http://nav.invalid';
export const KARRIERESENTER = 'http://karrieresenter.invalid/api/v1';
export const SENDER_ID = '900801';
export const TIMEOUT_MS = 300;

export interface FagopplaeringFixture {
  meta: FixtureMeta;
  laerefag: Laerefag[];
  personer: PersonOpplaeringsdata[];
  kartlegginger: Kartleggingsforesporsel[];
  opplaeringsplaner: Opplaeringsplan[];
}

/**
 * The demo fagopplæring state as the system answers it (the clock is REFERENCE_NOW: no time shift): the file
 * predates `samtykke.registrertAv` and `etterspurtOmfang`, which the system fills in as its contract says.
 */
const file = await loadFixture<FagopplaeringFixture>('fagopplaering', { now: REFERENCE_NOW });
export const fixture: FagopplaeringFixture = { ...file, kartlegginger: file.kartlegginger.map((k) => withRecorder(k as never) as unknown as Kartleggingsforesporsel) };
export const digipostFixture = await loadFixture<{ meta: FixtureMeta; messages: Array<{ recipient: unknown; delivery: Record<string, any> }> }>(
  'digipost',
  { now: REFERENCE_NOW },
);

/** Demo personas (shared/upstreams/README.md). */
export const P = {
  emma: '14820482817', // P01: Vg1 elektro, plan sent via Digipost
  mathias: '23869823562', // P02: no county records
  olena: '59889523365', // P07: request UNDER_BEHANDLING, consent only FAG_OG_KARAKTERER + PRAKSIS, only practice
  henrik: '27859311208', // P10: praksiskandidat, six years' practice
  maria: '03910587500', // P11: Vg1 + Vg2 helsearbeiderfag, letter printed
  tobias: '21870461264', // P12: apprenticeship cancelled, request TRUKKET
} as const;

export const recordsOf = (fnr: string) => fixture.personer.find((p) => p.fnr === fnr);
export const requestsOf = (fnr: string) => fixture.kartlegginger.filter((k) => k.fnr === fnr);
export const planOf = (id: string) => fixture.opplaeringsplaner.find((p) => p.id === id)!;
export const deliveryOf = (messageId: string) => digipostFixture.messages.find((m) => m.delivery.messageId === messageId)!.delivery;

export const citizen = (ident: string): Caller => ({ role: 'citizen', ident });
export const ingrid: Caller = { role: 'nav-advisor', navIdent: 'Z990001', azureId: '6f1d3c1e-2b7a-4c3e-9a0f-990001000001' };
export const eirik: Caller = { role: 'training-advisor', advisorId: 'FR-01' };
export const marte: Caller = { role: 'career-counsellor', counsellorId: 'KV-101', centreId: 'KS-TRD' };
export const reporting: Caller = { role: 'partner-reporting', clientId: 'trondelag-forum' };

/** Audit lines written by the subgraph, for the tests that look at them. */
export const auditLines: string[] = [];
const auditSink: AuditSink = { write: async (lines) => void auditLines.push(...lines) };

export const auth = testAuth();

/** The training subgraph against .invalid hosts (nock answers for them). */
export function makeApp() {
  return createTrainingSubgraph({
    verifier: auth.verifier,
    exchanger: auth.exchanger,
    log: pino({ level: 'silent' }),
    upstreams: {
      fagopplaering: { url: `${FAGOPPLAERING}${BASE}`, audience: 'fagopplaering-api' },
      digipost: { url: DIGIPOST, audience: 'digipost-api', senderId: SENDER_ID },
      nav: { url: NAV, audience: 'nav-api' },
      karrieresenter: { url: KARRIERESENTER, audience: 'karrieresenter-api' },
    },
    timeoutMs: TIMEOUT_MS,
    auditSink,
    now: () => REFERENCE_NOW,
  }).then((s) => s.app);
}

/** The fagopplæring API. */
export const fagopplaering = () => nock(FAGOPPLAERING);

/** sokKartleggingsforesporsler for one person, answered from the fixture. */
export function mockRequestsOf(fnr: string, kartlegginger = requestsOf(fnr)) {
  return fagopplaering()
    .post(`${BASE}/kartlegginger/sok`, (body) => body.fnr === fnr)
    .reply(200, { kartlegginger });
}

/** sokOpplaeringsdata answered from the fixture for exactly `fnr` and `kinds` (records of other kinds left empty). */
export function mockRecords(fnr: string[], kinds: string[], options: { ikkeTilgang?: string[] } = {}) {
  const kindOf = { FAG: 'fag', PRAKSIS: 'praksis', LAEREKONTRAKTER: 'laerekontrakter' } as const;
  return fagopplaering()
    .post(
      `${BASE}/personer/opplaeringsdata/sok`,
      (body) => JSON.stringify([...body.fnr].sort()) === JSON.stringify([...fnr].sort()) && JSON.stringify(body.inkluder) === JSON.stringify(kinds),
    )
    .reply(200, () => {
      const denied = new Set(options.ikkeTilgang ?? []);
      const found = fnr.filter((f) => !denied.has(f) && recordsOf(f));
      return {
        personer: found.map((f) => {
          const all = recordsOf(f)!;
          const only = (k: keyof typeof kindOf) => (kinds.includes(k) ? all[kindOf[k]] : []);
          return { fnr: f, fag: only('FAG'), praksis: only('PRAKSIS'), laerekontrakter: only('LAEREKONTRAKTER') };
        }),
        ikkeFunnet: fnr.filter((f) => !denied.has(f) && !recordsOf(f)),
        ikkeTilgang: fnr.filter((f) => denied.has(f)),
      };
    });
}

/** poao-tilgang on the NAV host: the given decision for every person asked about. */
export function mockPoaoTilgang(decision: 'PERMIT' | 'DENY') {
  return nock(NAV)
    .post('/poao-tilgang/api/v1/policy/evaluate')
    .reply(200, (_uri, body) => ({
      results: (body as { requests: Array<{ requestId: string }> }).requests.map((r) => ({
        requestId: r.requestId,
        decision: decision === 'PERMIT' ? { type: 'PERMIT', message: null, reason: null } : { type: 'DENY', message: 'Ingen tilgang', reason: 'IKKE_TILGANG_TIL_SKJERMET_PERSON' },
      })),
    }));
}

/** The query of a Person by key, as the router sends it. */
export const ENTITIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { ident SELECTION } } }`;
export const entities = (selection: string) => ENTITIES.replace('SELECTION', selection);
export const reps = (...idents: string[]) => ({ representations: idents.map((ident) => ({ __typename: 'Person', ident })) });
