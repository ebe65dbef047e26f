import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContract } from '../common/contract.ts';
import { loadFixture } from '../common/fixtures.ts';
import { createKarrieresenterStandIn } from './index.ts';
import type { KarrieresenterFixture } from './state.ts';
import { REFERENCE_NOW, startHarness, tokens, type Harness } from './test-helpers.ts';

describe('the Karrieresenter fixture', () => {
  it('has only records that match their component schema in the contract', async () => {
    const contract = loadContract('karrieresenter');
    const fixture = await loadFixture<KarrieresenterFixture>('karrieresenter', { now: new Date(REFERENCE_NOW) });
    const lists: [string, unknown[]][] = [
      ['Centre', fixture.centres],
      ['Counsellor', fixture.counsellors],
      ['Slot', fixture.slots],
      ['Booking', fixture.bookings],
      ['Notification', fixture.notifications],
      ['Note', fixture.notes],
      ['ShareGrant', fixture.shareGrants],
    ];
    for (const [schema, records] of lists) {
      expect(records.length, schema).toBeGreaterThan(0);
      for (const record of records) expect(contract.validateSchema(schema, record), `${schema} ${JSON.stringify(record).slice(0, 80)}`).toEqual([]);
    }
  });

  it('is loaded into the state with the booked slots rebuilt, so a cancellation can free them', async () => {
    const { state } = await createKarrieresenterStandIn({ now: () => new Date(REFERENCE_NOW) });
    expect(state.bookings.size).toBe(15);
    expect(state.notes.size).toBe(12);
    for (const booking of state.bookings.values()) expect(state.slots.get(booking.slotId)?.start).toBe(booking.start);
    expect(state.nextReference).toBe(16);
  });

  it('moves event times to the injected day when now is later than the reference day', async () => {
    const { state } = await createKarrieresenterStandIn({ now: () => new Date('2026-12-03T08:00:00.000+01:00') });
    const thea3 = state.bookings.get('44239715-1db4-45fa-9d10-87cf10d29dfb');
    expect(thea3?.start).toBe('2026-12-10T13:30:00.000+01:00');
  });
});

describe('the stand-in process', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('answers 401 in problem+json without a bearer token', async () => {
    const reply = await h.call('listCentres', 'GET', '/centres');
    expect(reply.status).toBe(401);
    expect(reply.body.code).toBe('UNAUTHORIZED');
    expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('answers 401 to a bearer that is not a JWT with a known role', async () => {
    const reply = await h.call('listCentres', 'GET', '/centres', { token: 'not-a-jwt' });
    expect(reply.status).toBe(401);
  });

  it('echoes X-Correlation-ID in the header and in error bodies', async () => {
    const reply = await h.call('getCentre', 'GET', '/centres/KS-XXX', { token: tokens.person('14820482817'), headers: { 'X-Correlation-ID': 'corr-123' } });
    expect(reply.status).toBe(404);
    expect(reply.headers.get('x-correlation-id')).toBe('corr-123');
    expect(reply.body.correlationId).toBe('corr-123');
  });

  it('reports itself alive without a token', async () => {
    const response = await fetch(`${h.url}/internal/isalive`);
    expect(response.status).toBe(200);
  });

  it('answers an unknown path with a problem+json 404', async () => {
    const response = await fetch(`${h.url}/nothing-here`, { headers: { authorization: `Bearer ${tokens.nav()}` } });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { code: string }).code).toBe('NOT_FOUND');
  });
});
