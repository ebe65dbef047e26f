import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { isSharedWithNav } from '../access.ts';
import type { CareerContext } from '../context.ts';
import type { CareerNote } from '../model.ts';

/** CareerNote: whether it is shared, from the grant data. Who sees a note at all is decided by @consent. */
export const CareerNoteResolvers = {
  CareerNote: {
    sharedWithNav: (note: CareerNote, _args: unknown, context: CareerContext): Promise<boolean> => isSharedWithNav(context, note),
  },
} satisfies GraphQLResolverMap<CareerContext>;
