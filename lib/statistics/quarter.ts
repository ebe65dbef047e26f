import { badInput } from '../errors.ts';
import { osloDate } from '../time.ts';

/**
 * How many quarters are published: the twelve most recent that have ended (three years). A finite, fixed grid of
 * periods that never overlap, so no two answers share an event and none can be subtracted from another.
 */
export const PUBLISHED_QUARTERS = 12;

/** A calendar quarter in Europe/Oslo, as the API names it (YYYY-Qn) and as the systems count it (its months). */
export interface Quarter {
  /** YYYY-Qn, e.g. 2026-Q3. */
  id: string;
  /** First month, YYYY-MM. */
  firstMonth: string;
  /** Last month (included), YYYY-MM. */
  lastMonth: string;
}

const QUARTER = /^(\d{4})-Q([1-4])$/;

/** Quarters since year 0, so quarters can be counted by subtraction. */
const indexOf = (year: number, quarter: number) => year * 4 + quarter - 1;

function quarterAt(index: number): Quarter {
  const year = Math.floor(index / 4);
  const q = (index % 4) + 1;
  const month = (m: number) => `${year}-${String(m).padStart(2, '0')}`;
  return { id: `${year}-Q${q}`, firstMonth: month(q * 3 - 2), lastMonth: month(q * 3) };
}

/** The quarter in progress in Oslo at `now`: its index. */
function currentIndex(now: Date): number {
  const [year, month] = osloDate(now).split('-').map(Number) as [number, number];
  return indexOf(year, Math.ceil(month / 3));
}

/** Whether a value is a well-formed quarter name, YYYY-Qn with n from 1 to 4 (the Quarter scalar's format). */
export const isQuarterName = (value: unknown): value is string => typeof value === 'string' && QUARTER.test(value);

/** The quarters published at `now`, newest first: the PUBLISHED_QUARTERS before the one in progress in Oslo. */
export function publishedQuarters(now: Date): Quarter[] {
  const current = currentIndex(now);
  return Array.from({ length: PUBLISHED_QUARTERS }, (_, i) => quarterAt(current - 1 - i));
}

/**
 * Checks the quarter of a request or an entity key before any upstream is asked: one of publishedQuarters(now),
 * else BAD_USER_INPUT naming the quarters that are. A quarter in progress is never published: asked on two days it
 * would give away what happened between them. Checked in every subgraph that contributes figures, as an `_entities`
 * call can name any key.
 */
export function validateQuarter(key: { quarter?: unknown }, now: Date): Quarter {
  const published = publishedQuarters(now);
  const range = `${published.at(-1)!.id} to ${published[0]!.id}`;
  if (!isQuarterName(key.quarter)) throw badInput(`quarter must be a calendar quarter, YYYY-Qn, from ${range}.`, 'quarter');
  const quarter = published.find((q) => q.id === key.quarter);
  if (!quarter) throw badInput(`Only quarters that have ended are published, the ${PUBLISHED_QUARTERS} most recent: ${range}.`, 'quarter');
  return quarter;
}
