import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { CareerContext } from '../context.ts';
import { CareerCentreResolvers } from './CareerCentre.ts';
import { CareerNoteResolvers } from './CareerNote.ts';
import { GuidanceBookingResolvers } from './GuidanceBooking.ts';
import { MutationResolvers } from './Mutation.ts';
import { PersonResolvers } from './Person.ts';
import { QueryResolvers } from './Query.ts';

/** The career subgraph's resolvers, one module per type. */
export const careerResolvers: GraphQLResolverMap<CareerContext> = {
  ...QueryResolvers,
  ...MutationResolvers,
  ...PersonResolvers,
  ...GuidanceBookingResolvers,
  ...CareerNoteResolvers,
  ...CareerCentreResolvers,
};
