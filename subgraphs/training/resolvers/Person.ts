import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { personal } from '../../../lib/consent/subject.ts';
import { badInput } from '../../../lib/errors.ts';
import { isValidIdent } from '../../../lib/ident.ts';
import type { TrainingContext } from '../context.ts';
import { toApprenticeship, toCompletedSubject, toPractice } from '../mapping.ts';
import type { PersonModel } from '../model.ts';

/** Person: the entity other subgraphs join on, extended with the person's fagopplæring records and requests. */
export const PersonResolvers = {
  Person: {
    __resolveReference(reference: { ident: string }): PersonModel {
      // The ident is the caller's input (a key from the router or a direct _entities call): never trusted.
      if (typeof reference.ident !== 'string' || !isValidIdent(reference.ident)) {
        throw badInput('ident must be a valid fødselsnummer or D-number.', 'ident');
      }
      return personal(reference.ident, { ident: reference.ident });
    },
    async completedSubjects(person: PersonModel, _args: unknown, context: TrainingContext) {
      const records = await context.loaders.records.load({ ident: person.ident, kind: 'FAG' });
      return records.fag.map((fag) => toCompletedSubject(person.ident, fag));
    },
    async practice(person: PersonModel, _args: unknown, context: TrainingContext) {
      const records = await context.loaders.records.load({ ident: person.ident, kind: 'PRAKSIS' });
      return records.praksis.map((p) => toPractice(person.ident, p));
    },
    async apprenticeships(person: PersonModel, _args: unknown, context: TrainingContext) {
      const records = await context.loaders.records.load({ ident: person.ident, kind: 'LAEREKONTRAKTER' });
      return records.laerekontrakter.map((k) => toApprenticeship(person.ident, k));
    },
    skillsMappingRequests(person: PersonModel, _args: unknown, context: TrainingContext) {
      return context.loaders.requestsOfPerson.load(person.ident);
    },
  },
} satisfies GraphQLResolverMap<TrainingContext>;
