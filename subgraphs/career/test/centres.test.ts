import { describe, expect, it } from 'vitest';
import { serveApp, useNock } from '../../../test/support/subgraph.ts';
import { KS_BASE, P, auth, citizen, fixture, ingrid, ks, makeApp, mockCentres } from './support.ts';

const AVAILABLE_SLOTS = `query ($centreId: ID!, $from: Date!, $to: Date!, $mode: GuidanceMode) {
  availableSlots(centreId: $centreId, from: $from, to: $to, mode: $mode) { id startsAt durationMinutes modes centre { id } }
}`;

describe('career subgraph, centres and free slots', () => {
  useNock();
  const post = serveApp(makeApp);

  it('lists the centres with municipality, modes in English terms and homepage', async () => {
    mockCentres();
    const res = await post('{ careerCentres { id name municipality modes homepageUrl } }', {}, auth.bearer(citizen(P.emma)));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.careerCentres).toEqual(
      fixture.centres.map((c) => ({
        id: c.id,
        name: c.name,
        municipality: c.municipality.name,
        modes: ['IN_PERSON', 'PHONE', 'DIGITAL'],
        homepageUrl: c.homepage,
      })),
    );
  });

  it("asks for the free slots of the Oslo days asked for, in the system's mode, and answers them in start order", async () => {
    const slots = fixture.slots.filter((s) => s.centreId === 'KS-TRD' && s.start.startsWith('2026-11-27') && s.modes.includes('TELEFON'));
    ks()
      .get(`${KS_BASE}/slots`)
      .query({ centreId: 'KS-TRD', from: '2026-11-26T23:00:00.000Z', to: '2026-11-28T22:59:59.999Z', mode: 'TELEFON' })
      .reply(200, [...slots].reverse());

    const res = await post(AVAILABLE_SLOTS, { centreId: 'KS-TRD', from: '2026-11-27', to: '2026-11-28', mode: 'PHONE' }, auth.bearer(ingrid));

    expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
    expect(slots.length).toBeGreaterThan(1);
    expect(res.body.data!.availableSlots).toEqual(
      [...slots]
        .sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id))
        .map((s) => ({
          id: s.id,
          startsAt: s.start,
          durationMinutes: 45,
          modes: s.modes.map((m) => ({ OPPMOTE: 'IN_PERSON', TELEFON: 'PHONE', DIGITAL: 'DIGITAL' })[m]),
          centre: { id: 'KS-TRD' },
        })),
    );
  });

  it('refuses a range longer than 90 days, a reversed range and a malformed centre id with BAD_USER_INPUT, asking nothing', async () => {
    const bad = [
      { centreId: 'KS-TRD', from: '2026-11-27', to: '2027-02-25' },
      { centreId: 'KS-TRD', from: '2026-11-27', to: '2026-11-26' },
      { centreId: 'Trondheim', from: '2026-11-27', to: '2026-11-28' },
    ];
    for (const variables of bad) {
      const res = await post(AVAILABLE_SLOTS, variables, auth.bearer(citizen(P.emma)));
      expect(res.body.errors!.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    }
  });
});
