import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { forbidden } from '../../../lib/errors.ts';
import { subjectOf } from '../../../lib/consent/subject.ts';
import type { CareerContext } from '../context.ts';
import { toConfirmation, toReminder } from '../map.ts';
import type { GuidanceBooking, GuidanceConfirmation, GuidanceReminder, PersonRef } from '../model.ts';
import { personal } from '../../../lib/consent/subject.ts';

/**
 * What a booking's notifications say (location, questions, links) is its content: only the person and the
 * centre's counsellors see it. NAV sees time and status, never the content (ARCHITECTURE.md §3).
 */
function requireContentAccess(context: CareerContext): void {
  const role = context.caller.role;
  if (role !== 'citizen' && role !== 'career-counsellor') throw forbidden('The content of a booking is not shown to your role.');
}

async function notificationsOf(context: CareerContext, booking: GuidanceBooking) {
  requireContentAccess(context);
  return context.loaders.notificationsByBooking.load(booking.id);
}

/** GuidanceBooking: the notifications, read only when asked for (the centre is a reference, see CareerCentre.ts). */
export const GuidanceBookingResolvers = {
  GuidanceBooking: {
    // The key only: the person's other fields are resolved, and checked, by the subgraphs that own them.
    person: (booking: GuidanceBooking): PersonRef => personal(subjectOf(booking)!, { ident: subjectOf(booking)! }),
    async confirmation(booking: GuidanceBooking, _args: unknown, context: CareerContext): Promise<GuidanceConfirmation | null> {
      return toConfirmation(subjectOf(booking)!, await notificationsOf(context, booking));
    },
    async reminder(booking: GuidanceBooking, _args: unknown, context: CareerContext): Promise<GuidanceReminder | null> {
      return toReminder(subjectOf(booking)!, await notificationsOf(context, booking));
    },
  },
} satisfies GraphQLResolverMap<CareerContext>;
