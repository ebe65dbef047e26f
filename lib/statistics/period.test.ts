import { describe, expect, it } from 'vitest';
import { validatePeriod } from './period.ts';

const codeOf = (f: () => unknown) => {
  try {
    f();
    return 'OK';
  } catch (e) {
    return (e as { extensions?: { code?: string } }).extensions?.code;
  }
};

describe('a reporting period', () => {
  const now = new Date('2026-11-26T08:00:00.000+01:00');

  it('is whole months from `from` to `to`, up to 36 of them, ending no later than the current month', () => {
    expect(validatePeriod({ from: '2023-12', to: '2026-11' }, now)).toEqual({ from: '2023-12', to: '2026-11' });
    expect(codeOf(() => validatePeriod({ from: '2023-11', to: '2026-11' }, now))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => validatePeriod({ from: '2026-10', to: '2026-09' }, now))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => validatePeriod({ from: '2026-11', to: '2026-12' }, now))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => validatePeriod({ from: '2026-00', to: '2026-01' }, now))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => validatePeriod({ from: 202601, to: '2026-01' }, now))).toBe('BAD_USER_INPUT');
  });

  it('takes the current month in Oslo: late on 31 December UTC it is already January in Oslo', () => {
    const newYearInOslo = new Date('2026-12-31T23:30:00Z');
    expect(codeOf(() => validatePeriod({ from: '2027-01', to: '2027-01' }, newYearInOslo))).toBe('OK');
    expect(codeOf(() => validatePeriod({ from: '2027-01', to: '2027-01' }, new Date('2026-12-31T22:30:00Z')))).toBe('BAD_USER_INPUT');
  });
});
