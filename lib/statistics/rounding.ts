/**
 * Controlled random rounding to base 5, the rule every published count of the partnership follows: each count is
 * rounded to one of the two multiples of 5 around it (a multiple of 5 stays as it is), up with a chance that grows
 * with its remainder, and the cells of a breakdown are rounded together so that they add up to their rounded total.
 *
 * Why this and not small-count suppression: cells hidden beside a shown total, or totals rounded apart from their
 * parts, can be solved for (two hidden cells of 1 beside a total give a + b = 2; the 2021 Canadian census, rounded
 * cell by cell, was "unrounded" exactly from its own sums). Here every published figure is within 4 of the truth and
 * every sum holds among the published figures, so the sums tell nothing a figure does not already say: any count
 * within 4 of each published value (never below 0) that adds up is possible, and every such rounding can be drawn.
 */
export const ROUNDING_BASE = 5;

const remainder = (n: number) => n % ROUNDING_BASE;
const down = (n: number) => n - remainder(n);

/** A count of zero or more, whole. */
function assertCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError('A count must be a whole number of zero or more.');
}

/** A total on its own: down to the multiple of 5 below it, or up to the one above with chance remainder / 5. */
export function roundTotal(total: number, draw: () => number): number {
  assertCount(total);
  const r = remainder(total);
  return r > 0 && draw() < r / ROUNDING_BASE ? down(total) + ROUNDING_BASE : down(total);
}

/**
 * The cells of a breakdown of `total`, given the total as already rounded: cells that are multiples of 5 stay, and
 * exactly as many of the others are rounded up as make the rounded cells add up to `roundedTotal`. Which ones is
 * drawn by conditional Poisson sampling — each cell up with odds r/(5 − r), conditioned on the number needed — so
 * every choice of that many cells has a chance, and a cell nearer the multiple above is more often rounded up.
 */
export function roundBreakdown(total: number, roundedTotal: number, cells: readonly number[], draw: () => number): number[] {
  cells.forEach(assertCount);
  if (cells.reduce((a, b) => a + b, 0) !== total) throw new RangeError('The cells of a breakdown must add up to its total.');
  if (Math.abs(roundedTotal - total) >= ROUNDING_BASE || remainder(roundedTotal) !== 0) throw new RangeError('roundedTotal must be a rounding of total.');
  const open = cells.map((n, i) => ({ i, r: remainder(n) })).filter((c) => c.r > 0);
  let needed = (roundedTotal - cells.reduce((a, n) => a + down(n), 0)) / ROUNDING_BASE;
  // Always within 0..open.length for a rounding of the total (the remainders add up to it, each below 5).
  if (needed < 0 || needed > open.length) throw new RangeError('roundedTotal must be a rounding of total.');
  const odds = open.map((c) => c.r / (ROUNDING_BASE - c.r));
  // ways[j][k]: the summed odds-products of every choice of k cells among open[j..].
  const ways = Array.from({ length: open.length + 1 }, () => new Array<number>(needed + 1).fill(0));
  ways[open.length]![0] = 1;
  for (let j = open.length - 1; j >= 0; j--) {
    for (let k = 0; k <= needed; k++) ways[j]![k] = ways[j + 1]![k]! + (k > 0 ? odds[j]! * ways[j + 1]![k - 1]! : 0);
  }
  const rounded = cells.map(down);
  open.forEach((c, j) => {
    if (needed === 0) return;
    const up = (odds[j]! * ways[j + 1]![needed - 1]!) / ways[j]![needed]!;
    if (draw() < up) {
      rounded[c.i] = rounded[c.i]! + ROUNDING_BASE;
      needed--;
    }
  });
  return rounded;
}
