import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDS, P, startHarness, tokens, type Harness } from './test-helpers.ts';

/**
 * `includeWithheld` (contract extension): a search also names, by id and reason only, what the caller's own rule
 * kept out of the answer, so an integration can record the refusal. Without it the answer is as before.
 */
describe('searches that list what they withheld', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.close());

  const notes = (token: string, body: Record<string, unknown>) => h.call('searchNotes', 'POST', '/notes/search', { token, body });
  const bookings = (token: string, body: Record<string, unknown>) => h.call('searchBookings', 'POST', '/bookings/search', { token, body });
  const kristofferBooking = () => [...h.state.bookings.values()].find((b) => b.person.fnr === P.kristoffer)!;

  it('names NAV a never-shared note as NOT_SHARED, with nothing else of it', async () => {
    const reply = await notes(tokens.nav(), { fnr: P.mathias, includeWithheld: true });
    expect(reply.body).toEqual({ notes: [], withheld: [{ id: IDS.mathiasNote, reason: 'NOT_SHARED' }] });
  });

  it('names NAV a note whose sharing was withdrawn, with the withdrawn grant', async () => {
    const reply = await notes(tokens.nav(), { fnr: P.sara, includeWithheld: true });
    expect(reply.body).toEqual({ notes: [], withheld: [{ id: IDS.saraNote, reason: 'SHARING_WITHDRAWN', grantId: IDS.saraGrant }] });
  });

  it('names a counsellor another centre\'s note as OTHER_CENTRE', async () => {
    const reply = await notes(tokens.counsellor('KV-101', 'KS-TRD'), { fnr: P.olena, includeWithheld: true });
    expect(reply.body.notes).toEqual([]);
    expect(reply.body.withheld).toEqual([{ id: expect.any(String), reason: 'OTHER_CENTRE' }]);
  });

  it('names NAV a booking the person keeps from NAV as NOT_VISIBLE_TO_NAV', async () => {
    const reply = await bookings(tokens.nav(), { fnr: P.kristoffer, includeWithheld: true });
    expect(reply.body).toEqual({ bookings: [], withheld: [{ id: kristofferBooking().id, reason: 'NOT_VISIBLE_TO_NAV' }] });
  });

  it('withholds nothing from the person, and lists nothing without includeWithheld', async () => {
    expect((await notes(tokens.person(P.mathias), { fnr: P.mathias, includeWithheld: true })).body.withheld).toEqual([]);
    expect((await notes(tokens.nav(), { fnr: P.mathias })).body).toEqual({ notes: [] });
    expect((await bookings(tokens.nav(), { fnr: P.kristoffer })).body).toEqual({ bookings: [] });
  });

  it('applies the search\'s own filters to what it withholds', async () => {
    const reply = await bookings(tokens.nav(), { fnr: P.kristoffer, statuses: ['BOOKET'], includeWithheld: true });
    expect(reply.body).toEqual({ bookings: [], withheld: [] });
  });
});
