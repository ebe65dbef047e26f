import type { UpstreamHttp } from '../../../lib/upstream/http.ts';
import { bookingSchema, noteSchema, shareGrantSchema, type ContractBooking, type ContractMode, type ContractNote, type ContractShareGrant } from './karrieresenter.schemas.ts';
import type { z } from 'zod';

/** The nine sections as the booking system names them. */
export type ContractNoteSections = ContractNote['sections'];

/** createBooking's body (contract: BookingRequest). */
export interface ContractBookingRequest {
  slotId: string;
  mode: ContractMode;
  person: { fnr: string; firstName: string; lastName: string; email: string; phone?: string };
  courseId?: string;
  bookedBy: { type: 'BRUKER' } | { type: 'NAV'; navIdent: string };
  navAdvisorAttending?: { navIdent: string; name: string };
  referredByNav: boolean;
  visibleToNav: boolean;
}

/** Why the person shares a note, as the grant records it (the contract's `purpose`, at most 200 characters). */
export const NOTE_SHARING_PURPOSE = 'Oppfølging hos NAV mot fagbrev (Trøndelagsmodellen)';

/** The booking system's changes. Every method answers the changed record; 4xx arrive as UpstreamHttpError. */
export interface KarrieresenterWrites {
  /** Books a slot; the same key and body again replays the first answer (`replayed`). */
  createBooking(request: ContractBookingRequest, idempotencyKey: string): Promise<{ booking: ContractBooking; replayed: boolean }>;
  /** The person cancels; the system cancels the pending reminder and sends a receipt. */
  cancelBooking(bookingId: string): Promise<ContractBooking>;
  /** The counsellor records the outcome of a session that has started. */
  registerOutcome(bookingId: string, version: number, status: 'GJENNOMFORT' | 'IKKE_MOTT'): Promise<ContractBooking>;
  /** Starts the course's note as a draft. */
  createNote(courseId: string, sections: ContractNoteSections, idempotencyKey: string): Promise<ContractNote>;
  /** Replaces a draft's sections, and makes it final when asked. */
  updateNote(noteId: string, version: number, sections: ContractNoteSections, status: 'UTKAST' | 'FERDIGSTILT'): Promise<ContractNote>;
  /** The owner shares a note with NAV (digital consent given in the graph). */
  grantNoteSharing(noteId: string): Promise<ContractShareGrant>;
  /** The owner withdraws a grant. */
  withdrawNoteSharing(noteId: string, grantId: string): Promise<ContractShareGrant>;
}

const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` });

/** The writes over one request's HTTP client (the caller's token, the call id). */
export function karrieresenterWrites(http: UpstreamHttp): KarrieresenterWrites {
  const post = async <S extends z.ZodType>(operation: string, path: string, schema: S, body: unknown, headers?: Record<string, string>) =>
    http({ operation, method: 'POST', path, body, schema, ...(headers ? { headers } : {}) });
  const id = encodeURIComponent;
  return {
    async createBooking(request, idempotencyKey) {
      const res = await post('createBooking', '/bookings', bookingSchema, request, { 'Idempotency-Key': idempotencyKey });
      return { booking: res.data, replayed: res.headers.get('Idempotent-Replayed') === 'true' };
    },
    async cancelBooking(bookingId) {
      return (await post('cancelBooking', `/bookings/${id(bookingId)}/cancel`, bookingSchema, { cancelledBy: 'BRUKER' })).data;
    },
    async registerOutcome(bookingId, version, status) {
      return (await post('registerBookingOutcome', `/bookings/${id(bookingId)}/outcome`, bookingSchema, { status }, ifMatch(version))).data;
    },
    async createNote(courseId, sections, idempotencyKey) {
      return (await post('createNote', '/notes', noteSchema, { courseId, sections }, { 'Idempotency-Key': idempotencyKey })).data;
    },
    async updateNote(noteId, version, sections, status) {
      const res = await http({ operation: 'updateNote', method: 'PUT', path: `/notes/${id(noteId)}`, body: { sections, status }, headers: ifMatch(version), schema: noteSchema });
      return res.data;
    },
    async grantNoteSharing(noteId) {
      const body = { grantee: 'NAV', purpose: NOTE_SHARING_PURPOSE, method: 'DIGITAL' };
      return (await post('grantNoteSharing', `/notes/${id(noteId)}/share-grants`, shareGrantSchema, body)).data;
    },
    async withdrawNoteSharing(noteId, grantId) {
      return (await post('withdrawNoteSharing', `/notes/${id(noteId)}/share-grants/${id(grantId)}/withdraw`, shareGrantSchema, undefined)).data;
    },
  };
}
