import DataLoader from 'dataloader';
import { MAX_NOTE_IDS_PER_GRANT_SEARCH, type KarrieresenterClient } from './clients/karrieresenter.ts';
import type { ContractBooking, ContractCentre, ContractNote, ContractNotification, ContractShareGrant } from './clients/karrieresenter.schemas.ts';

/** The Karrieresenter reads of one request, batched and de-duplicated. Created per request: nothing is shared across. */
export interface CareerLoaders {
  /** A person's bookings (by ident). */
  bookingsByPerson: DataLoader<string, ContractBooking[]>;
  /** A person's notes (by ident). */
  notesByPerson: DataLoader<string, ContractNote[]>;
  /** A booking's notifications: confirmation and reminder of one booking are one call. */
  notificationsByBooking: DataLoader<string, ContractNotification[]>;
  /** A note's share grants, active and withdrawn: one search for all notes asked for in the same tick. */
  shareGrantsByNote: DataLoader<string, ContractShareGrant[]>;
  /** The centres by id, read once per request. */
  centres(): Promise<Map<string, ContractCentre>>;
}

/**
 * One call per key where the contract has no batch endpoint, but settled together: the answers of all persons
 * asked for at one level arrive in the same tick, so what is read below them (grants) is batched across them.
 * A failure stays with its own key (DataLoader rejects that key only).
 */
function eachSettled<V>(read: (key: string) => Promise<V>) {
  return async (keys: readonly string[]): Promise<Array<V | Error>> => {
    const settled = await Promise.allSettled(keys.map(read));
    return settled.map((s) => (s.status === 'fulfilled' ? s.value : s.reason instanceof Error ? s.reason : new Error('upstream read failed')));
  };
}

/** This request's loaders over this request's client. */
export function createCareerLoaders(client: KarrieresenterClient): CareerLoaders {
  let centres: Promise<Map<string, ContractCentre>> | undefined;
  return {
    bookingsByPerson: new DataLoader(eachSettled((ident) => client.searchBookings(ident))),
    notesByPerson: new DataLoader(eachSettled((ident) => client.searchNotes(ident))),
    notificationsByBooking: new DataLoader(eachSettled((bookingId) => client.listBookingNotifications(bookingId))),
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
