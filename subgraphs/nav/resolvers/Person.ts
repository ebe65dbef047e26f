import { isValidIdent } from '../../../lib/ident.ts';
import { badInput } from '../../../lib/errors.ts';
import { personal } from '../../../lib/consent/subject.ts';
import { ageOfIdent, inTargetGroup } from '../age.ts';
import type { NavContext } from '../context.ts';
import type { ActivityPlan, FollowUp, PersonRef } from '../model.ts';
import type { TypeResolvers } from './types.ts';

/**
 * Person in the nav subgraph. Access to every field but `ident` is applied by the plumbing (access.ts), so the
 * resolvers only read.
 */
export const Person = {
  /**
   * Another subgraph (or the gateway) hands on a key: check it is an ident before anything is read for it.
   * Async, so a bad key fails only its own entry of an `_entities` batch, not the whole list.
   */
  async __resolveReference(reference: { ident: string }): Promise<PersonRef> {
    if (!isValidIdent(reference.ident)) throw badInput('ident is not a valid fødselsnummer or D-number.', 'ident');
    return personal(reference.ident, { ident: reference.ident });
  },

  age(person: PersonRef, _args: unknown, context: NavContext): number | null {
    return ageOfIdent(person.ident, context.now());
  },

  inTargetGroup(person: PersonRef, _args: unknown, context: NavContext): boolean | null {
    const age = ageOfIdent(person.ident, context.now());
    return age === null ? null : inTargetGroup(age);
  },

  followUp(person: PersonRef, _args: unknown, context: NavContext): Promise<FollowUp | null> {
    return context.loaders.followUp.load(person.ident);
  },

  // The plan is read when its activities are asked for, so asking for the plan alone costs no call.
  activityPlan(person: PersonRef): ActivityPlan {
    return personal(person.ident, { ident: person.ident });
  },
} satisfies TypeResolvers;
