import type { StatisticsPublisher, PublishedCount } from '../../../lib/statistics/publish.ts';
import type { Quarter } from '../../../lib/statistics/quarter.ts';
import { upstreamContractViolation } from '../../../lib/upstream/errors.ts';
import type { ContractBookingReportRow, ContractNoteSharingReportRow } from '../clients/karrieresenter.reports.ts';
import { toMode } from '../map.ts';
import type { CentreRef, GuidanceMode } from '../model.ts';

/** Every mode, in the schema's order: a mode without bookings is a published 0, not a missing row. */
const MODES: readonly GuidanceMode[] = ['IN_PERSON', 'PHONE', 'DIGITAL'];

/** The Karrieresenter's booking figures of a quarter, rounded for publication and ready to answer. */
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
 * Booking figures of a quarter from the booking report (`all`), the same report restricted to bookings referred by
 * NAV (`referred`) and the centres the system lists. They are one table: the bookings, broken down by mode, by centre
 * (every centre listed, zeros too), into referred by NAV or not, and into held or not — so every part is rounded with
 * what it leaves of the total and nothing published can be subtracted to an exact count.
 */
export function careerFigures(
  publisher: StatisticsPublisher,
  quarter: Quarter,
  all: readonly ContractBookingReportRow[],
  referred: readonly ContractBookingReportRow[],
  centreIds: readonly string[],
): CareerFigures {
  const booked = all.filter(isBooking);
  const total = sum(booked);
  const referredByNav = sum(referred.filter(isBooking));
  // Bookings referred by NAV are some of the bookings: a report saying otherwise cannot be published from.
  if (referredByNav > total) throw upstreamContractViolation('karrieresenter');
  // A centre in the report that the list lacks still counts (and is then caught as a contract breach by its name).
  const centres = [...new Set([...centreIds, ...booked.map((r) => r.centreId)])].sort();
  const completed = sum(booked.filter((r) => r.status === 'GJENNOMFORT'));
  const { total: bookings, breakdowns } = publisher.publish(`${quarter.id}|bookings`, {
    total,
    breakdowns: {
      mode: MODES.map((mode) => sum(booked.filter((r) => toMode(r.mode) === mode))),
      centre: centres.map((id) => sum(booked.filter((r) => r.centreId === id))),
      referral: [referredByNav, total - referredByNav],
      completion: [completed, total - completed],
    },
  });
  return {
    bookings,
    bookingsReferredByNav: breakdowns.referral[0]!,
    bookingsByMode: MODES.map((mode, i) => ({ mode, count: breakdowns.mode[i]! })),
    bookingsByCentre: centres.map((id, i) => ({ centre: { id }, count: breakdowns.centre[i]! })),
    sessionsCompleted: breakdowns.completion[0]!,
  };
}

/**
 * Notes shared with NAV: share grants given to NAV in the quarter, by the month the person gave them. A note shared
 * again after a withdrawal counts again (each is a decision to share); withdrawals are not subtracted — a grant
 * given and withdrawn within the quarter was still a note shared. A table of its own: no other figure contains it.
 */
export function notesSharedFigure(publisher: StatisticsPublisher, quarter: Quarter, rows: readonly ContractNoteSharingReportRow[]): PublishedCount {
  const total = rows.reduce((n, r) => n + r.grantsGiven, 0);
  return publisher.publish(`${quarter.id}|notesShared`, { total, breakdowns: {} }).total;
}
