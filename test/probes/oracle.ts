import type { Caller, Role } from '../../lib/auth/caller.ts';
import { navMayRead, type Fixtures } from '../support/fixtures.ts';
import { DISCLOSE, FORBIDDEN, openRequestsWithConsent, purposeOracle, type Verdict } from './consent.ts';
import type { ConsentElement } from './discovery.ts';
import type { FixtureRecord } from './records.ts';

/** The organisation each role acts for (ARCHITECTURE.md §3–4); the person and reporting clients act for none. */
const ORGANISATION: Record<Role, string | null> = {
  citizen: null,
  'nav-advisor': 'NAV',
  'career-counsellor': 'KARRIERESENTER',
  'training-advisor': 'FAGOPPLAERING',
  'partner-reporting': null,
};

const own = (caller: Caller, ident: string): Verdict => (caller.role === 'citizen' && caller.ident === ident ? DISCLOSE : FORBIDDEN);
const poaoTilgang = (fx: Fixtures, caller: Caller, ident: string): Verdict =>
  caller.role === 'nav-advisor' && navMayRead(fx, caller.navIdent, ident) ? DISCLOSE : FORBIDDEN;

/** Who may look a person up (Query.person, Query.me): the key only, to those who work with the person. */
export function lookupVerdict(fx: Fixtures, caller: Caller, ident: string): Verdict {
  switch (caller.role) {
    case 'citizen':
      return own(caller, ident);
    case 'nav-advisor':
      return poaoTilgang(fx, caller, ident);
    case 'career-counsellor':
    case 'training-advisor':
      return DISCLOSE;
    case 'partner-reporting':
      return FORBIDDEN;
  }
}

/**
 * ARCHITECTURE.md §3, per owning system: may the caller see this person's data there at all? A subgraph the table
 * does not know fails the suite, so a new system gets its rules written down here.
 */
const SYSTEM_ACCESS: Record<string, (fx: Fixtures, caller: Caller, ident: string) => Verdict> = {
  nav: (fx, caller, ident) => (caller.role === 'nav-advisor' ? poaoTilgang(fx, caller, ident) : own(caller, ident)),
  career: (fx, caller, ident) => {
    if (caller.role === 'nav-advisor') return poaoTilgang(fx, caller, ident);
    if (caller.role === 'career-counsellor') return DISCLOSE; // their own centre's rows only, decided per row
    return own(caller, ident);
  },
  training: (fx, caller, ident) => {
    if (caller.role === 'nav-advisor') return poaoTilgang(fx, caller, ident);
    if (caller.role === 'training-advisor') return openRequestsWithConsent(fx, ident).length > 0 ? DISCLOSE : FORBIDDEN;
    return own(caller, ident);
  },
};

export function systemAccessVerdict(fx: Fixtures, subgraph: string, caller: Caller, ident: string): Verdict {
  const rule = SYSTEM_ACCESS[subgraph];
  if (!rule) throw new Error(`No probe access rule for the subgraph ${subgraph}: add ARCHITECTURE.md §3 for it to SYSTEM_ACCESS in test/probes/oracle.ts`);
  return rule(fx, caller, ident);
}

/** Whether the caller may receive instances of a consent-bound type at all (else FORBIDDEN before anything is read). */
export function mayReceive(element: ConsentElement, caller: Caller): Verdict {
  const organisation = ORGANISATION[caller.role];
  if (caller.role === 'citizen') return DISCLOSE;
  const oracle = purposeOracle(element.purpose);
  return organisation && (element.grantees.includes(organisation) || oracle.holders.includes(organisation)) ? DISCLOSE : FORBIDDEN;
}

/**
 * The consent decision of ARCHITECTURE.md §4 for one piece of consent-bound data about `ident`: the subject always;
 * a holder under its row rules; a grantee with an active grant covering it (CONSENT_REQUIRED without); anyone else
 * FORBIDDEN. Access (§3) is decided before this, on the way to the data.
 */
export function consentVerdict(
  fx: Fixtures,
  element: ConsentElement,
  caller: Caller,
  ident: string,
  at: { record?: FixtureRecord; parent?: FixtureRecord; valueType: string },
): Verdict {
  const oracle = purposeOracle(element.purpose);
  if (caller.role === 'citizen') return own(caller, ident);
  const organisation = ORGANISATION[caller.role];
  const centreId = caller.role === 'career-counsellor' ? caller.centreId : undefined;
  const question = { fx, organisation: organisation ?? '', ident, purpose: element.purpose, centreId, ...at };
  if (organisation && oracle.holders.includes(organisation)) return oracle.holderVerdict(question);
  if (!organisation || !element.grantees.includes(organisation)) return FORBIDDEN;
  return oracle.granteeVerdict(question);
}
