import { badInput } from '../../../lib/errors.ts';
import { isValidIdent } from '../../../lib/ident.ts';
import { personal } from '../../../lib/consent/subject.ts';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { CareerContext } from '../context.ts';
import { toBooking, toNote } from '../map.ts';
import type { CareerNote, GuidanceBooking, PersonRef } from '../model.ts';
import { withheldByKarrieresenter } from '../rows.ts';
import type { Withheld } from '../../../lib/consent/withheld.ts';

/** Person: the key, and the Karrieresenter's bookings and notes about the person. */
export const PersonResolvers = {
  Person: {
    // async: a bad ident rejects its own item of `_entities`, not the whole list.
    async __resolveReference(reference: { ident?: unknown }): Promise<PersonRef> {
      const ident = reference.ident;
      if (typeof ident !== 'string' || !isValidIdent(ident)) throw badInput('ident is not a valid fødselsnummer or D-number.', 'ident');
      return personal(ident, { ident });
    },
    // Every booking and note of the person goes back to the plumbing, with those the Karrieresenter withheld from the
    // caller: the row rules, consent and the audit trail decide on each (rows.ts). A record about someone else in
    // this person's answer is not the person's data at all, and is not answered here.
    async guidanceBookings(person: PersonRef, _args: unknown, context: CareerContext): Promise<Array<GuidanceBooking | Withheld>> {
      const { records, withheld } = await context.loaders.bookingsByPerson.load(person.ident);
      const bookings = records
        .filter((b) => b.person.fnr === person.ident)
        .map(toBooking)
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
      return [...bookings, ...withheld.map((w) => withheldByKarrieresenter(person.ident, w))];
    },
    async careerNotes(person: PersonRef, _args: unknown, context: CareerContext): Promise<Array<CareerNote | Withheld>> {
      const { records, withheld } = await context.loaders.notesByPerson.load(person.ident);
      const notes = records
        .filter((n) => n.owner.fnr === person.ident)
        .map(toNote)
        .sort((a, b) => b.writtenAt.getTime() - a.writtenAt.getTime());
      return [...notes, ...withheld.map((w) => withheldByKarrieresenter(person.ident, w))];
    },
  },
} satisfies GraphQLResolverMap<CareerContext>;
