import { describe, expect, it } from 'vitest';
import { GENERATED_FIXTURES_DIR, readFixtures } from '../support/fixtures.ts';
import { useStack } from '../support/stack.ts';
import { attack, departuresFromFiles, partner, PROGRAMME_STATISTICS, publishedQuarters, rawFigures, recovered } from './reporting.support.ts';

const fx = readFixtures(GENERATED_FIXTURES_DIR);
const graph = useStack({ fixturesDir: GENERATED_FIXTURES_DIR });
const QUARTERS = publishedQuarters(fx.now);

const statistics = async (quarter: string) => {
  const res = await graph.query(partner, PROGRAMME_STATISTICS, { quarter });
  expect(res.errors, quarter).toBeUndefined();
  return res.data!.programmeStatistics;
};

describe('programme statistics on the generated set', () => {
  it('gives, for every quarter published, each count rounded to base 5 from what the files imply, every breakdown adding up', async () => {
    for (const quarter of QUARTERS) expect(departuresFromFiles(fx, await statistics(quarter)), quarter).toEqual([]);
  });

  it('a differencing attack over every quarter published recovers no count, nor narrows one beyond its own rounding', async () => {
    // The set must have figures to attack, or this test would prove nothing.
    expect(QUARTERS.filter((q) => rawFigures(fx, q).bookings > 0).length).toBeGreaterThan(1);
    const pinned: string[] = [];
    const narrowed: string[] = [];
    let cells = 0;
    for (const quarter of QUARTERS) {
      const answer = await statistics(quarter);
      const found = recovered(answer, attack(answer));
      cells += found.cells;
      pinned.push(...found.pinned.map((cell) => `${quarter} ${cell}`));
      narrowed.push(...found.narrowed.map((cell) => `${quarter} ${cell}`));
    }
    // Per quarter: six figures, three remainders, three modes and every centre.
    expect(cells).toBe(QUARTERS.length * (12 + fx.karrieresenter.centres.length));
    expect(pinned).toEqual([]);
    expect(narrowed).toEqual([]);
  });

});
