import type { ConsentMethod, SkillsMappingRequestModel } from '../model.ts';
import { userError, type TrainingUserError } from './userErrors.ts';

/**
 * Whose consent it is (ARCHITECTURE.md §4, "a consent belongs to the person"), as the graph checks it before any
 * write — fagopplæringen, the source of truth for consent, checks the same from the caller's token
 * (fagopplaering.openapi.yaml, "Consent belongs to the person"):
 * - a DIGITAL consent only the person gives, in their own login (giveSkillsMappingConsent); NAV asks for it;
 * - an oral or written consent NAV records on the person's behalf is recorded in the advisor's name, given at most
 *   {@link MAX_BACKDATING_HOURS} hours ago and not in the future;
 * - after the person said no (withdrew a consent, or declined NAV's ask), NAV records none for them until the person
 *   has consented again themself.
 */

/** How far back NAV may date a consent it records: a meeting on Friday, recorded on Monday morning. */
export const MAX_BACKDATING_HOURS = 72;

export const CONSENT_BY_PERSON_ONLY = userError(
  'CONSENT_BY_PERSON_ONLY',
  'A digital consent is given by the person in their own login. Leave givenAt out to ask the person for it.',
  'consent.givenAt',
);
export const CONSENT_BACKDATED = userError('CONSENT_BACKDATED', `A consent must be recorded within ${MAX_BACKDATING_HOURS} hours of being given.`, 'consent.givenAt');
export const PERSON_MUST_CONSENT = userError(
  'PERSON_MUST_CONSENT',
  'The person has said no to a skills mapping; only the person can consent again. Ask for a digital consent.',
  'consent.method',
);

/** The refusal of the consent evidence NAV states, or null when NAV may state it. */
export function refusalOfStatedConsent(consent: { method: ConsentMethod; givenAt?: Date | null }, now: Date): TrainingUserError | null {
  if (consent.method === 'DIGITAL') return consent.givenAt ? CONSENT_BY_PERSON_ONLY : null;
  if (consent.givenAt && consent.givenAt.getTime() < now.getTime() - MAX_BACKDATING_HOURS * 3_600_000) return CONSENT_BACKDATED;
  return null;
}

/**
 * Whether the person's "no" stands against consents recorded by others: one of their requests is TRUKKET (consent
 * withdrawn, or NAV's ask declined — by whoever it was registered, it was the person's word) and they have given
 * no consent themselves since.
 */
export function withdrawalStands(requests: readonly SkillsMappingRequestModel[]): boolean {
  let lastNo = -Infinity;
  let lastOwnYes = -Infinity;
  for (const r of requests) {
    if (r.status === 'TRUKKET') lastNo = Math.max(lastNo, (r.consent?.withdrawnAt ?? r.updatedAt).getTime());
    if (r.consent?.recordedBy.kind === 'PERSON') lastOwnYes = Math.max(lastOwnYes, r.consent.givenAt.getTime());
  }
  return lastNo > lastOwnYes;
}
