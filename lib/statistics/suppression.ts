/**
 * Small-count suppression ("prikking") for the partnership's figures: a count from 1 to 4 could single out a
 * person, so it is not published. Source: the practice of Statistics Norway (SSB, "Konfidensialitet og
 * prikking") and NAV's published statistics, where cells below 5 are suppressed, with secondary (complementary)
 * suppression so a suppressed cell cannot be recovered from a published total.
 */
export const SMALLEST_PUBLISHED = 5;

/** A published count: the value, or null with `suppressed` when it is small enough to identify someone. */
export interface PublishedCount {
  value: number | null;
  suppressed: boolean;
}

const isSmall = (n: number) => n >= 1 && n < SMALLEST_PUBLISHED;
const shown = (value: number): PublishedCount => ({ value, suppressed: false });
const hidden: PublishedCount = { value: null, suppressed: true };

/** One count on its own: 1–4 suppressed, 0 and 5+ shown. */
export function publishCount(value: number): PublishedCount {
  return isSmall(value) ? hidden : shown(value);
}

/**
 * A breakdown of a total into cells (by mode, by centre…). Primary suppression hides cells of 1–4. When the total
 * is published and exactly one cell is hidden, it could be recovered by subtraction, so the smallest other cell
 * is hidden too (secondary suppression). Cells that do not add up to the total (a cell may be missing) are
 * treated the same way: the hidden cell is still bounded by the total, so the rule errs on the side of hiding.
 */
export function publishBreakdown<K>(total: number, cells: ReadonlyArray<{ key: K; count: number }>): Array<{ key: K; count: PublishedCount }> {
  const hide = new Set<number>();
  cells.forEach((c, i) => isSmall(c.count) && hide.add(i));
  const totalShown = !isSmall(total);
  if (totalShown && hide.size === 1) {
    // The smallest remaining non-zero cell: hiding a zero would not stop the subtraction.
    const candidates = cells.map((c, i) => ({ i, n: c.count })).filter(({ i, n }) => !hide.has(i) && n > 0);
    candidates.sort((a, b) => a.n - b.n || a.i - b.i);
    const complement = candidates[0];
    if (complement) hide.add(complement.i);
  }
  return cells.map((c, i) => ({ key: c.key, count: hide.has(i) ? hidden : shown(c.count) }));
}

/**
 * A part of a total whose complement is not published (bookings referred by NAV of all bookings): the part is
 * hidden when it, or what it leaves of the total, is 1–4 — else the complement would be a small count anyone can
 * compute.
 */
export function publishPart(total: number, part: number): PublishedCount {
  if (isSmall(part) || (!isSmall(total) && isSmall(total - part))) return hidden;
  return shown(part);
}
