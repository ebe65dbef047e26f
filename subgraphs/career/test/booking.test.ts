import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { serveApp, useNock } from '../../../test/support/subgraph.ts';
import { KS_BASE, P, auth, bookingsOf, citizen, counsellor, fixture, ingrid, ks, makeApp, mockBookings, mockPoaoTilgang } from './support.ts';

const BOOK = `mutation ($input: BookGuidanceInput!) { bookGuidance(input: $input) { booking { id sequence bookedBy } userErrors { code field } } }`;
const slot = fixture.slots.find((s) => s.centreId === 'KS-TRD' && s.modes.includes('DIGITAL'))!;
const input = (ident: string, overrides: Record<string, unknown> = {}) => ({
  ident,
  slotId: slot.id,
  mode: 'DIGITAL',
  contact: { firstName: 'Emma', lastName: 'Strand', email: 'emma@example.com' },
  idempotencyKey: randomUUID(),
  ...overrides,
});
/** What the booking system answers for a new booking of `slot` by `fnr`. */
const created = (fnr: string, sessionNumber = 1, bookedBy: object = { type: 'BRUKER' }) => ({
  ...bookingsOf(P.emma)[0]!,
  id: randomUUID(),
  slotId: slot.id,
  start: slot.start,
  person: { fnr, firstName: 'E', lastName: 'S', email: 'e@example.com' },
  sessionNumber,
  bookedBy,
  status: 'BOOKET',
});
const problem = (status: number, code: string) => [status, { type: 'about:blank', title: code, status, code }, { 'content-type': 'application/problem+json' }] as const;

describe('career subgraph, booking guidance', () => {
  useNock();
  const post = serveApp(makeApp);

  it('sends the idempotency key as Idempotency-Key and retries once with the same key when the system is unavailable', async () => {
    const i = input(P.emma);
    ks().post(`${KS_BASE}/bookings`).matchHeader('idempotency-key', i.idempotencyKey).reply(503, 'busy');
    ks().post(`${KS_BASE}/bookings`).matchHeader('idempotency-key', i.idempotencyKey).reply(201, created(P.emma), { 'Idempotent-Replayed': 'true' });
    const res = await post(BOOK, { input: i }, auth.bearer(citizen(P.emma)));
    expect(res.body.data!.bookGuidance).toEqual({ booking: { id: expect.any(String), sequence: 1, bookedBy: 'CITIZEN' }, userErrors: [] });
  });

  it('continues the course of an earlier session, and maps the system\'s COURSE_FULL and SLOT_TAKEN to userErrors', async () => {
    const [earlier] = bookingsOf(P.emma);
    const i = input(P.emma, { previousBookingId: earlier!.id });
    mockBookings(P.emma);
    ks().post(`${KS_BASE}/bookings`, (body: { courseId?: string }) => body.courseId === earlier!.courseId).reply(...problem(422, 'COURSE_FULL'));
    ks().post(`${KS_BASE}/bookings`).reply(...problem(409, 'SLOT_TAKEN'));
    const full = await post(BOOK, { input: i }, auth.bearer(citizen(P.emma)));
    const taken = await post(BOOK, { input: input(P.emma) }, auth.bearer(citizen(P.emma)));
    expect(full.body.data!.bookGuidance).toEqual({ booking: null, userErrors: [{ code: 'COURSE_FULL', field: 'previousBookingId' }] });
    expect(taken.body.data!.bookGuidance).toEqual({ booking: null, userErrors: [{ code: 'SLOT_TAKEN', field: 'slotId' }] });
  });

  it('leaves the one-upcoming-session rule to the system, and answers its refusal without any detail of the session', async () => {
    // The graph no longer counts the bookings it can see: whatever the caller sees, the system decides.
    mockPoaoTilgang({ [P.kristoffer]: 'PERMIT' });
    const detail = { ...problem(409, 'ACTIVE_BOOKING_EXISTS')[1], detail: `Booking ${bookingsOf(P.kristoffer)[0]!.id} at KS-TRD` };
    ks()
      .post(`${KS_BASE}/bookings`, (body: { bookedBy: { navIdent?: string }; referredByNav: boolean }) => body.bookedBy.navIdent === 'Z990001' && body.referredByNav)
      .reply(409, detail, { 'content-type': 'application/problem+json' });
    const res = await post(BOOK, { input: input(P.kristoffer) }, auth.bearer(ingrid));
    expect(res.body.data!.bookGuidance).toEqual({ booking: null, userErrors: [{ code: 'ACTIVE_BOOKING_EXISTS', field: 'ident' }] });
    expect(JSON.stringify(res.body)).not.toContain(bookingsOf(P.kristoffer)[0]!.id);
  });

  it('does not let NAV continue the course of a session kept from NAV, even when a lenient system hands it over', async () => {
    const hidden = bookingsOf(P.kristoffer)[0]!;
    expect(hidden.visibleToNav).toBe(false);
    mockPoaoTilgang({ [P.kristoffer]: 'PERMIT' });
    mockBookings(P.kristoffer, [hidden]);
    const res = await post(BOOK, { input: input(P.kristoffer, { previousBookingId: hidden.id }) }, auth.bearer(ingrid));
    expect(res.body.data!.bookGuidance).toEqual({ booking: null, userErrors: [{ code: 'COURSE_NOT_FOUND', field: 'previousBookingId' }] });
  });

  it('refuses a counsellor with FORBIDDEN before any upstream call', async () => {
    const res = await post(BOOK, { input: input(P.emma) }, auth.bearer(counsellor('KS-TRD')));
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
