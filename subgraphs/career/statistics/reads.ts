import type { PublishedCount } from '../../../lib/statistics/publish.ts';
import type { Quarter } from '../../../lib/statistics/quarter.ts';
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

/** The booking figures of a quarter: two booking reports (all, referred by NAV) and the centre list, read once. */
export function bookingFiguresOf(context: CareerContext, quarter: Quarter): Promise<CareerFigures> {
  const cache = perRequest(context).bookings;
  let figures = cache.get(quarter.id);
  if (!figures) {
    const k = context.karrieresenter;
    figures = Promise.all([
      k.reportBookingCounts(quarter.firstMonth, quarter.lastMonth),
      k.reportBookingCounts(quarter.firstMonth, quarter.lastMonth, true),
      context.loaders.centres(),
    ]).then(([all, referred, centres]) => careerFigures(context.statistics, quarter, all, referred, [...centres.keys()]));
    cache.set(quarter.id, figures);
  }
  return figures;
}

/** Notes shared with NAV in a quarter, from the note-sharing report, read once. */
export function notesSharedOf(context: CareerContext, quarter: Quarter): Promise<PublishedCount> {
  const cache = perRequest(context).notes;
  let figure = cache.get(quarter.id);
  if (!figure) {
    figure = context.karrieresenter
      .reportNoteSharingCounts(quarter.firstMonth, quarter.lastMonth)
      .then((rows) => notesSharedFigure(context.statistics, quarter, rows));
    cache.set(quarter.id, figure);
  }
  return figure;
}
