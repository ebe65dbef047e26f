import { describe, expect, it } from 'vitest';
import { toOsloIso } from '../../../lib/time.ts';
import { noteContent } from '../../../test/support/fixtures.ts';
import { serveApp, useNock } from '../../../test/support/subgraph.ts';
import {
  BOOKING_FIELDS,
  NOTE_FIELDS,
  P,
  auth,
  bookingsOf,
  citizen,
  entities,
  fixture,
  makeApp,
  mockBookings,
  mockCentres,
  mockGrants,
  mockNotes,
  mockNotifications,
  notesOf,
  notificationsOf,
  persons,
} from './support.ts';

const iso = (value: string | null) => (value === null ? null : toOsloIso(new Date(value)));

describe('career subgraph, the citizen', () => {
  useNock();
  const post = serveApp(makeApp);

  describe('asking for their own guidance bookings', () => {
    it('gets every booking with time, mode, status, centre, confirmation and reminder mapped from the booking system', async () => {
      const [booking] = bookingsOf(P.emma);
      const [confirmation, reminder] = notificationsOf(booking!.id);
      mockBookings(P.emma);
      mockCentres();
      mockNotifications(booking!.id); // confirmation and reminder of one booking: one call

      const res = await post(entities(BOOKING_FIELDS), persons(P.emma), auth.bearer(citizen(P.emma)));

      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!._entities[0].guidanceBookings).toEqual([
        {
          id: booking!.id,
          startsAt: '2026-09-02T10:00:00.000+02:00',
          durationMinutes: 45,
          mode: 'DIGITAL',
          status: 'COMPLETED',
          sequence: 1,
          navAdvisorAttends: false,
          bookedBy: 'CITIZEN',
          centre: { id: 'KS-TRD', name: 'Karrieresenteret i Trondheim' },
          confirmation: {
            sentAt: iso(confirmation!.sentAt),
            location: booking!.location.meetingUrl,
            reflectionQuestions: confirmation!.content.reflectionQuestions,
            homepageUrl: confirmation!.content.homepageUrl,
            cancellationUrl: confirmation!.content.cancellationUrl,
          },
          reminder: { scheduledFor: iso(reminder!.scheduledFor), sentAt: iso(reminder!.sentAt), status: 'SENT' },
        },
      ]);
    });

    it('sees a cancelled session and its rebooking in start order, in English terms', async () => {
      mockBookings(P.ole, [...bookingsOf(P.ole)].reverse());
      const res = await post(entities('guidanceBookings { startsAt status sequence mode }'), persons(P.ole), auth.bearer(citizen(P.ole)));
      expect(res.body.data!._entities[0].guidanceBookings).toEqual([
        { startsAt: '2026-10-28T09:00:00.000+01:00', status: 'CANCELLED', sequence: 1, mode: 'DIGITAL' },
        { startsAt: '2026-11-11T09:00:00.000+01:00', status: 'COMPLETED', sequence: 1, mode: 'DIGITAL' },
      ]);
    });

    it('sees the address and room of an in-person session, who booked it and that the advisor attends', async () => {
      const session2 = bookingsOf(P.thea).find((b) => b.sessionNumber === 2)!;
      const { address, room } = notificationsOf(session2.id).find((n) => n.type === 'BEKREFTELSE')!.content.location;
      mockBookings(P.thea, [session2]);
      mockNotifications(session2.id);
      const res = await post(
        entities('guidanceBookings { mode navAdvisorAttends bookedBy confirmation { location } }'),
        persons(P.thea),
        auth.bearer(citizen(P.thea)),
      );
      expect(res.body.data!._entities[0].guidanceBookings).toEqual([
        { mode: 'IN_PERSON', navAdvisorAttends: true, bookedBy: 'CITIZEN', confirmation: { location: `${address!.street}, ${address!.postalCode} ${address!.postalTown}, ${room}` } },
      ]);
    });

    it('sees a booking NAV made on their behalf as booked by a NAV advisor, by phone', async () => {
      mockBookings(P.mathias);
      const res = await post(entities('guidanceBookings { mode bookedBy }'), persons(P.mathias), auth.bearer(citizen(P.mathias)));
      expect(res.body.data!._entities[0].guidanceBookings).toEqual([{ mode: 'PHONE', bookedBy: 'NAV_ADVISOR' }]);
    });

    it('sees a reminder that is still scheduled, and no reminder where none was planned', async () => {
      const upcoming = bookingsOf(P.thea).find((b) => b.sessionNumber === 3)!;
      mockBookings(P.thea, [upcoming]);
      mockNotifications(upcoming.id);
      const res = await post(entities('guidanceBookings { status reminder { scheduledFor sentAt status } }'), persons(P.thea), auth.bearer(citizen(P.thea)));
      expect(res.body.data!._entities[0].guidanceBookings).toEqual([
        { status: 'BOOKED', reminder: { scheduledFor: '2026-12-02T13:30:00.000+01:00', sentAt: null, status: 'SCHEDULED' } },
      ]);
    });
  });

  describe('asking for their own career notes', () => {
    it('gets the nine sections mapped from the note, and that it is shared with NAV', async () => {
      const [note] = notesOf(P.emma);
      mockNotes(P.emma);
      mockGrants([note!.id]);

      const res = await post(entities(NOTE_FIELDS), persons(P.emma), auth.bearer(citizen(P.emma)));

      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!._entities[0].careerNotes).toEqual([
        {
          id: note!.id,
          writtenAt: iso(note!.createdAt),
          finalizedAt: iso(note!.finalizedAt),
          status: 'FINAL',
          sharedWithNav: true,
          content: noteContent(note!),
        },
      ]);
    });

    it('sees a note whose sharing they withdrew as not shared', async () => {
      const [note] = notesOf(P.sara);
      expect(fixture.shareGrants.find((g) => g.noteId === note!.id)?.withdrawnAt).not.toBeNull();
      mockNotes(P.sara);
      mockGrants([note!.id]);
      const res = await post(entities('careerNotes { id sharedWithNav }'), persons(P.sara), auth.bearer(citizen(P.sara)));
      expect(res.body.data!._entities[0].careerNotes).toEqual([{ id: note!.id, sharedWithNav: false }]);
    });

    it('sees a draft as a draft that is not shared, without any grant being read for it', async () => {
      const [note] = notesOf(P.thea);
      mockNotes(P.thea); // no share-grant search: a draft cannot be shared
      const res = await post(entities('careerNotes { status finalizedAt sharedWithNav }'), persons(P.thea), auth.bearer(citizen(P.thea)));
      expect(note!.status).toBe('UTKAST');
      expect(res.body.data!._entities[0].careerNotes).toEqual([{ status: 'DRAFT', finalizedAt: null, sharedWithNav: false }]);
    });
  });

  describe("asking for someone else's data", () => {
    it('is refused with FORBIDDEN and nothing is read from the booking system', async () => {
      const res = await post(entities('guidanceBookings { id } careerNotes { id }'), persons(P.mathias), auth.bearer(citizen(P.emma)));
      expect(res.body.data!._entities[0]).toEqual({ ident: P.mathias, guidanceBookings: null, careerNotes: null });
      expect(res.body.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    });
  });
});
