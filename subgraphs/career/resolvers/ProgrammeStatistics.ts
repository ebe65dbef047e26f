import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { requireReportingClient } from '../../../lib/statistics/access.ts';
import { validatePeriod, type ReportingPeriod } from '../../../lib/statistics/period.ts';
import type { CareerContext } from '../context.ts';
import { bookingFiguresOf, notesSharedOf } from '../statistics/reads.ts';

/** The role first (a refused caller learns nothing about the period), then the period. */
function period(context: CareerContext, args: { from?: unknown; to?: unknown }): ReportingPeriod {
  requireReportingClient(context.caller);
  return validatePeriod(args, context.now());
}

/** One of the Karrieresenter's figures: checked again per field, so no path reaches a figure unchecked. */
const figure =
  <T>(read: (context: CareerContext, period: ReportingPeriod) => Promise<T>) =>
  (parent: ReportingPeriod, _args: unknown, context: CareerContext): Promise<T> =>
    read(context, period(context, parent));

/**
 * ProgrammeStatistics: the root field and the Karrieresenter's figures, from its aggregate reports only — never
 * from personal records. The entity is just its period; each figure is read when asked for.
 */
export const ProgrammeStatisticsResolvers = {
  Query: {
    programmeStatistics: (_parent: unknown, args: { from: string; to: string }, context: CareerContext): ReportingPeriod => period(context, args),
  },
  ProgrammeStatistics: {
    __resolveReference: (reference: { from?: unknown; to?: unknown }, context: CareerContext): ReportingPeriod => period(context, reference),
    bookings: figure(async (c, p) => (await bookingFiguresOf(c, p)).bookings),
    bookingsReferredByNav: figure(async (c, p) => (await bookingFiguresOf(c, p)).bookingsReferredByNav),
    bookingsByMode: figure(async (c, p) => (await bookingFiguresOf(c, p)).bookingsByMode),
    bookingsByCentre: figure(async (c, p) => (await bookingFiguresOf(c, p)).bookingsByCentre),
    sessionsCompleted: figure(async (c, p) => (await bookingFiguresOf(c, p)).sessionsCompleted),
    notesShared: figure(notesSharedOf),
  },
} satisfies GraphQLResolverMap<CareerContext>;
