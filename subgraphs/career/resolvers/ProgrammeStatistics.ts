import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { requireReportingClient } from '../../../lib/statistics/access.ts';
import { validateQuarter, type Quarter } from '../../../lib/statistics/quarter.ts';
import type { CareerContext } from '../context.ts';
import { bookingFiguresOf, notesSharedOf } from '../statistics/reads.ts';

/** The entity as resolved: its key, the quarter's name. */
interface StatisticsKey {
  quarter: string;
}

/** The role first (a refused caller learns nothing about the quarter), then the quarter. */
function quarterOf(context: CareerContext, key: { quarter?: unknown }): Quarter {
  requireReportingClient(context.caller);
  return validateQuarter(key, context.now());
}

/** One of the Karrieresenter's figures: checked again per field, so no path reaches a figure unchecked. */
const figure =
  <T>(read: (context: CareerContext, quarter: Quarter) => Promise<T>) =>
  (parent: StatisticsKey, _args: unknown, context: CareerContext): Promise<T> =>
    read(context, quarterOf(context, parent));

/**
 * ProgrammeStatistics: the root field and the Karrieresenter's figures, from its aggregate reports only — never
 * from personal records. The entity is just its quarter; each figure is read when asked for.
 */
export const ProgrammeStatisticsResolvers = {
  Query: {
    programmeStatistics: (_parent: unknown, args: { quarter: string }, context: CareerContext): StatisticsKey => ({ quarter: quarterOf(context, args).id }),
  },
  ProgrammeStatistics: {
    __resolveReference: (reference: { quarter?: unknown }, context: CareerContext): StatisticsKey => ({ quarter: quarterOf(context, reference).id }),
    bookings: figure(async (c, q) => (await bookingFiguresOf(c, q)).bookings),
    bookingsReferredByNav: figure(async (c, q) => (await bookingFiguresOf(c, q)).bookingsReferredByNav),
    bookingsByMode: figure(async (c, q) => (await bookingFiguresOf(c, q)).bookingsByMode),
    bookingsByCentre: figure(async (c, q) => (await bookingFiguresOf(c, q)).bookingsByCentre),
    sessionsCompleted: figure(async (c, q) => (await bookingFiguresOf(c, q)).sessionsCompleted),
    notesShared: figure(notesSharedOf),
  },
} satisfies GraphQLResolverMap<CareerContext>;
