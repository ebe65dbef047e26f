import nock from 'nock';
import { pino } from 'pino';
import type { AuditSink } from '../../../lib/audit/sink.ts';
import type { Caller } from '../../../lib/auth/caller.ts';
import { loadFixture, type FixtureMeta } from '../../../stand-ins/common/fixtures.ts';
import type {
  ContractBooking,
  ContractCentre,
  ContractNote,
  ContractNotification,
  ContractShareGrant,
  ContractSlot,
} from '../clients/karrieresenter.schemas.ts';
import { createCareerSubgraph } from '../index.ts';
import { testAuth } from '../../../test/support/subgraph.ts';

/** The demo fixtures' "now": the subgraph's clock in these tests, so grant activity is judged as in the files. */
export const REFERENCE_NOW = new Date('2026-11-26T08:00:00.000+01:00');

export const KARRIERESENTER = 'http://karrieresenter.invalid';
export const KS_BASE = '/api/v1';
export const NAV = 'http://nav.invalid';
export const TIMEOUT_MS = 300;

export interface KarrieresenterFixture {
  meta: FixtureMeta;
  centres: ContractCentre[];
  slots: ContractSlot[];
  bookings: ContractBooking[];
  notifications: ContractNotification[];
  notes: ContractNote[];
  shareGrants: ContractShareGrant[];
}

/** The demo Karrieresenter state, exactly as the files hold it (no time shift: the clock is REFERENCE_NOW). */
export const fixture = await loadFixture<KarrieresenterFixture>('karrieresenter', { now: REFERENCE_NOW });

/** Demo personas (shared/upstreams/README.md). */
export const P = {
  emma: '14820482817', // P01: note shared
  mathias: '23869823562', // P02: booked by NAV, note never shared
  sara: '05890082256', // P03: sharing withdrawn
  ole: '30810263578', // P04: cancelled, then rebooked
  thea: '11929633018', // P05: three sessions, NAV attended session 2, note a draft
  kristoffer: '17848938319', // P06: booking not visible to NAV, note shared
  olena: '59889523365', // P07: D-number, Steinkjer
  sander: '08839918047', // P08: shielded
} as const;

export const bookingsOf = (fnr: string) => fixture.bookings.filter((b) => b.person.fnr === fnr);
export const notesOf = (fnr: string) => fixture.notes.filter((n) => n.owner.fnr === fnr);
export const notificationsOf = (bookingId: string) => fixture.notifications.filter((n) => n.bookingId === bookingId);
export const grantsOf = (noteIds: readonly string[]) => fixture.shareGrants.filter((g) => noteIds.includes(g.noteId));

export const citizen = (ident: string): Caller => ({ role: 'citizen', ident });
export const ingrid: Caller = { role: 'nav-advisor', navIdent: 'Z990001', azureId: '6f1d3c1e-2b7a-4c3e-9a0f-990001000001' };
export const counsellor = (centreId: 'KS-TRD' | 'KS-STK'): Caller => ({
  role: 'career-counsellor',
  counsellorId: centreId === 'KS-TRD' ? 'KV-101' : 'KV-201',
  centreId,
});

/** Audit lines written by the subgraph, for the tests to read. */
export function memoryAuditSink(): AuditSink & { lines: string[] } {
  const lines: string[] = [];
  return { lines, write: async (batch) => void lines.push(...batch) };
}

export const auth = testAuth();
export const audit = memoryAuditSink();

/** The career subgraph as the tests serve it: test tokens, .invalid upstream hosts, a short timeout, the fixtures' clock. */
export async function makeApp() {
  const { app } = await createCareerSubgraph({
    verifier: auth.verifier,
    exchanger: auth.exchanger,
    log: pino({ level: 'silent' }),
    upstreams: {
      karrieresenter: { url: `${KARRIERESENTER}${KS_BASE}`, audience: 'karrieresenter-api' },
      nav: { url: NAV, audience: 'nav-api' },
    },
    timeoutMs: TIMEOUT_MS,
    auditSink: audit,
    now: () => REFERENCE_NOW,
  });
  return app;
}

/** The Karrieresenter host, asserting the headers every call must carry. */
export const ks = () =>
  nock(KARRIERESENTER)
    .matchHeader('authorization', /^Bearer .+/)
    .matchHeader('x-correlation-id', /.+/);

/** A person's bookings, and what the system withheld from the caller (contract extension `includeWithheld`). */
export const mockBookings = (fnr: string, bookings: unknown[] = bookingsOf(fnr), withheld: unknown[] = []) =>
  ks().post(`${KS_BASE}/bookings/search`, { fnr, includeWithheld: true }).reply(200, { bookings, withheld });
/** A person's notes, and what the system withheld from the caller. */
export const mockNotes = (fnr: string, notes: unknown[] = notesOf(fnr), withheld: unknown[] = []) =>
  ks().post(`${KS_BASE}/notes/search`, { fnr, includeWithheld: true }).reply(200, { notes, withheld });
export const mockCentres = () => ks().get(`${KS_BASE}/centres`).reply(200, fixture.centres);
export const mockNotifications = (bookingId: string) =>
  ks().get(`${KS_BASE}/bookings/${bookingId}/notifications`).reply(200, notificationsOf(bookingId));
/** One share-grant search for exactly these notes (in any order), answered from the fixture's grants. */
export const mockGrants = (noteIds: string[], grants: unknown[] = grantsOf(noteIds)) =>
  ks()
    .post(`${KS_BASE}/share-grants/search`, (body: { noteIds?: string[] }) => [...(body.noteIds ?? [])].sort().join() === [...noteIds].sort().join())
    .reply(200, { grants });

/** One poao-tilgang batch for exactly these persons, with these decisions. */
export function mockPoaoTilgang(decisions: Record<string, 'PERMIT' | 'DENY'>) {
  const idents = Object.keys(decisions).sort().join();
  return nock(NAV)
    .matchHeader('nav-call-id', /.+/)
    .post('/poao-tilgang/api/v1/policy/evaluate', (body: { requests: Array<{ policyInput: { norskIdent: string } }> }) =>
      body.requests.map((r) => r.policyInput.norskIdent).sort().join() === idents,
    )
    .reply(200, (_uri, body) => ({
      results: (body as { requests: Array<{ requestId: string; policyInput: { norskIdent: string } }> }).requests.map((r) => {
        const type = decisions[r.policyInput.norskIdent] ?? 'DENY';
        return { requestId: r.requestId, decision: type === 'PERMIT' ? { type } : { type, message: 'Ingen tilgang', reason: 'IKKE_TILGANG_TIL_SKJERMET_PERSON' } };
      }),
    }));
}

/** `_entities` for persons, with a selection on Person. */
export const entities = (selection: string) => `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ident ${selection} } } }`;
export const persons = (...idents: string[]) => ({ r: idents.map((ident) => ({ __typename: 'Person', ident })) });

export const BOOKING_FIELDS = `guidanceBookings {
  id startsAt durationMinutes mode status sequence navAdvisorAttends bookedBy
  centre { id name }
  confirmation { sentAt location reflectionQuestions homepageUrl cancellationUrl }
  reminder { scheduledFor sentAt status }
}`;
export const NOTE_FIELDS = `careerNotes {
  id writtenAt finalizedAt status sharedWithNav
  content { educationAndWorkExperience interests strengths motivationAndMastery values needs wayForward explorationTips questionsForNavOrTraining }
}`;
