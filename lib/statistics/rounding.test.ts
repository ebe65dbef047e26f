import { describe, expect, it } from 'vitest';
import { keyedDraws } from './keyedDraws.ts';
import { roundBreakdown, roundTotal } from './rounding.ts';

const KEY = 'a test key of thirty-two characters!';
const draws = (label: string) => keyedDraws(KEY, label);
const isRoundingOf = (rounded: number, n: number) => rounded % 5 === 0 && Math.abs(rounded - n) <= 4 && (n % 5 !== 0 || rounded === n);

/** Every way to split `total` into `cells` cells of 0..max. */
function* splits(total: number, cells: number, max = total): Generator<number[]> {
  if (cells === 1) {
    if (total <= max) yield [total];
    return;
  }
  for (let first = 0; first <= Math.min(total, max); first++) for (const rest of splits(total - first, cells - 1, max)) yield [first, ...rest];
}

describe('controlled random rounding to base 5', () => {
  it('keeps a multiple of 5 and rounds any other count to a multiple of 5 next to it', () => {
    for (let n = 0; n <= 200; n++) {
      for (let trial = 0; trial < 5; trial++) expect(isRoundingOf(roundTotal(n, draws(`${n}/${trial}`)), n), `${n}`).toBe(true);
    }
  });

  it('rounds up about as often as the count is near the multiple above (12 → 15 two times in five)', () => {
    const trials = 5000;
    const ups = Array.from({ length: trials }, (_, t) => roundTotal(12, draws(`twelve/${t}`))).filter((r) => r === 15).length;
    expect(ups / trials).toBeGreaterThan(0.37);
    expect(ups / trials).toBeLessThan(0.43);
  });

  it('rounds the cells of every small breakdown so that they add up to the rounded total', () => {
    for (let total = 0; total <= 24; total++) {
      for (const cells of splits(total, 3)) {
        const roundedTotal = roundTotal(total, draws(`t/${cells}`));
        const rounded = roundBreakdown(total, roundedTotal, cells, draws(`b/${cells}`));
        expect(rounded.reduce((a, b) => a + b, 0), `${cells}`).toBe(roundedTotal);
        rounded.forEach((r, i) => expect(isRoundingOf(r, cells[i]!), `${cells}`).toBe(true));
      }
    }
  });

  it('can draw every rounding that adds up, so which one was drawn tells nothing about the counts', () => {
    // 1 + 2 + 3 + 4 = 10: two of the four cells go up, any two (six ways); 3 + 4 = 7 to 5: either cell up.
    const seen = (cells: number[], total: number, roundedTotal: number) =>
      new Set(Array.from({ length: 2000 }, (_, t) => roundBreakdown(total, roundedTotal, cells, draws(`all/${t}`)).join(',')));
    expect(seen([1, 2, 3, 4], 10, 10).size).toBe(6);
    expect(seen([3, 4], 7, 5)).toEqual(new Set(['5,0', '0,5']));
    expect(seen([3, 4], 7, 10)).toEqual(new Set(['5,5']));
    expect(seen([1, 1, 1, 1, 1], 5, 5).size).toBe(5);
  });

  it('refuses cells that do not add up to their total, and a total that is not a rounding of it', () => {
    expect(() => roundBreakdown(10, 10, [3, 4], draws('x'))).toThrow(RangeError);
    expect(() => roundBreakdown(7, 15, [3, 4], draws('x'))).toThrow(RangeError);
    expect(() => roundBreakdown(7, 7, [3, 4], draws('x'))).toThrow(RangeError);
    expect(() => roundTotal(-1, draws('x'))).toThrow(RangeError);
    expect(() => roundTotal(2.5, draws('x'))).toThrow(RangeError);
  });
});
