import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { CareerContext } from '../context.ts';
import { CareerCentreResolvers } from './CareerCentre.ts';
import { CareerNoteResolvers } from './CareerNote.ts';
import { GuidanceBookingResolvers } from './GuidanceBooking.ts';
import { MutationResolvers } from './Mutation.ts';
import { PersonResolvers } from './Person.ts';
import { ProgrammeStatisticsResolvers } from './ProgrammeStatistics.ts';
import { QueryResolvers } from './Query.ts';

/** The career subgraph's resolvers, one module per type. */
export const careerResolvers: GraphQLResolverMap<CareerContext> = {
  // Two modules add root fields: merged field by field, as spreading both maps would let one Query replace the other.
  Query: { ...QueryResolvers.Query, ...ProgrammeStatisticsResolvers.Query },
  ProgrammeStatistics: ProgrammeStatisticsResolvers.ProgrammeStatistics,
  ...MutationResolvers,
  ...PersonResolvers,
  ...GuidanceBookingResolvers,
  ...CareerNoteResolvers,
  ...CareerCentreResolvers,
};
