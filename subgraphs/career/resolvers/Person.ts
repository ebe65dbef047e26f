import { badInput } from '../../../lib/errors.ts';
import { isValidIdent } from '../../../lib/ident.ts';
import { personal } from '../../../lib/consent/subject.ts';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { CareerContext } from '../context.ts';
import { toBooking, toNote } from '../map.ts';
import type { CareerNote, GuidanceBooking, PersonRef } from '../model.ts';
import { visibleBookings, visibleNotes } from '../rows.ts';

/** Person: the key, and the Karrieresenter's bookings and notes about the person. */
export const PersonResolvers = {
  Person: {
    // async: a bad ident rejects its own item of `_entities`, not the whole list.
    async __resolveReference(reference: { ident?: unknown }): Promise<PersonRef> {
      const ident = reference.ident;
      if (typeof ident !== 'string' || !isValidIdent(ident)) throw badInput('ident is not a valid fødselsnummer or D-number.', 'ident');
      return personal(ident, { ident });
    },
    async guidanceBookings(person: PersonRef, _args: unknown, context: CareerContext): Promise<GuidanceBooking[]> {
      const bookings = await context.loaders.bookingsByPerson.load(person.ident);
      return visibleBookings(context.caller, person.ident, bookings)
        .map(toBooking)
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    },
    async careerNotes(person: PersonRef, _args: unknown, context: CareerContext): Promise<CareerNote[]> {
      const notes = await context.loaders.notesByPerson.load(person.ident);
      return visibleNotes(context.caller, person.ident, notes)
        .map(toNote)
        .sort((a, b) => b.writtenAt.getTime() - a.writtenAt.getTime());
    },
  },
} satisfies GraphQLResolverMap<CareerContext>;
