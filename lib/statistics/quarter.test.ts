import { describe, expect, it } from 'vitest';
import { publishedQuarters, validateQuarter } from './quarter.ts';

const codeOf = (f: () => unknown) => {
  try {
    f();
    return 'OK';
  } catch (e) {
    return (e as { extensions?: { code?: string } }).extensions?.code;
  }
};

describe('the quarters published', () => {
  const now = new Date('2026-11-26T08:00:00.000+01:00');

  it('are the twelve before the quarter in progress, newest first, each with its months', () => {
    const quarters = publishedQuarters(now);
    expect(quarters.map((q) => q.id)).toEqual([
      '2026-Q3', '2026-Q2', '2026-Q1', '2025-Q4', '2025-Q3', '2025-Q2', '2025-Q1', '2024-Q4', '2024-Q3', '2024-Q2', '2024-Q1', '2023-Q4',
    ]);
    expect(quarters[0]).toEqual({ id: '2026-Q3', firstMonth: '2026-07', lastMonth: '2026-09' });
    expect(quarters[3]).toEqual({ id: '2025-Q4', firstMonth: '2025-10', lastMonth: '2025-12' });
  });

  it('never share a month', () => {
    const months = publishedQuarters(now).flatMap((q) => [q.firstMonth, q.lastMonth]);
    expect(new Set(months).size).toBe(months.length);
  });

  it('are the only quarters accepted: not the one in progress, not a thirteenth, not one of the future, not a range', () => {
    expect(validateQuarter({ quarter: '2026-Q3' }, now).id).toBe('2026-Q3');
    expect(validateQuarter({ quarter: '2023-Q4' }, now).id).toBe('2023-Q4');
    for (const quarter of ['2026-Q4', '2023-Q3', '2027-Q1', '2026-Q5', '2026-Q0', '2026-3', '2026-09', 202603, undefined]) {
      expect(codeOf(() => validateQuarter({ quarter }, now)), String(quarter)).toBe('BAD_USER_INPUT');
    }
    expect(codeOf(() => validateQuarter({ from: '2026-07', to: '2026-09' } as never, now))).toBe('BAD_USER_INPUT');
  });

  it('turn over in Oslo: late on 31 December UTC the fourth quarter has already ended there', () => {
    expect(codeOf(() => validateQuarter({ quarter: '2026-Q4' }, new Date('2026-12-31T23:30:00Z')))).toBe('OK');
    expect(codeOf(() => validateQuarter({ quarter: '2026-Q4' }, new Date('2026-12-31T22:30:00Z')))).toBe('BAD_USER_INPUT');
  });
});
