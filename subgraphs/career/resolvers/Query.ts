import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { CareerContext } from '../context.ts';
import { toCentre, toSlot } from '../map.ts';
import type { AvailableSlot, CareerCentre, GuidanceBooking } from '../model.ts';
import { centreDay } from '../centreDay.ts';
import { slotQuery, type AvailableSlotsArgs } from '../slots.ts';

/** The centres and their free slots (no personal data, open to every authenticated caller); a counsellor's day. */
export const QueryResolvers = {
  Query: {
    async careerCentres(_parent: unknown, _args: unknown, context: CareerContext): Promise<CareerCentre[]> {
      return [...(await context.loaders.centres()).values()].map(toCentre);
    },
    async availableSlots(_parent: unknown, args: AvailableSlotsArgs, context: CareerContext): Promise<AvailableSlot[]> {
      const slots = await context.karrieresenter.listAvailableSlots(slotQuery(args));
      // By start, then id: slots at the same time (several counsellors) keep a stable order.
      return slots.map(toSlot).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
    },
    centreBookings(_parent: unknown, args: { centreId: string; date: string }, context: CareerContext): Promise<GuidanceBooking[]> {
      return centreDay(context, args.centreId, args.date);
    },
  },
} satisfies GraphQLResolverMap<CareerContext>;
