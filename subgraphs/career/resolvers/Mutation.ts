import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { CareerContext } from '../context.ts';
import { cancelGuidanceBooking, completeGuidanceSession } from '../mutations/bookingChanges.ts';
import { bookGuidance } from '../mutations/bookGuidance.ts';
import { shareCareerNote, withdrawCareerNoteSharing } from '../mutations/noteSharing.ts';
import { writeCareerNote } from '../mutations/writeCareerNote.ts';

type Args = { input: unknown };

/**
 * Mutation: each takes one `input`, validated with zod before any upstream call, and answers a payload with
 * the result and `userErrors`. The payload's objects pass the same access and consent checks as any read.
 */
export const MutationResolvers = {
  Mutation: {
    bookGuidance: (_p: unknown, { input }: Args, context: CareerContext) => bookGuidance(context, input),
    cancelGuidanceBooking: (_p: unknown, { input }: Args, context: CareerContext) => cancelGuidanceBooking(context, input),
    completeGuidanceSession: (_p: unknown, { input }: Args, context: CareerContext) => completeGuidanceSession(context, input),
    writeCareerNote: (_p: unknown, { input }: Args, context: CareerContext) => writeCareerNote(context, input),
    shareCareerNote: (_p: unknown, { input }: Args, context: CareerContext) => shareCareerNote(context, input),
    withdrawCareerNoteSharing: (_p: unknown, { input }: Args, context: CareerContext) => withdrawCareerNoteSharing(context, input),
  },
} satisfies GraphQLResolverMap<CareerContext>;
