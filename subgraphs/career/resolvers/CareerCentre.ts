import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { centreOf } from '../centres.ts';
import type { CareerContext } from '../context.ts';
import type { CareerCentre, CentreRef } from '../model.ts';

/**
 * A centre is either complete (Query.careerCentres) or a reference from a booking, note or slot. A reference is
 * completed from the centre list only when a field beyond `id` is asked for, so `centre { id }` costs no call.
 */
async function complete(centre: CareerCentre | CentreRef, context: CareerContext): Promise<CareerCentre> {
  return 'name' in centre ? centre : centreOf(context, centre);
}

/** CareerCentre: every field but `id`, completed from the centre list when the parent is a reference. */
export const CareerCentreResolvers = {
  CareerCentre: {
    name: async (centre: CareerCentre | CentreRef, _args: unknown, context: CareerContext) => (await complete(centre, context)).name,
    municipality: async (centre: CareerCentre | CentreRef, _args: unknown, context: CareerContext) => (await complete(centre, context)).municipality,
    modes: async (centre: CareerCentre | CentreRef, _args: unknown, context: CareerContext) => (await complete(centre, context)).modes,
    homepageUrl: async (centre: CareerCentre | CentreRef, _args: unknown, context: CareerContext) => (await complete(centre, context)).homepageUrl,
  },
} satisfies GraphQLResolverMap<CareerContext>;
