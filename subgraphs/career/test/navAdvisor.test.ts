import { beforeEach, describe, expect, it } from 'vitest';
import { serveApp, useNock } from '../../../test/support/subgraph.ts';
import {
  NOTE_FIELDS,
  P,
  audit,
  auth,
  bookingsOf,
  entities,
  grantsOf,
  ingrid,
  makeApp,
  mockBookings,
  mockGrants,
  mockNotes,
  mockPoaoTilgang,
  notesOf,
  persons,
} from './support.ts';

describe('career subgraph, a NAV advisor', () => {
  useNock();
  const post = serveApp(makeApp);
  beforeEach(() => void audit.lines.splice(0));

  describe('asking for guidance bookings', () => {
    it('sees time and status of a booking NAV made, after poao-tilgang permits the person', async () => {
      const [booking] = bookingsOf(P.mathias);
      mockPoaoTilgang({ [P.mathias]: 'PERMIT' });
      mockBookings(P.mathias);

      const res = await post(entities('guidanceBookings { id startsAt mode status navAdvisorAttends bookedBy }'), persons(P.mathias), auth.bearer(ingrid));

      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!._entities[0].guidanceBookings).toEqual([
        { id: booking!.id, startsAt: '2026-10-14T12:30:00.000+02:00', mode: 'PHONE', status: 'COMPLETED', navAdvisorAttends: false, bookedBy: 'NAV_ADVISOR' },
      ]);
    });

    it('never sees the content: confirmation and reminder are null with FORBIDDEN, and no notification is read', async () => {
      mockPoaoTilgang({ [P.mathias]: 'PERMIT' });
      mockBookings(P.mathias);

      const res = await post(entities('guidanceBookings { status confirmation { location } reminder { sentAt } }'), persons(P.mathias), auth.bearer(ingrid));

      expect(res.body.data!._entities[0].guidanceBookings).toEqual([{ status: 'COMPLETED', confirmation: null, reminder: null }]);
      expect(res.body.errors!.map((e) => [e.path?.slice(-1)[0], e.extensions?.code])).toEqual([
        ['confirmation', 'FORBIDDEN'],
        ['reminder', 'FORBIDDEN'],
      ]);
    });

    it('does not see a booking the person keeps from NAV, even when the booking system hands it over', async () => {
      const [hidden] = bookingsOf(P.kristoffer);
      expect(hidden!.visibleToNav).toBe(false);
      const attended = { ...hidden!, id: '0b1f7d1e-7a43-4c1e-9d55-0a8f1c2b3d4e', navAdvisorAttending: { navIdent: 'Z990001', name: 'Ingrid Aune' } };
      const bookedByNav = { ...hidden!, id: '5c2e8a90-1d3b-4f6a-8e7c-9b0a1d2c3e4f', bookedBy: { type: 'NAV', navIdent: 'Z990001' } };
      mockPoaoTilgang({ [P.kristoffer]: 'PERMIT' });
      mockBookings(P.kristoffer, [hidden, attended, bookedByNav]);

      const res = await post(entities('guidanceBookings { id }'), persons(P.kristoffer), auth.bearer(ingrid));

      expect(res.body.data!._entities[0].guidanceBookings).toEqual([{ id: attended.id }, { id: bookedByNav.id }]);
    });

    it('gets FORBIDDEN and no data for a shielded person poao-tilgang denies, without a call to the booking system', async () => {
      mockPoaoTilgang({ [P.sander]: 'DENY' });

      const res = await post(entities('guidanceBookings { id } careerNotes { id }'), persons(P.sander), auth.bearer(ingrid));

      expect(res.body.data!._entities[0]).toEqual({ ident: P.sander, guidanceBookings: null, careerNotes: null });
      expect(res.body.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    });
  });

  describe('asking for career notes', () => {
    it('reads a note the person shares, and the disclosure is audited with the grant', async () => {
      const [note] = notesOf(P.emma);
      const [grant] = grantsOf([note!.id]);
      mockPoaoTilgang({ [P.emma]: 'PERMIT' });
      mockNotes(P.emma);
      mockGrants([note!.id]);

      const res = await post(entities(NOTE_FIELDS), persons(P.emma), auth.bearer(ingrid));

      expect(res.body.errors).toBeUndefined();
      const [seen] = res.body.data!._entities[0].careerNotes;
      expect(seen).toMatchObject({ id: note!.id, sharedWithNav: true, content: { wayForward: note!.sections.wayForward } });
      expect(audit.lines.some((l) => l.includes(grant!.id) && l.includes('CareerNote'))).toBe(true);
    });

    it('does not get notes the person never shared or stopped sharing, even when the booking system hands them over', async () => {
      const mathiasNote = notesOf(P.mathias)[0]!;
      const saraNote = notesOf(P.sara)[0]!;
      mockPoaoTilgang({ [P.mathias]: 'PERMIT', [P.sara]: 'PERMIT' });
      mockNotes(P.mathias);
      mockNotes(P.sara);
      mockGrants([mathiasNote.id, saraNote.id]); // one batch for both persons' notes: none / withdrawn

      const res = await post(entities('careerNotes { id }'), persons(P.mathias, P.sara), auth.bearer(ingrid));

      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!._entities).toEqual([
        { ident: P.mathias, careerNotes: [] },
        { ident: P.sara, careerNotes: [] },
      ]);
    });

    it('answers a note the booking system withheld as if there were none, with no extra call, and audits its refusal by id', async () => {
      const unshared = notesOf(P.mathias)[0]!;
      mockPoaoTilgang({ [P.mathias]: 'PERMIT' });
      mockNotes(P.mathias, [], [{ id: unshared.id, reason: 'NOT_SHARED' }]); // no grant search follows: nothing to read

      const res = await post(entities('careerNotes { id __typename }'), persons(P.mathias), auth.bearer(ingrid));

      expect(res.body).toEqual({ data: { _entities: [{ ident: P.mathias, careerNotes: [] }] } });
      expect(audit.lines.filter((l) => l.includes(`cs4=${unshared.id}`))).toEqual([
        expect.stringMatching(/suid=Z990001 duid=23869823562 .*request=CareerNote .*flexString1=Deny flexString2Label=Reason flexString2=CONSENT_REQUIRED:NO_GRANT/),
      ]);
    });

    it('does not get a draft, whatever grant record the system holds for it', async () => {
      const draft = notesOf(P.thea)[0]!;
      mockPoaoTilgang({ [P.thea]: 'PERMIT' });
      mockNotes(P.thea); // no grant read: a draft is never shared
      const res = await post(entities('careerNotes { id }'), persons(P.thea), auth.bearer(ingrid));
      expect(draft.status).toBe('UTKAST');
      expect(res.body.data!._entities[0].careerNotes).toEqual([]);
    });

    it('loses a note on the very next request after the person withdraws sharing', async () => {
      const note = notesOf(P.emma)[0]!;
      const [grant] = grantsOf([note.id]);
      mockPoaoTilgang({ [P.emma]: 'PERMIT' });
      mockNotes(P.emma);
      mockGrants([note.id]);
      const before = await post(entities('careerNotes { id }'), persons(P.emma), auth.bearer(ingrid));

      mockPoaoTilgang({ [P.emma]: 'PERMIT' });
      mockNotes(P.emma);
      mockGrants([note.id], [{ ...grant!, withdrawnAt: '2026-11-26T07:59:00.000+01:00' }]);
      const after = await post(entities('careerNotes { id }'), persons(P.emma), auth.bearer(ingrid));

      expect(before.body.data!._entities[0].careerNotes).toEqual([{ id: note.id }]);
      expect(after.body.data!._entities[0].careerNotes).toEqual([]);
    });
  });
});
