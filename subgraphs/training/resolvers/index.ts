import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { TrainingContext } from '../context.ts';
import { PersonResolvers } from './Person.ts';
import { SkillsMappingRequestResolvers } from './SkillsMappingRequest.ts';
import { TradeResolvers } from './Trade.ts';
import { TrainingPlanResolvers } from './TrainingPlan.ts';

/** All resolvers of the training subgraph; types without an entry resolve their fields from the model objects. */
export const trainingResolvers: GraphQLResolverMap<TrainingContext> = {
  ...PersonResolvers,
  ...SkillsMappingRequestResolvers,
  ...TrainingPlanResolvers,
  ...TradeResolvers,
};
