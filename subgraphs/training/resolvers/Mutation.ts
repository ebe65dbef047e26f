import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { TrainingContext } from '../context.ts';
import { changeSkillsMappingStatus } from '../mutations/changeSkillsMappingStatus.ts';
import { giveSkillsMappingConsent } from '../mutations/giveSkillsMappingConsent.ts';
import { issueTrainingPlan } from '../mutations/issueTrainingPlan.ts';
import { requestSkillsMapping } from '../mutations/requestSkillsMapping.ts';
import { withdrawSkillsMappingConsent } from '../mutations/withdrawSkillsMappingConsent.ts';

type Args = { input: unknown };

/** The training subgraph's mutations: each takes one input and answers a payload with userErrors. */
export const MutationResolvers = {
  Mutation: {
    requestSkillsMapping: (_root: unknown, args: Args, context: TrainingContext) => requestSkillsMapping(args.input, context),
    changeSkillsMappingStatus: (_root: unknown, args: Args, context: TrainingContext) => changeSkillsMappingStatus(args.input, context),
    issueTrainingPlan: (_root: unknown, args: Args, context: TrainingContext) => issueTrainingPlan(args.input, context),
    withdrawSkillsMappingConsent: (_root: unknown, args: Args, context: TrainingContext) => withdrawSkillsMappingConsent(args.input, context),
    giveSkillsMappingConsent: (_root: unknown, args: Args, context: TrainingContext) => giveSkillsMappingConsent(args.input, context),
  },
} satisfies GraphQLResolverMap<TrainingContext>;
