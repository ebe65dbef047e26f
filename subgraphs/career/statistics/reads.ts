import type { ReportingPeriod } from '../../../lib/statistics/period.ts';
import type { PublishedCount } from '../../../lib/statistics/suppression.ts';
import type { CareerContext } from '../context.ts';
import { careerFigures, notesSharedFigure, type CareerFigures } from './figures.ts';

interface PerRequest {
  bookings: Map<string, Promise<CareerFigures>>;
  notes: Map<string, Promise<PublishedCount>>;
}

// Per request (keyed by its context), so the fields of one ProgrammeStatistics share one read of each report and
// nothing outlives the request.
const reads = new WeakMap<CareerContext, PerRequest>();

function perRequest(context: CareerContext): PerRequest {
  let state = reads.get(context);
  if (!state) reads.set(context, (state = { bookings: new Map(), notes: new Map() }));
  return state;
}

const keyOf = (period: ReportingPeriod) => `${period.from}|${period.to}`;

/** The booking figures of a period: two booking reports (all, referred by NAV) and the centre list, read once. */
export function bookingFiguresOf(context: CareerContext, period: ReportingPeriod): Promise<CareerFigures> {
  const cache = perRequest(context).bookings;
  let figures = cache.get(keyOf(period));
  if (!figures) {
    const k = context.karrieresenter;
    figures = Promise.all([
      k.reportBookingCounts(period.from, period.to),
      k.reportBookingCounts(period.from, period.to, true),
      context.loaders.centres(),
    ]).then(([all, referred, centres]) => careerFigures(all, referred, [...centres.keys()]));
    cache.set(keyOf(period), figures);
  }
  return figures;
}

/** Notes shared with NAV in a period, from the note-sharing report, read once. */
export function notesSharedOf(context: CareerContext, period: ReportingPeriod): Promise<PublishedCount> {
  const cache = perRequest(context).notes;
  let figure = cache.get(keyOf(period));
  if (!figure) {
    figure = context.karrieresenter.reportNoteSharingCounts(period.from, period.to).then(notesSharedFigure);
    cache.set(keyOf(period), figure);
  }
  return figure;
}
