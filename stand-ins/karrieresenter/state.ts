import { osloWallClock } from '../../lib/time.ts';
import type { FixtureMeta } from '../common/fixtures.ts';
import type { IdempotencyStore } from './idempotency.ts';
import { createIdempotencyStore } from './idempotency.ts';
import type { Booking, Centre, Counsellor, Mode, Note, Notification, ShareGrant, Slot } from './types.ts';

/** The karrieresenter.json fixture file as loadFixture returns it. */
export interface KarrieresenterFixture {
  meta: FixtureMeta;
  centres: Centre[];
  counsellors: Counsellor[];
  slots: Slot[];
  bookings: Booking[];
  notifications: Notification[];
  notes: Note[];
  shareGrants: ShareGrant[];
}

/** The stand-in's whole in-memory state; tests assert on it directly. */
export interface KarrieresenterState {
  meta: FixtureMeta;
  centres: Map<string, Centre>;
  counsellors: Map<string, Counsellor>;
  /** Every slot, free or booked: a slot is free while no non-cancelled booking holds it. */
  slots: Map<string, Slot>;
  bookings: Map<string, Booking>;
  /** Stored as written; whether a PLANLAGT reminder has gone out is decided at read time from `now`. */
  notifications: Notification[];
  notes: Map<string, Note>;
  shareGrants: ShareGrant[];
  idempotency: IdempotencyStore;
  /** The next number for `KS-<year>-<nnnnnn>` booking references. */
  nextReference: number;
}

/**
 * A slot id encodes its Oslo start (`SL-<centre>-<yyyyMMdd>-<HHmm>-<counsellor>`, contract `Slot.id`): after the
 * fixture's times were moved to "now", the ids are written anew from the moved start, in slots and bookings alike.
 */
function slotIdFor(id: string, start: string): string {
  const m = /^SL-(.+)-(\d{8})-(\d{4})-([^-]+-[^-]+)$/.exec(id);
  if (!m) return id;
  const local = osloWallClock(new Date(start));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `SL-${m[1]}-${local.year}${pad(local.month)}${pad(local.day)}-${pad(local.hour)}${pad(local.minute)}-${m[4]}`;
}

function withCurrentSlotIds(fixture: KarrieresenterFixture): KarrieresenterFixture {
  const renamed = new Map<string, string>();
  const slots = fixture.slots.map((slot) => {
    const id = slotIdFor(slot.id, slot.start);
    renamed.set(slot.id, id);
    return { ...slot, id };
  });
  const bookings = fixture.bookings.map((b) => ({ ...b, slotId: renamed.get(b.slotId) ?? slotIdFor(b.slotId, b.start) }));
  return { ...fixture, slots, bookings };
}

/** Builds the state from a fixture (already time-shifted by loadFixture). */
export function stateFromFixture(original: KarrieresenterFixture): KarrieresenterState {
  const fixture = withCurrentSlotIds(original);
  const slots = new Map(fixture.slots.map((s) => [s.id, s]));
  // The fixture lists only free slots; the booked ones are rebuilt from their bookings so that a cancelled
  // booking frees its slot again, as in the real system.
  for (const b of fixture.bookings) {
    if (slots.has(b.slotId)) continue;
    slots.set(b.slotId, {
      id: b.slotId,
      centreId: b.centreId,
      counsellorId: b.counsellorId,
      start: b.start,
      durationMinutes: 45,
      modes: modesOfCounsellor(fixture.slots, b.counsellorId, b.mode),
    });
  }
  const references = fixture.bookings.map((b) => Number(b.reference.slice(-6)));
  return {
    meta: fixture.meta,
    centres: new Map(fixture.centres.map((c) => [c.id, c])),
    counsellors: new Map(fixture.counsellors.map((c) => [c.id, c])),
    slots,
    bookings: new Map(fixture.bookings.map((b) => [b.id, b])),
    notifications: [...fixture.notifications],
    notes: new Map(fixture.notes.map((n) => [n.id, n])),
    shareGrants: [...fixture.shareGrants],
    idempotency: createIdempotencyStore(),
    nextReference: Math.max(0, ...references) + 1,
  };
}

/** The modes a counsellor offers, as their free slots show; at least the mode that was booked. */
function modesOfCounsellor(slots: Slot[], counsellorId: string, booked: Mode): Mode[] {
  const modes = new Set<Mode>([booked]);
  for (const s of slots) if (s.counsellorId === counsellorId) for (const m of s.modes) modes.add(m);
  const order: Mode[] = ['OPPMOTE', 'TELEFON', 'DIGITAL'];
  return order.filter((m) => modes.has(m));
}

/** The sessions of a course (same courseId), oldest first. */
export function courseBookings(state: KarrieresenterState, courseId: string): Booking[] {
  return [...state.bookings.values()].filter((b) => b.courseId === courseId).sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
}

/** The active (not withdrawn) grant of a note to NAV, if any. */
export function activeGrant(state: KarrieresenterState, noteId: string): ShareGrant | undefined {
  return state.shareGrants.find((g) => g.noteId === noteId && g.withdrawnAt === null);
}
