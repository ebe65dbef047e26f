import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { requireReportingClient } from '../../../lib/statistics/access.ts';
import { validatePeriod, type ReportingPeriod } from '../../../lib/statistics/period.ts';
import type { TrainingContext } from '../context.ts';
import { trainingFiguresOf } from '../statistics/reads.ts';

/** The role first (a refused caller learns nothing about the period), then the period: `_entities` can name any. */
function period(context: TrainingContext, key: { from?: unknown; to?: unknown }): ReportingPeriod {
  requireReportingClient(context.caller);
  return validatePeriod(key, context.now());
}

/**
 * ProgrammeStatistics: fagopplæring's figures, from its request statistics only — never from personal records.
 * The career subgraph owns the root field; this subgraph resolves the entity by its period and checks it itself.
 */
export const ProgrammeStatisticsResolvers = {
  ProgrammeStatistics: {
    __resolveReference: (reference: { from?: unknown; to?: unknown }, context: TrainingContext): ReportingPeriod => period(context, reference),
    skillsMappingRequests: async (parent: ReportingPeriod, _args: unknown, context: TrainingContext) =>
      (await trainingFiguresOf(context, period(context, parent))).skillsMappingRequests,
    trainingPlansSent: async (parent: ReportingPeriod, _args: unknown, context: TrainingContext) =>
      (await trainingFiguresOf(context, period(context, parent))).trainingPlansSent,
  },
} satisfies GraphQLResolverMap<TrainingContext>;
