import type { Caller } from '../../lib/auth/caller.ts';
import { navAdvisor, type Fixtures } from '../support/fixtures.ts';

type Json = Record<string, any>;

/** A caller of the matrix, with the label the report uses (never an ident). */
export interface ProbeCaller {
  label: string;
  caller: Caller;
}

function counsellor(fx: Fixtures, counsellorId: string): Caller {
  const entry = (fx.karrieresenter.counsellors as Json[]).find((c) => c.id === counsellorId);
  if (!entry) throw new Error(`no counsellor ${counsellorId} in the fixtures`);
  return { role: 'career-counsellor', counsellorId, centreId: entry.centreId };
}

/**
 * Every role of ARCHITECTURE.md §3 as it meets one person: the person, another person, NAV advisors without and
 * with the right to see shielded persons, a counsellor of each centre, a fagopplæring advisor and a reporting client.
 */
export function callersFor(fx: Fixtures, ident: string, anotherPerson: string): ProbeCaller[] {
  return [
    { label: 'citizen (owner)', caller: { role: 'citizen', ident } },
    { label: 'citizen (another person)', caller: { role: 'citizen', ident: anotherPerson } },
    { label: 'nav-advisor Z990001', caller: navAdvisor(fx, 'Z990001') },
    { label: 'nav-advisor Z990004', caller: navAdvisor(fx, 'Z990004') },
    { label: 'career-counsellor KV-101', caller: counsellor(fx, 'KV-101') },
    { label: 'career-counsellor KV-201', caller: counsellor(fx, 'KV-201') },
    { label: 'training-advisor FR-01', caller: { role: 'training-advisor', advisorId: 'FR-01' } },
    { label: 'partner-reporting', caller: { role: 'partner-reporting', clientId: 'partnerskap' } },
  ];
}

/** How many callers callersFor gives each person (the matrix's roles). */
export const ROLE_COUNT = 8;
