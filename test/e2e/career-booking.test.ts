import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_FIXTURES_DIR } from '../../stand-ins/common/fixtures.ts';
import { navAdvisor, readFixtures } from '../support/fixtures.ts';
import { DEMO, useStack } from '../support/stack.ts';
import { bookingInput, citizen, DAY_MS, GRAPH_MODE, karrieresenterSnapshot, op } from './career.support.ts';

const fx = readFixtures(DEMO_FIXTURES_DIR);
const ks = fx.karrieresenter;
const graph = useStack();
const Z990001 = navAdvisor(fx, 'Z990001');

/** Free slots of the fixture at a centre, by start: the expectations are read from the file, not from the graph. */
const freeSlots = (centreId: string) =>
  (ks.slots as any[]).filter((s) => s.centreId === centreId && Date.parse(s.start) > fx.now.getTime()).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
const centre = (id: string) => (ks.centres as any[]).find((c) => c.id === id);
const upcoming = (ident: string) => (ks.bookings as any[]).some((b) => b.person.fnr === ident && b.status === 'BOOKET' && Date.parse(b.start) > fx.now.getTime());

describe('booking guidance through the gateway', () => {
  const trd = freeSlots('KS-TRD');
  const [first, second, third] = trd.filter((s) => s.modes.includes('DIGITAL'));

  it('the demo personas P01, P02 and P03 have no upcoming session, P05 has one (the fixture)', () => {
    expect([DEMO.P01, DEMO.P02, DEMO.P03].map(upcoming)).toEqual([false, false, false]);
    expect(upcoming(DEMO.P05)).toBe(true);
  });

  it('books a free slot for the citizen with the confirmation and a reminder exactly 24 hours before', async () => {
    const before = graph.stack.upstreams.karrieresenter.state.bookings.size;
    const res = await graph.query(citizen(DEMO.P01), op.bookGuidance, { input: bookingInput(DEMO.P01, first.id, 'DIGITAL') });
    expect(res.errors).toBeUndefined();
    const { booking, userErrors } = res.data!.bookGuidance;
    expect(userErrors).toEqual([]);
    expect(new Date(booking.startsAt).getTime()).toBe(Date.parse(first.start));
    expect([booking.mode, booking.status, booking.sequence]).toEqual(['DIGITAL', 'BOOKED', 1]);
    expect(booking.confirmation.location).toMatch(/^https:\/\/.+\/teams\//);
    expect(booking.confirmation.reflectionQuestions).toHaveLength(3);
    expect(booking.confirmation.cancellationUrl).toMatch(/^https:\/\//);
    expect(new Date(booking.reminder.scheduledFor).getTime()).toBe(Date.parse(first.start) - DAY_MS);
    expect(graph.stack.upstreams.karrieresenter.state.bookings.size).toBe(before + 1);
  });

  it('books once when the same request is sent twice with the same idempotency key', async () => {
    const state = graph.stack.upstreams.karrieresenter.state;
    const input = bookingInput(DEMO.P02, second.id, 'DIGITAL');
    const before = state.bookings.size;
    const a = await graph.query(citizen(DEMO.P02), op.bookGuidance, { input });
    const b = await graph.query(citizen(DEMO.P02), op.bookGuidance, { input });
    expect(a.data!.bookGuidance.userErrors).toEqual([]);
    expect(b.data!.bookGuidance.userErrors).toEqual([]);
    expect(b.data!.bookGuidance.booking.id).toBe(a.data!.bookGuidance.booking.id);
    expect(state.bookings.size).toBe(before + 1);
    expect([...state.bookings.values()].filter((x) => x.slotId === second.id && x.status === 'BOOKET')).toHaveLength(1);
  });

  describe('refuses with a userError and changes nothing', () => {
    const refusal = async (caller: Parameters<typeof graph.query>[0], input: Record<string, unknown>, query = op.bookGuidance) => {
      const before = karrieresenterSnapshot(graph.stack);
      const res = await graph.query(caller, query, { input });
      expect(res.errors).toBeUndefined();
      expect(karrieresenterSnapshot(graph.stack)).toBe(before);
      expect(res.data!.bookGuidance.booking).toBeNull();
      return res.data!.bookGuidance.userErrors as Array<{ code: string; field: string | null }>;
    };

    it('a slot someone else booked: SLOT_TAKEN', async () => {
      expect(await refusal(citizen(DEMO.P03), bookingInput(DEMO.P03, first.id, 'DIGITAL'))).toEqual([expect.objectContaining({ code: 'SLOT_TAKEN', field: 'slotId' })]);
    });

    it('a slot in the past: SLOT_IN_PAST', async () => {
      const past = (ks.bookings as any[]).find((b) => b.person.fnr === DEMO.P03);
      expect(await refusal(citizen(DEMO.P03), bookingInput(DEMO.P03, past.slotId, 'DIGITAL'))).toEqual([expect.objectContaining({ code: 'SLOT_IN_PAST' })]);
    });

    it('a mode the slot does not offer: MODE_NOT_OFFERED', async () => {
      const noPhone = trd.find((s) => !s.modes.includes('TELEFON') && s.id !== first.id && s.id !== second.id);
      expect(await refusal(citizen(DEMO.P03), bookingInput(DEMO.P03, noPhone.id, 'PHONE'))).toEqual([expect.objectContaining({ code: 'MODE_NOT_OFFERED', field: 'mode' })]);
    });

    it('a person who already has an upcoming session: ACTIVE_BOOKING_EXISTS', async () => {
      expect(await refusal(citizen(DEMO.P05), bookingInput(DEMO.P05, third.id, 'DIGITAL'))).toEqual([expect.objectContaining({ code: 'ACTIVE_BOOKING_EXISTS' })]);
    });

    it('an input that fails validation: INVALID_INPUT naming each field, before any upstream call', async () => {
      const input = bookingInput(DEMO.P03, third.id, 'DIGITAL', { contact: { firstName: '', lastName: 'X', email: 'not-an-email' }, idempotencyKey: 'k' });
      const errors = await refusal(citizen(DEMO.P03), input);
      expect(errors.map((e) => [e.code, e.field])).toEqual([
        ['INVALID_INPUT', 'contact.firstName'],
        ['INVALID_INPUT', 'contact.email'],
        ['INVALID_INPUT', 'idempotencyKey'],
      ]);
    });

    it('the same idempotency key with another request: IDEMPOTENCY_KEY_REUSED', async () => {
      const input = bookingInput(DEMO.P06, third.id, 'DIGITAL');
      const first = await graph.query(citizen(DEMO.P06), op.bookGuidance, { input });
      expect(first.data!.bookGuidance.userErrors).toEqual([]);
      await graph.query(citizen(DEMO.P06), op.cancel, { input: { bookingId: first.data!.bookGuidance.booking.id } });
      expect(await refusal(citizen(DEMO.P06), { ...input, mode: 'IN_PERSON' })).toEqual([expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED' })]);
    });
  });

  it('a citizen cannot book for someone else, nor a counsellor at all: FORBIDDEN, nothing booked', async () => {
    const before = karrieresenterSnapshot(graph.stack);
    const other = await graph.query(citizen(DEMO.P03), op.bookGuidance, { input: bookingInput(DEMO.P04, third.id, 'DIGITAL') });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const counsellor = await graph.query({ role: 'career-counsellor', counsellorId: 'KV-101', centreId: 'KS-TRD' }, op.bookGuidance, {
      input: bookingInput(DEMO.P04, third.id, 'DIGITAL'),
    });
    expect(counsellor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(karrieresenterSnapshot(graph.stack)).toBe(before);
  });

  describe('by a NAV advisor on the person\'s behalf', () => {
    it('books with bookedBy NAV_ADVISOR and the advisor attending when the person wants it', async () => {
      const slot = trd.find((s) => s.modes.includes('TELEFON') && ![first.id, second.id, third.id].includes(s.id));
      const input = bookingInput(DEMO.P04, slot.id, 'PHONE', { attendingAdvisor: { navIdent: 'Z990001', name: 'Ingrid Aune' } });
      const res = await graph.query(Z990001, op.bookOnBehalf, { input });
      expect(res.errors).toBeUndefined();
      const { booking, userErrors } = res.data!.bookGuidance;
      expect(userErrors).toEqual([]);
      expect([booking.bookedBy, booking.navAdvisorAttends, booking.mode]).toEqual(['NAV_ADVISOR', true, 'PHONE']);
      const stored = graph.stack.upstreams.karrieresenter.state.bookings.get(booking.id)!;
      expect([stored.bookedBy, stored.referredByNav, stored.visibleToNav]).toEqual([{ type: 'NAV', navIdent: 'Z990001' }, true, true]);
    });

    it('is refused for a shielded person poao-tilgang denies: FORBIDDEN, nothing booked', async () => {
      const before = karrieresenterSnapshot(graph.stack);
      const res = await graph.query(Z990001, op.bookOnBehalf, { input: bookingInput(DEMO.P08, third.id, 'DIGITAL') });
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(res.data?.bookGuidance ?? null).toBeNull();
      expect(karrieresenterSnapshot(graph.stack)).toBe(before);
    });
  });

  describe('cancelling', () => {
    it('cancels the citizen\'s upcoming session and the pending reminder with it', async () => {
      const state = graph.stack.upstreams.karrieresenter.state;
      const mine = [...state.bookings.values()].find((b) => b.person.fnr === DEMO.P01 && b.status === 'BOOKET')!;
      const res = await graph.query(citizen(DEMO.P01), op.cancel, { input: { bookingId: mine.id } });
      expect(res.data!.cancelGuidanceBooking).toEqual({ booking: { id: mine.id, status: 'CANCELLED' }, userErrors: [] });
      const reminders = state.notifications.filter((n) => n.bookingId === mine.id && n.type === 'PAMINNELSE');
      expect(reminders.map((n) => n.status)).toEqual(['KANSELLERT']);
      const overview = await graph.query(citizen(DEMO.P01), `{ me { guidanceBookings { id status reminder { status sentAt } } } }`);
      expect(overview.data!.me.guidanceBookings.find((b: any) => b.id === mine.id)).toEqual({ id: mine.id, status: 'CANCELLED', reminder: { status: 'CANCELLED', sentAt: null } });
    });

    it('refuses cancelling twice, a held session, or someone else\'s booking, and changes nothing', async () => {
      const state = graph.stack.upstreams.karrieresenter.state;
      const cancelled = [...state.bookings.values()].find((b) => b.person.fnr === DEMO.P01 && b.status === 'AVLYST')!;
      const held = (ks.bookings as any[]).find((b) => b.person.fnr === DEMO.P01 && b.status === 'GJENNOMFORT');
      const others = (ks.bookings as any[]).find((b) => b.person.fnr === DEMO.P05 && b.status === 'BOOKET');
      const before = karrieresenterSnapshot(graph.stack);
      const codes = [];
      for (const bookingId of [cancelled.id, held.id, others.id, randomUUID()]) {
        const res = await graph.query(citizen(DEMO.P01), op.cancel, { input: { bookingId } });
        codes.push(res.data!.cancelGuidanceBooking.userErrors.map((e: any) => e.code));
      }
      expect(codes).toEqual([['ALREADY_CANCELLED'], ['BOOKING_NOT_CANCELLABLE'], ['BOOKING_NOT_FOUND'], ['BOOKING_NOT_FOUND']]);
      expect(karrieresenterSnapshot(graph.stack)).toBe(before);
    });
  });

  it('shows the centres and free slots the booking system offers', async () => {
    const from = first.start.slice(0, 10);
    const res = await graph.query(citizen(DEMO.P01), op.slots, { centreId: 'KS-TRD', from, to: from });
    expect(res.data!.careerCentres.map((c: any) => [c.id, c.municipality, c.homepageUrl])).toEqual(
      (ks.centres as any[]).map((c) => [c.id, c.municipality.name, c.homepage]),
    );
    const taken = new Set([...graph.stack.upstreams.karrieresenter.state.bookings.values()].filter((b) => b.status !== 'AVLYST').map((b) => b.slotId));
    const expected = trd.filter((s) => s.start.slice(0, 10) === from && !taken.has(s.id));
    expect(res.data!.availableSlots.map((s: any) => [s.id, s.modes])).toEqual(expected.map((s) => [s.id, s.modes.map((m: string) => GRAPH_MODE[m])]));
    expect(centre('KS-TRD')).toBeDefined();
  });
});
