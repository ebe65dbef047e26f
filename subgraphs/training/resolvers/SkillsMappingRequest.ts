import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { personal } from '../../../lib/consent/subject.ts';
import type { TrainingContext } from '../context.ts';
import type { SkillsMappingRequestModel, TradeModel } from '../model.ts';

/** SkillsMappingRequest: references to the person, the trades and the training plan. */
export const SkillsMappingRequestResolvers = {
  SkillsMappingRequest: {
    person(request: SkillsMappingRequestModel) {
      return personal(request.personIdent, { ident: request.personIdent });
    },
    async trades(request: SkillsMappingRequestModel, _args: unknown, context: TrainingContext) {
      const trades = await context.loaders.trades.loadMany(request.tradeCodes);
      const known = trades.filter((t): t is TradeModel => t !== null && !(t instanceof Error));
      const failed = trades.find((t) => t instanceof Error);
      if (failed) throw failed;
      // Requests are validated against the catalogue when made; a code it lost is logged, not shown half-done.
      if (known.length < trades.length) context.log.warn({ unknownTrades: trades.length - known.length }, 'trade not in catalogue');
      return known;
    },
    async trainingPlan(request: SkillsMappingRequestModel, _args: unknown, context: TrainingContext) {
      return request.trainingPlanId ? context.loaders.trainingPlans.load(request.trainingPlanId) : null;
    },
  },
} satisfies GraphQLResolverMap<TrainingContext>;
