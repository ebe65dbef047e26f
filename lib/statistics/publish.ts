import { randomBytes } from 'node:crypto';
import { keyedDraws, MIN_KEY_LENGTH } from './keyedDraws.ts';
import { roundBreakdown, roundTotal } from './rounding.ts';

/** A published count: a multiple of 5 within 4 of the true count (lib/statistics/rounding.ts). */
export interface PublishedCount {
  value: number;
}

/**
 * One table of true counts: a total and its breakdowns, each a list of cells that add up to the total (a part and
 * what it leaves of the total make a breakdown too, so the remainder is rounded with the part, never implied exactly).
 * The guarantee (rounding.ts) is for this shape, where breakdowns share nothing but the total: every value within 4
 * of each published count stays possible. A cross-tabulation (mode × centre) would link cells of two breakdowns and
 * needs its own proof before it is published.
 */
export interface CountTable<K extends string> {
  total: number;
  breakdowns: Record<K, readonly number[]>;
}

export interface PublishedTable<K extends string> {
  total: PublishedCount;
  breakdowns: Record<K, PublishedCount[]>;
}

/** Publishes the partnership's tables under one secret rounding key (STATISTICS_ROUNDING_KEY). */
export interface StatisticsPublisher {
  /**
   * Rounds a table for publication. `name` names the table and its period (e.g. "2026-Q3|bookings"): the draws
   * are taken from the key, the name and the counts themselves, so the same counts are always published the same
   * way, and a figure is rounded afresh only when the counts of its own breakdown change.
   */
  publish<K extends string>(name: string, table: CountTable<K>): PublishedTable<K>;
}

export function createStatisticsPublisher(key: string): StatisticsPublisher {
  if (key.length < MIN_KEY_LENGTH) throw new Error(`The statistics rounding key must be at least ${MIN_KEY_LENGTH} characters.`);
  return {
    publish<K extends string>(name: string, table: CountTable<K>): PublishedTable<K> {
      const total = roundTotal(table.total, keyedDraws(key, `${name}|total|${table.total}`));
      const breakdowns = {} as Record<K, PublishedCount[]>;
      for (const part of Object.keys(table.breakdowns) as K[]) {
        const cells = table.breakdowns[part];
        const draw = keyedDraws(key, `${name}|${part}|${total}|${cells.join(',')}`);
        breakdowns[part] = roundBreakdown(table.total, total, cells, draw).map((value) => ({ value }));
      }
      return { total: { value: total }, breakdowns };
    },
  };
}

/**
 * The publisher of a subgraph: under the configured key, or under a random one for this start where none is
 * configured (the embedded default; production requires STATISTICS_ROUNDING_KEY, lib/subgraph/processConfig.ts).
 */
export function statisticsPublisherOf(key: string | undefined): StatisticsPublisher {
  return createStatisticsPublisher(key ?? randomBytes(32).toString('hex'));
}
