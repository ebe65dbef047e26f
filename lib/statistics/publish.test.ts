import { describe, expect, it } from 'vitest';
import { createStatisticsPublisher } from './publish.ts';

const KEY = 'a test key of thirty-two characters!';
const table = { total: 23, breakdowns: { mode: [12, 3, 8], referral: [17, 6] } };
const values = (cells: Array<{ value: number }>) => cells.map((c) => c.value);

describe('publishing a table of counts', () => {
  it('rounds the total once and every breakdown to add up to it', () => {
    const published = createStatisticsPublisher(KEY).publish('2026-Q3|bookings', table);
    expect([20, 25]).toContain(published.total.value);
    for (const cells of Object.values(published.breakdowns)) expect(values(cells).reduce((a, b) => a + b, 0)).toBe(published.total.value);
  });

  it('answers the same counts the same way every time, so asking again tells nothing new', () => {
    const a = createStatisticsPublisher(KEY).publish('2026-Q3|bookings', table);
    const b = createStatisticsPublisher(KEY).publish('2026-Q3|bookings', { total: 23, breakdowns: { mode: [12, 3, 8], referral: [17, 6] } });
    expect(b).toEqual(a);
  });

  it('draws from the key: without it, which way a count went cannot be redone', () => {
    const roundings = (key: string) =>
      Array.from({ length: 40 }, (_, q) => createStatisticsPublisher(key).publish(`q${q}|bookings`, table)).map((p) => [p.total.value, ...values(p.breakdowns.mode)].join());
    expect(roundings(KEY)).toEqual(roundings(KEY));
    expect(roundings(`${KEY}-other`)).not.toEqual(roundings(KEY));
  });

  it('refuses a key shorter than 32 characters', () => {
    expect(() => createStatisticsPublisher('short')).toThrow(/32/);
  });
});

/**
 * An attacker of one published table, by exact enumeration: every true total within 4 of the published one (never
 * below 0) and, for each, every tuple of true cells within 4 of theirs that adds up to it. Returns, per count, the
 * values consistent with everything published.
 */
function attackTable(total: number, breakdowns: number[][]): { total: Set<number>; cells: Set<number>[][] } {
  const near = (v: number) => Array.from({ length: v + 5 - Math.max(0, v - 4) }, (_, i) => Math.max(0, v - 4) + i);
  const tuples = (cells: number[], sum: number, prefix: number[] = []): number[][] => {
    const so = prefix.reduce((a, b) => a + b, 0);
    if (so > sum) return [];
    if (prefix.length === cells.length) return so === sum ? [prefix] : [];
    return near(cells[prefix.length]!).flatMap((n) => tuples(cells, sum, [...prefix, n]));
  };
  const found = { total: new Set<number>(), cells: breakdowns.map((cells) => cells.map(() => new Set<number>())) };
  for (const t of near(total)) {
    const each = breakdowns.map((cells) => tuples(cells, t));
    if (each.some((ts) => ts.length === 0)) continue;
    found.total.add(t);
    each.forEach((ts, b) => ts.forEach((tuple) => tuple.forEach((n, i) => found.cells[b]![i]!.add(n))));
  }
  return found;
}

describe('a published table, attacked by exact enumeration', () => {
  const publisher = createStatisticsPublisher(KEY);
  const splits = (total: number, cells: number): number[][] =>
    cells === 1 ? [[total]] : Array.from({ length: total + 1 }, (_, first) => splits(total - first, cells - 1).map((rest) => [first, ...rest])).flat();
  const openCount = (v: number) => v + 5 - Math.max(0, v - 4);

  it('tells, for every table of up to 10 with a three-way and a two-way breakdown, nothing about a count beyond its own rounding', () => {
    const narrowed: string[] = [];
    for (let total = 0; total <= 10; total++) {
      for (const three of splits(total, 3)) {
        for (const two of splits(total, 2)) {
          const p = publisher.publish(`t|${three}|${two}`, { total, breakdowns: { three, two } });
          const published = [values(p.breakdowns.three), values(p.breakdowns.two)];
          const found = attackTable(p.total.value, published);
          if (found.total.size !== openCount(p.total.value)) narrowed.push(`${three}/${two}: total`);
          found.cells.forEach((cells, b) => cells.forEach((set, i) => set.size !== openCount(published[b]![i]!) && narrowed.push(`${three}/${two}: ${b}.${i}`)));
        }
      }
    }
    expect(narrowed).toEqual([]);
  });

  it('narrows a table rounded count by count, whose parts need not add up (so the attacker can see a leak)', () => {
    // 7 = 7: the total alone goes to 5, the cell alone to 10; then the total is 6–9 and the cell 6–9, not 1–9 and 6–14.
    const found = attackTable(5, [[10]]);
    expect([...found.total]).toEqual([6, 7, 8, 9]);
    expect([...found.cells[0]![0]!]).toEqual([6, 7, 8, 9]);
    // Two cells published as 0 beside a total of 10: the total is 6–8, each cell 2–4.
    const zeros = attackTable(10, [[0, 0]]);
    expect([[...zeros.total], [...zeros.cells[0]![0]!].sort()]).toEqual([[6, 7, 8], [2, 3, 4]]);
  });

  it('holds with many cells too, where cells hidden beside a total would be solved for (six centres of 1)', () => {
    for (const cells of [[1, 1, 1, 1, 1, 1], [4, 4, 4, 4, 1, 0], [2, 3, 2, 3, 2, 3], [9, 1, 1, 1, 1, 12]]) {
      const total = cells.reduce((a, b) => a + b, 0);
      const p = publisher.publish(`many|${cells}`, { total, breakdowns: { cells, part: [cells[0]!, total - cells[0]!] } });
      const published = [values(p.breakdowns.cells), values(p.breakdowns.part)];
      const found = attackTable(p.total.value, published);
      expect(found.total.size, `${cells}`).toBe(openCount(p.total.value));
      found.cells.forEach((breakdown, b) => breakdown.forEach((set, i) => expect(set.size, `${cells}: ${b}.${i}`).toBe(openCount(published[b]![i]!))));
    }
  });
});
