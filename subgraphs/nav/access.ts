import { navAdvisorViaPoaoTilgang } from '../../lib/access/poaoTilgang.ts';
import { PERMIT, nothing, ownDataOnly, type AccessRule, type PersonAccessPolicy } from '../../lib/access/policy.ts';
import type { GrantSource } from '../../lib/consent/grants.ts';
import type { NavContext } from './context.ts';

/**
 * Who may see a person's NAV data (ARCHITECTURE.md §3): the person themself, and a NAV advisor where
 * poao-tilgang permits it (shielded and address-protected persons are DENY). Counsellors, training advisors
 * and reporting clients get nothing from NAV.
 */
export const navPersonAccess: PersonAccessPolicy<NavContext> = {
  citizen: ownDataOnly<NavContext>(),
  'nav-advisor': navAdvisorViaPoaoTilgang<NavContext>(),
  'career-counsellor': nothing<NavContext>('NO_NAV_DATA_FOR_KARRIERESENTER'),
  'training-advisor': nothing<NavContext>('NO_NAV_DATA_FOR_FAGOPPLAERING'),
  'partner-reporting': nothing<NavContext>('AGGREGATES_ONLY'),
};

/** The key is no secret to those who work with the person; their own subgraphs check every field behind it. */
const keyOnly: AccessRule<NavContext> = async () => PERMIT;

/**
 * Who may look a person up with Query.person (the key only). The person themself and a permitted advisor as
 * above; a counsellor and a training advisor get the key (the career and training subgraphs check their fields);
 * a reporting client never sees a person.
 */
export const personLookup: PersonAccessPolicy<NavContext> = {
  citizen: navPersonAccess.citizen,
  'nav-advisor': navPersonAccess['nav-advisor'],
  'career-counsellor': keyOnly,
  'training-advisor': keyOnly,
  'partner-reporting': nothing<NavContext>('AGGREGATES_ONLY'),
};

/** NAV's data carries no @consent: the person's consent is never what lets anyone see it. */
export const navGrants: GrantSource<NavContext> = {
  async find() {
    return null;
  },
};
