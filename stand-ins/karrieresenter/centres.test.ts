import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { P, startHarness, tokens, type Harness } from './test-helpers.ts';

describe('centres, counsellors and free slots', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  describe('centres', () => {
    it('lists both demo centres with their modes', async () => {
      const reply = await h.call('listCentres', 'GET', '/centres', { token: tokens.person(P.emma) });
      expect(reply.status).toBe(200);
      expect(reply.body.map((c: { id: string }) => c.id)).toEqual(['KS-TRD', 'KS-STK']);
    });

    it('answers under the contract\'s /api/v1 base as well as at the root', async () => {
      const reply = await h.call('listCentres', 'GET', '/api/v1/centres', { token: tokens.nav() });
      expect(reply.status).toBe(200);
      expect(reply.body).toHaveLength(2);
    });

    it('returns one centre and 404 for an unknown one', async () => {
      const found = await h.call('getCentre', 'GET', '/centres/KS-STK', { token: tokens.nav() });
      expect(found.body.name).toBe('Karrieresenteret i Steinkjer');
      const missing = await h.call('getCentre', 'GET', '/centres/KS-OSL', { token: tokens.nav() });
      expect(missing.status).toBe(404);
      expect(missing.body.code).toBe('NOT_FOUND');
    });

    it('lists the counsellors of a centre only', async () => {
      const reply = await h.call('listCounsellors', 'GET', '/centres/KS-TRD/counsellors', { token: tokens.counsellor() });
      expect(reply.body.map((c: { id: string }) => c.id)).toEqual(['KV-101', 'KV-102', 'KV-103']);
      const missing = await h.call('listCounsellors', 'GET', '/centres/KS-OSL/counsellors', { token: tokens.counsellor() });
      expect(missing.status).toBe(404);
    });
  });

  describe('free slots', () => {
    it('lists future free slots of the next 28 days ordered by start', async () => {
      const reply = await h.call('listAvailableSlots', 'GET', '/slots', { token: tokens.person(P.emma) });
      expect(reply.status).toBe(200);
      const starts = reply.body.map((s: { start: string }) => Date.parse(s.start));
      expect(starts.length).toBeGreaterThan(50);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      expect(Math.min(...starts)).toBeGreaterThan(Date.parse('2026-11-26T08:00:00+01:00'));
      expect(Math.max(...starts)).toBeLessThanOrEqual(Date.parse('2026-12-24T08:00:00+01:00'));
    });

    it('filters by centre, period and mode', async () => {
      const query = 'centreId=KS-STK&mode=TELEFON&from=2026-11-30T00:00:00%2B01:00&to=2026-12-01T00:00:00%2B01:00';
      const reply = await h.call('listAvailableSlots', 'GET', `/slots?${query}`, { token: tokens.nav() });
      expect(reply.body.length).toBeGreaterThan(0);
      for (const slot of reply.body) {
        expect(slot.centreId).toBe('KS-STK');
        expect(slot.modes).toContain('TELEFON');
        expect(slot.start.slice(0, 10)).toBe('2026-11-30');
      }
    });

    it('does not list a slot that is booked', async () => {
      const reply = await h.call('listAvailableSlots', 'GET', '/slots?from=2026-12-03T00:00:00%2B01:00&to=2026-12-04T00:00:00%2B01:00', { token: tokens.nav() });
      expect(reply.body.map((s: { id: string }) => s.id)).not.toContain('SL-KS-TRD-20261203-1330-KV-101');
    });

    it('refuses a period longer than 90 days, one that ends before it starts, and a bad mode', async () => {
      const long = await h.call('listAvailableSlots', 'GET', '/slots?from=2026-12-01T00:00:00Z&to=2027-04-01T00:00:00Z', { token: tokens.nav() });
      expect(long.status).toBe(400);
      expect(long.body.code).toBe('VALIDATION_FAILED');
      const backwards = await h.call('listAvailableSlots', 'GET', '/slots?from=2026-12-05T00:00:00Z&to=2026-12-01T00:00:00Z', { token: tokens.nav() });
      expect(backwards.status).toBe(400);
      const mode = await h.call('listAvailableSlots', 'GET', '/slots?mode=VIDEO', { token: tokens.nav() });
      expect(mode.status).toBe(400);
      expect(mode.body.errors[0].field).toBe('mode');
    });
  });
});
