import { badInput } from '../errors.ts';
import { osloDate } from '../time.ts';

/** The longest period the partnership's figures may cover, in whole months ("at most a few years"). */
export const MAX_PERIOD_MONTHS = 36;

/** A reporting period: whole Oslo months, `from` and `to` inclusive (YYYY-MM, as the YearMonth scalar parses them). */
export interface ReportingPeriod {
  from: string;
  to: string;
}

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Months since year 0 of a YYYY-MM, so periods can be measured by subtraction. */
function monthIndex(yearMonth: string, field: string): number {
  const match = YEAR_MONTH.exec(yearMonth);
  if (!match) throw badInput('A month must be YYYY-MM with a month from 01 to 12.', field);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

/**
 * Checks a period before any upstream is asked: well-formed months, `from` not after `to`, at most
 * MAX_PERIOD_MONTHS months, and not after the current month in Europe/Oslo (the systems have no figures for the
 * future, and a month in progress is counted as far as it has come). BAD_USER_INPUT otherwise.
 * Checked in every subgraph that contributes figures: an `_entities` call can name any period.
 */
export function validatePeriod(period: { from?: unknown; to?: unknown }, now: Date): ReportingPeriod {
  const { from, to } = period;
  if (typeof from !== 'string') throw badInput('from must be a month, YYYY-MM.', 'from');
  if (typeof to !== 'string') throw badInput('to must be a month, YYYY-MM.', 'to');
  const first = monthIndex(from, 'from');
  const last = monthIndex(to, 'to');
  if (first > last) throw badInput('from must not be after to.', 'from');
  if (last - first + 1 > MAX_PERIOD_MONTHS) throw badInput(`A period is at most ${MAX_PERIOD_MONTHS} months.`, 'to');
  if (last > monthIndex(osloDate(now).slice(0, 7), 'now')) throw badInput('to must not be after the current month.', 'to');
  return { from, to };
}
