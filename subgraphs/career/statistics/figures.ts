import { publishBreakdown, publishCount, publishPart, type PublishedCount } from '../../../lib/statistics/suppression.ts';
import type { ContractBookingReportRow, ContractNoteSharingReportRow } from '../clients/karrieresenter.reports.ts';
import { toMode } from '../map.ts';
import type { CentreRef, GuidanceMode } from '../model.ts';

/** Every mode, in the schema's order: a mode without bookings is a published 0, not a missing row. */
const MODES: readonly GuidanceMode[] = ['IN_PERSON', 'PHONE', 'DIGITAL'];

/** The Karrieresenter's share of ProgrammeStatistics, suppressed and ready to answer. */
export interface CareerFigures {
  bookings: PublishedCount;
  bookingsReferredByNav: PublishedCount;
  bookingsByMode: Array<{ mode: GuidanceMode; count: PublishedCount }>;
  bookingsByCentre: Array<{ centre: CentreRef; count: PublishedCount }>;
  sessionsCompleted: PublishedCount;
}

/**
 * A booking counts when its session was booked and not cancelled (BOOKET, GJENNOMFORT, IKKE_MOTT): a cancelled and
 * rebooked session is one session. Months are the months of the session start, as the report counts them.
 */
const isBooking = (row: ContractBookingReportRow) => row.status !== 'AVLYST';
const sum = (rows: readonly ContractBookingReportRow[]) => rows.reduce((n, r) => n + r.count, 0);

/**
 * Booking figures from the booking report (`all`), the same report restricted to bookings referred by NAV
 * (`referred`) and the centres the system lists. The breakdowns list every mode and every centre (zeros too) and
 * are suppressed against the published total; bookings referred by NAV are a part of it whose remainder is implied.
 */
export function careerFigures(all: readonly ContractBookingReportRow[], referred: readonly ContractBookingReportRow[], centreIds: readonly string[]): CareerFigures {
  const booked = all.filter(isBooking);
  const total = sum(booked);
  // A centre in the report that the list lacks still counts (and is then caught as a contract breach by its name).
  const centres = [...new Set([...centreIds, ...booked.map((r) => r.centreId)])].sort();
  const byMode = MODES.map((mode) => ({ key: mode, count: sum(booked.filter((r) => toMode(r.mode) === mode)) }));
  const byCentre = centres.map((id) => ({ key: id, count: sum(booked.filter((r) => r.centreId === id)) }));
  return {
    bookings: publishCount(total),
    bookingsReferredByNav: publishPart(total, sum(referred.filter(isBooking))),
    bookingsByMode: publishBreakdown(total, byMode).map(({ key, count }) => ({ mode: key, count })),
    bookingsByCentre: publishBreakdown(total, byCentre).map(({ key, count }) => ({ centre: { id: key }, count })),
    sessionsCompleted: publishCount(sum(all.filter((r) => r.status === 'GJENNOMFORT'))),
  };
}

/**
 * Notes shared with NAV: share grants given to NAV in the period, by the month the person gave them. A note shared
 * again after a withdrawal counts again (each is a decision to share); withdrawals are not subtracted — a grant
 * given and withdrawn within the period was still a note shared.
 */
export function notesSharedFigure(rows: readonly ContractNoteSharingReportRow[]): PublishedCount {
  return publishCount(rows.reduce((n, r) => n + r.grantsGiven, 0));
}
