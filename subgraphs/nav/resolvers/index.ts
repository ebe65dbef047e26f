import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { NavContext } from '../context.ts';
import { Activity } from './Activity.ts';
import { ActivityPlan } from './ActivityPlan.ts';
import { DialogueThread } from './DialogueThread.ts';
import { FollowUp } from './FollowUp.ts';
import { Mutation } from './Mutation.ts';
import { Person } from './Person.ts';
import { Query } from './Query.ts';

/** The nav subgraph's resolvers; fields not listed resolve by name from the model. */
export const resolvers: GraphQLResolverMap<NavContext> = { Query, Mutation, Person, FollowUp, ActivityPlan, Activity, DialogueThread };
