import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { requireReportingClient } from '../../../lib/statistics/access.ts';
import { validateQuarter, type Quarter } from '../../../lib/statistics/quarter.ts';
import type { TrainingContext } from '../context.ts';
import { trainingFiguresOf } from '../statistics/reads.ts';

/** The entity as resolved: its key, the quarter's name. */
interface StatisticsKey {
  quarter: string;
}

/** The role first (a refused caller learns nothing about the quarter), then the quarter: `_entities` can name any. */
function quarterOf(context: TrainingContext, key: { quarter?: unknown }): Quarter {
  requireReportingClient(context.caller);
  return validateQuarter(key, context.now());
}

/**
 * ProgrammeStatistics: fagopplæring's figures, from its request statistics only — never from personal records.
 * The career subgraph owns the root field; this subgraph resolves the entity by its quarter and checks it itself.
 */
export const ProgrammeStatisticsResolvers = {
  ProgrammeStatistics: {
    __resolveReference: (reference: { quarter?: unknown }, context: TrainingContext): StatisticsKey => ({ quarter: quarterOf(context, reference).id }),
    skillsMappingRequests: async (parent: StatisticsKey, _args: unknown, context: TrainingContext) =>
      (await trainingFiguresOf(context, quarterOf(context, parent))).skillsMappingRequests,
    trainingPlansSent: async (parent: StatisticsKey, _args: unknown, context: TrainingContext) =>
      (await trainingFiguresOf(context, quarterOf(context, parent))).trainingPlansSent,
  },
} satisfies GraphQLResolverMap<TrainingContext>;
