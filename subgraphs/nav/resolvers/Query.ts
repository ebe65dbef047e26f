import { isValidIdent } from '../../../lib/ident.ts';
import { badInput, forbidden } from '../../../lib/errors.ts';
import { personal } from '../../../lib/consent/subject.ts';
import { recordDecision } from '../../../lib/audit/record.ts';
import { personLookup } from '../access.ts';
import { myCaseload } from '../caseload/myCaseload.ts';
import type { NavContext } from '../context.ts';
import type { PersonRef } from '../model.ts';
import type { TypeResolvers } from './types.ts';

/** Query.me and Query.person: the key of a person the caller may look up, nothing more; the advisor's caseload. */
export const Query = {
  me(_parent: unknown, _args: unknown, context: NavContext): PersonRef {
    if (context.caller.role !== 'citizen') throw forbidden('Only a person can ask for themself.');
    return personal(context.caller.ident, { ident: context.caller.ident });
  },

  async person(_parent: unknown, args: { ident: string }, context: NavContext): Promise<PersonRef> {
    if (!isValidIdent(args.ident)) throw badInput('ident is not a valid fødselsnummer or D-number.', 'ident');
    const decision = await personLookup[context.caller.role](context, args.ident);
    // The same answer whether the person exists or not: a refusal discloses nothing, and is audited.
    if (!decision.permit) {
      recordDecision(context, 'nav', { subject: args.ident, coordinate: 'Query.person', decision: 'Deny', reason: `FORBIDDEN:${decision.reason}` });
      throw forbidden();
    }
    return personal(args.ident, { ident: args.ident });
  },

  myCaseload,
} satisfies TypeResolvers;
