import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { TrainingContext } from '../context.ts';
import { MutationResolvers } from './Mutation.ts';
import { PersonResolvers } from './Person.ts';
import { PriorSubjectMappingResolvers } from './PriorSubjectMapping.ts';
import { ProgrammeStatisticsResolvers } from './ProgrammeStatistics.ts';
import { SkillsMappingRequestResolvers } from './SkillsMappingRequest.ts';
import { TradeResolvers } from './Trade.ts';
import { TrainingPlanResolvers } from './TrainingPlan.ts';
import { WorklistResolvers } from './Worklist.ts';

/** Merges resolver maps type by type, so two files may both add fields to Query or Person. */
function merge(...maps: GraphQLResolverMap<TrainingContext>[]): GraphQLResolverMap<TrainingContext> {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) merged[type] = { ...merged[type], ...(fields as Record<string, unknown>) };
  }
  return merged as GraphQLResolverMap<TrainingContext>;
}

/** All resolvers of the training subgraph; types without an entry resolve their fields from the model objects. */
export const trainingResolvers: GraphQLResolverMap<TrainingContext> = merge(
  PersonResolvers,
  PriorSubjectMappingResolvers,
  SkillsMappingRequestResolvers,
  TrainingPlanResolvers,
  TradeResolvers,
  WorklistResolvers,
  MutationResolvers,
  ProgrammeStatisticsResolvers,
);
