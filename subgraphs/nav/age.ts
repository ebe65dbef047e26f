import { parseIdent } from '../../lib/ident.ts';
import { osloDate } from '../../lib/time.ts';

/** The Trøndelag model's target group: persons aged 18 to 35, both included. */
export const TARGET_GROUP = { minAge: 18, maxAge: 35 } as const;

/** Age in whole years on `today` (YYYY-MM-DD) of someone born on `birthDate` (YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const hadBirthday = tm > bm || (tm === bm && td >= bd);
  return ty - by - (hadBirthday ? 0 : 1);
}

/** A person's age at `now` on the Oslo calendar, from the birth date in the ident; null for an invalid ident. */
export function ageOfIdent(ident: string, now: Date): number | null {
  const info = parseIdent(ident);
  return info ? ageOn(info.birthDate, osloDate(now)) : null;
}

export function inTargetGroup(age: number): boolean {
  return age >= TARGET_GROUP.minAge && age <= TARGET_GROUP.maxAge;
}
