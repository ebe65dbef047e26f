import { describe, expect, it } from 'vitest';
import { personal } from '../../../lib/consent/subject.ts';
import { CONSENT_BACKDATED, CONSENT_BY_PERSON_ONLY, refusalOfStatedConsent, withdrawalStands } from '../mutations/consentRules.ts';
import type { SkillsMappingRequestModel } from '../model.ts';

const now = new Date('2026-11-26T08:00:00+01:00');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);

/** A request of one person in the given status, its consent recorded by `by` at `givenAt` (none: no consent). */
function request(status: SkillsMappingRequestModel['status'], consent: { by: 'PERSON' | 'NAV_ADVISOR'; givenAt: Date; withdrawnAt?: Date } | null, updatedAt = now) {
  return personal('21870461264', {
    status,
    updatedAt,
    consent: consent && { givenAt: consent.givenAt, withdrawnAt: consent.withdrawnAt ?? null, recordedBy: { kind: consent.by, id: null } },
  }) as unknown as SkillsMappingRequestModel;
}

describe('the consent NAV states', () => {
  it('may not be a DIGITAL one with a time: only the person gives that; without a time it asks', () => {
    expect(refusalOfStatedConsent({ method: 'DIGITAL', givenAt: hoursAgo(1) }, now)).toBe(CONSENT_BY_PERSON_ONLY);
    expect(refusalOfStatedConsent({ method: 'DIGITAL', givenAt: null }, now)).toBeNull();
  });

  it('may lie at most 72 hours back', () => {
    expect(refusalOfStatedConsent({ method: 'MUNTLIG', givenAt: hoursAgo(72) }, now)).toBeNull();
    expect(refusalOfStatedConsent({ method: 'SKRIFTLIG', givenAt: new Date(hoursAgo(72).getTime() - 1) }, now)).toBe(CONSENT_BACKDATED);
  });
});

describe('whether the person\'s no stands', () => {
  it('stands after a withdrawal, and after a declined ask', () => {
    expect(withdrawalStands([request('TRUKKET', { by: 'NAV_ADVISOR', givenAt: hoursAgo(900), withdrawnAt: hoursAgo(800) })])).toBe(true);
    expect(withdrawalStands([request('TRUKKET', null, hoursAgo(5))])).toBe(true);
  });

  it('does not stand for a person who never said no, nor once they consented themself after it', () => {
    expect(withdrawalStands([])).toBe(false);
    expect(withdrawalStands([request('AVSLUTTET', { by: 'NAV_ADVISOR', givenAt: hoursAgo(900) })])).toBe(false);
    expect(
      withdrawalStands([
        request('TRUKKET', { by: 'NAV_ADVISOR', givenAt: hoursAgo(900), withdrawnAt: hoursAgo(800) }),
        request('AVSLUTTET', { by: 'PERSON', givenAt: hoursAgo(700) }),
      ]),
    ).toBe(false);
  });

  it('is not lifted by a consent NAV recorded, nor by a request NAV closed before the person answered', () => {
    expect(
      withdrawalStands([
        request('TRUKKET', { by: 'PERSON', givenAt: hoursAgo(900), withdrawnAt: hoursAgo(800) }),
        request('AVSLUTTET', { by: 'NAV_ADVISOR', givenAt: hoursAgo(700) }),
        request('AVSLUTTET', null, hoursAgo(600)),
      ]),
    ).toBe(true);
  });
});
