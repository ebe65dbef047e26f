import { describe, expect, it } from 'vitest';
import { publishBreakdown, publishCount, publishPart } from './suppression.ts';

const values = (cells: Array<{ count: { value: number | null } }>) => cells.map((c) => c.count.value);

describe('small-count suppression', () => {
  it('hides counts from 1 to 4 and shows 0 and 5 upwards', () => {
    expect([0, 1, 4, 5, 120].map(publishCount)).toEqual([
      { value: 0, suppressed: false },
      { value: null, suppressed: true },
      { value: null, suppressed: true },
      { value: 5, suppressed: false },
      { value: 120, suppressed: false },
    ]);
  });

  describe('in a breakdown of a published total', () => {
    it('hides the smallest other non-zero cell too, so a hidden cell cannot be subtracted out', () => {
      const cells = [
        { key: 'IN_PERSON', count: 12 },
        { key: 'PHONE', count: 3 },
        { key: 'DIGITAL', count: 7 },
        { key: 'OTHER', count: 0 },
      ];
      expect(values(publishBreakdown(22, cells))).toEqual([12, null, null, 0]);
    });

    it('leaves the breakdown as it is when two or more cells are already hidden', () => {
      const cells = [
        { key: 'a', count: 2 },
        { key: 'b', count: 4 },
        { key: 'c', count: 9 },
      ];
      expect(values(publishBreakdown(15, cells))).toEqual([null, null, 9]);
    });

    it('needs no complement when the total itself is hidden', () => {
      expect(values(publishBreakdown(4, [{ key: 'a', count: 4 }, { key: 'b', count: 0 }]))).toEqual([null, 0]);
    });

    it('cannot be undone by subtraction in any case of a small exhaustive check', () => {
      for (let a = 0; a <= 8; a++)
        for (let b = 0; b <= 8; b++)
          for (let c = 0; c <= 8; c++) {
            const total = a + b + c;
            const published = publishBreakdown(total, [
              { key: 'a', count: a },
              { key: 'b', count: b },
              { key: 'c', count: c },
            ]);
            const hidden = published.filter((p) => p.count.suppressed).length;
            const totalShown = total === 0 || total >= 5;
            // A published total with exactly one hidden cell would give that cell away.
            if (totalShown) expect(hidden === 1, `${a},${b},${c}`).toBe(false);
          }
    });
  });

  it('hides a part when what it leaves of the total is small', () => {
    expect(publishPart(10, 7)).toEqual({ value: null, suppressed: true });
    expect(publishPart(10, 2)).toEqual({ value: null, suppressed: true });
    expect(publishPart(20, 10)).toEqual({ value: 10, suppressed: false });
    expect(publishPart(20, 20)).toEqual({ value: 20, suppressed: false });
  });
});
