import { z } from 'zod';
import { createUpstreamHttp, type UpstreamHttp, type UpstreamRequestScope } from '../../../lib/upstream/http.ts';
import {
  bookingSchema,
  bookingSearchSchema,
  centreSchema,
  noteSearchSchema,
  notificationListSchema,
  personBookingSearchSchema,
  shareGrantSearchSchema,
  slotSchema,
  type ContractBooking,
  type ContractCentre,
  type ContractMode,
  type ContractNote,
  type ContractNotification,
  type ContractShareGrant,
  type ContractSlot,
  type ContractWithheld,
} from './karrieresenter.schemas.ts';
import { karrieresenterReports, type KarrieresenterReports } from './karrieresenter.reports.ts';
import { karrieresenterWrites, type KarrieresenterWrites } from './karrieresenter.writes.ts';

/** The share-grant search takes at most 500 note ids per call (contract: searchShareGrants). */
export const MAX_NOTE_IDS_PER_GRANT_SEARCH = 500;

export interface KarrieresenterClientOptions {
  /** Base URL of the booking system's API (…/api/v1). */
  baseUrl: string;
  /** Abort every call after this many milliseconds. @default 5000 */
  timeoutMs?: number;
}

export interface SlotQuery {
  centreId: string;
  /** Earliest start. */
  from: Date;
  /** Latest start. */
  to: Date;
  mode?: ContractMode;
}

/**
 * A person's records as the system answers the caller: those its rules let the caller see, and the ids of those they
 * withheld (with why), which only the audit trail may use.
 */
export interface PersonRecords<T> {
  records: T[];
  withheld: ContractWithheld[];
}

/** The Karrieresenter booking system, in one request, with the caller's token issued for it. */
export interface KarrieresenterClient extends KarrieresenterWrites, KarrieresenterReports {
  listCentres(): Promise<ContractCentre[]>;
  listAvailableSlots(query: SlotQuery): Promise<ContractSlot[]>;
  /** A person's bookings the caller may see, ordered by start, and those withheld from the caller. */
  searchBookings(fnr: string): Promise<PersonRecords<ContractBooking>>;
  /** A centre's bookings that start between `from` and `to` (counsellors of that centre only), ordered by start. */
  searchCentreBookings(centreId: string, from: Date, to: Date): Promise<ContractBooking[]>;
  /** One booking; 404 (UpstreamHttpError) when there is none the caller may see. */
  getBooking(bookingId: string): Promise<ContractBooking>;
  /** Confirmation, reminder and cancellation records of one booking, oldest first. */
  listBookingNotifications(bookingId: string): Promise<ContractNotification[]>;
  /** A person's notes the caller may see, newest first, and those withheld from the caller. */
  searchNotes(fnr: string): Promise<PersonRecords<ContractNote>>;
  /** Share grants, active and withdrawn, of up to 500 notes. */
  searchShareGrants(noteIds: readonly string[]): Promise<ContractShareGrant[]>;
}

/** The Karrieresenter client for one request: its scope carries the call id and the token issued for the system. */
export function createKarrieresenterClient(options: KarrieresenterClientOptions, scope: UpstreamRequestScope): KarrieresenterClient {
  const http: UpstreamHttp = createUpstreamHttp(
    { system: 'karrieresenter', baseUrl: options.baseUrl, timeoutMs: options.timeoutMs, correlationHeader: 'X-Correlation-ID' },
    scope,
  );
  return {
    ...karrieresenterWrites(http),
    ...karrieresenterReports(http),
    async listCentres() {
      const { data } = await http({ operation: 'listCentres', method: 'GET', path: '/centres', schema: z.array(centreSchema) });
      return data;
    },
    async listAvailableSlots(query) {
      const { data } = await http({
        operation: 'listAvailableSlots',
        method: 'GET',
        path: '/slots',
        query: { centreId: query.centreId, from: query.from.toISOString(), to: query.to.toISOString(), mode: query.mode },
        schema: z.array(slotSchema),
      });
      return data;
    },
    async searchBookings(fnr) {
      // The fnr travels in the body, never in a URL that ends up in access logs.
      const body = { fnr, includeWithheld: true };
      const { data } = await http({ operation: 'searchBookings', method: 'POST', path: '/bookings/search', body, schema: personBookingSearchSchema });
      return { records: data.bookings, withheld: data.withheld };
    },
    async searchCentreBookings(centreId, from, to) {
      const body = { centreId, from: from.toISOString(), to: to.toISOString() };
      const { data } = await http({ operation: 'searchBookings', method: 'POST', path: '/bookings/search', body, schema: bookingSearchSchema });
      return data.bookings;
    },
    async getBooking(bookingId) {
      const { data } = await http({ operation: 'getBooking', method: 'GET', path: `/bookings/${encodeURIComponent(bookingId)}`, schema: bookingSchema });
      return data;
    },
    async listBookingNotifications(bookingId) {
      const { data } = await http({
        operation: 'listBookingNotifications',
        method: 'GET',
        path: `/bookings/${encodeURIComponent(bookingId)}/notifications`,
        schema: notificationListSchema,
      });
      return data;
    },
    async searchNotes(fnr) {
      const body = { fnr, includeWithheld: true };
      const { data } = await http({ operation: 'searchNotes', method: 'POST', path: '/notes/search', body, schema: noteSearchSchema });
      return { records: data.notes, withheld: data.withheld };
    },
    async searchShareGrants(noteIds) {
      if (noteIds.length > MAX_NOTE_IDS_PER_GRANT_SEARCH) throw new Error(`at most ${MAX_NOTE_IDS_PER_GRANT_SEARCH} note ids per grant search`);
      const { data } = await http({
        operation: 'searchShareGrants',
        method: 'POST',
        path: '/share-grants/search',
        body: { noteIds },
        schema: shareGrantSearchSchema,
      });
      return data.grants;
    },
  };
}
