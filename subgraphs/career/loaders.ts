import DataLoader from 'dataloader';
import { perKeyLoader } from '../../lib/upstream/perKeyLoader.ts';
import { MAX_NOTE_IDS_PER_GRANT_SEARCH, type KarrieresenterClient, type PersonRecords } from './clients/karrieresenter.ts';
import type { ContractBooking, ContractCentre, ContractNote, ContractNotification, ContractShareGrant } from './clients/karrieresenter.schemas.ts';

/** The Karrieresenter reads of one request, batched and de-duplicated. Created per request: nothing is shared across. */
export interface CareerLoaders {
  /** A person's bookings (by ident), and those the system withheld from the caller. */
  bookingsByPerson: DataLoader<string, PersonRecords<ContractBooking>>;
  /** A person's notes (by ident), and those the system withheld from the caller. */
  notesByPerson: DataLoader<string, PersonRecords<ContractNote>>;
  /** A booking's notifications: confirmation and reminder of one booking are one call. */
  notificationsByBooking: DataLoader<string, ContractNotification[]>;
  /** A note's share grants, active and withdrawn: one search for all notes asked for in the same tick. */
  shareGrantsByNote: DataLoader<string, ContractShareGrant[]>;
  /** The centres by id, read once per request. */
  centres(): Promise<Map<string, ContractCentre>>;
}

/** This request's loaders over this request's client. */
export function createCareerLoaders(client: KarrieresenterClient): CareerLoaders {
  let centres: Promise<Map<string, ContractCentre>> | undefined;
  return {
    bookingsByPerson: perKeyLoader((ident: string) => client.searchBookings(ident)),
    notesByPerson: perKeyLoader((ident: string) => client.searchNotes(ident)),
    notificationsByBooking: perKeyLoader((bookingId: string) => client.listBookingNotifications(bookingId)),
    shareGrantsByNote: new DataLoader(
      async (noteIds) => {
        const grants = await client.searchShareGrants(noteIds);
        return noteIds.map((id) => grants.filter((g) => g.noteId === id));
      },
      { maxBatchSize: MAX_NOTE_IDS_PER_GRANT_SEARCH },
    ),
    centres() {
      centres ??= client.listCentres().then((list) => new Map(list.map((c) => [c.id, c])));
      return centres;
    },
  };
}
