import { describe, expect, it } from 'vitest';
import type { Caller } from '../../../lib/auth/caller.ts';
import { serveApp, useNock } from '../../../test/support/subgraph.ts';
import {
  P,
  auth,
  bookingsOf,
  counsellor,
  entities,
  makeApp,
  mockBookings,
  mockCentres,
  mockGrants,
  mockNotes,
  mockNotifications,
  notesOf,
  persons,
} from './support.ts';

describe('career subgraph, a career counsellor', () => {
  useNock();
  const post = serveApp(makeApp);

  it("sees bookings with their content and notes in full at their own centre, without any grant being read", async () => {
    const [booking] = bookingsOf(P.olena);
    const [note] = notesOf(P.olena);
    mockBookings(P.olena);
    mockNotes(P.olena);
    mockCentres();
    mockNotifications(booking!.id);

    const res = await post(
      entities('guidanceBookings { id centre { name } confirmation { cancellationUrl } } careerNotes { id content { needs } }'),
      persons(P.olena),
      auth.bearer(counsellor('KS-STK')),
    );

    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!._entities[0]).toMatchObject({
      guidanceBookings: [{ id: booking!.id, centre: { name: 'Karrieresenteret i Steinkjer' }, confirmation: { cancellationUrl: expect.stringMatching(/^https:/) } }],
      careerNotes: [{ id: note!.id, content: { needs: note!.sections.needs } }],
    });
  });

  it("sees nothing of another centre's bookings and notes: empty lists, not errors", async () => {
    mockBookings(P.olena);
    mockNotes(P.olena);
    const res = await post(entities('guidanceBookings { id } careerNotes { id }'), persons(P.olena), auth.bearer(counsellor('KS-TRD')));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!._entities[0]).toEqual({ ident: P.olena, guidanceBookings: [], careerNotes: [] });
  });

  it('reads the share grants of two persons\' notes in one batch call', async () => {
    const emmaNote = notesOf(P.emma)[0]!;
    const saraNote = notesOf(P.sara)[0]!;
    mockNotes(P.emma);
    mockNotes(P.sara);
    mockGrants([emmaNote.id, saraNote.id]);

    const res = await post(entities('careerNotes { id sharedWithNav }'), persons(P.emma, P.sara), auth.bearer(counsellor('KS-TRD')));

    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!._entities).toEqual([
      { ident: P.emma, careerNotes: [{ id: emmaNote.id, sharedWithNav: true }] },
      { ident: P.sara, careerNotes: [{ id: saraNote.id, sharedWithNav: false }] },
    ]);
  });
});

describe('career subgraph, roles without career data', () => {
  useNock();
  const post = serveApp(makeApp);
  const roles: Caller[] = [
    { role: 'training-advisor', advisorId: 'FR-01' },
    { role: 'partner-reporting', clientId: 'trondelag-partnerskap' },
  ];

  for (const caller of roles) {
    it(`refuses a ${caller.role} with FORBIDDEN, reading nothing`, async () => {
      const res = await post(entities('guidanceBookings { id } careerNotes { id }'), persons(P.emma), auth.bearer(caller));
      expect(res.body.data!._entities[0]).toEqual({ ident: P.emma, guidanceBookings: null, careerNotes: null });
      expect(res.body.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    });
  }
});
