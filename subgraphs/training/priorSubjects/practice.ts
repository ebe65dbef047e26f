import { addDays, daysBetween } from '../../../lib/time.ts';
import type { PracticeModel } from '../model.ts';

/** Average days of a month (365.25 / 12): practice is counted in days and reported in whole months. */
const DAYS_PER_MONTH = 30.4375;

/**
 * A position of 80 % or more counts as full time; a smaller one counts by its share (Trøndelag fylkeskommune,
 * "Fagbrev på jobb": "80 % stilling godkjennes som heltidsstilling", deltid omregnes til heltid — the county's rule for
 * practice in both the praksiskandidat and the fagbrev på jobb schemes).
 */
export const positionWeight = (percent: number): number => (percent >= 80 ? 1 : percent / 100);

/**
 * Months of practice relevant for `tradeCode`: documented periods fagopplæringen judged relevant for the trade
 * (a self-declaration is not evidence: the county approves practice on certificates, contracts or the Aa-register —
 * Udir, "Praksiskandidatordningen": fylkeskommunen avgjør om praksisen kan godkjennes),
 * weighed by position size, until `today` for ongoing periods (never beyond it). Overlapping periods count once: on
 * each day the weights of the periods add up to at most one full day, since practice cannot be credited for more
 * than 12 months in a year (the county's godkjenningsregler for praksis).
 */
export function relevantPracticeMonths(practice: readonly PracticeModel[], tradeCode: string, today: string): number {
  // Day-boundary events: +weight on the first day, −weight the day after the last.
  const events = new Map<string, number>();
  const add = (day: string, delta: number) => events.set(day, (events.get(day) ?? 0) + delta);
  for (const p of practice) {
    if (!p.documented || p.relevantTradeCode !== tradeCode || p.from > today) continue;
    const last = p.to === null || p.to > today ? today : p.to;
    if (last < p.from) continue;
    add(p.from, positionWeight(p.positionPercent));
    add(addDays(last, 1), -positionWeight(p.positionPercent));
  }
  const days = [...events.keys()].sort();
  let weight = 0;
  let weighedDays = 0;
  for (let i = 0; i < days.length; i++) {
    weight += events.get(days[i]!)!;
    const next = days[i + 1];
    if (next !== undefined) weighedDays += Math.min(1, Math.max(0, weight)) * daysBetween(days[i]!, next);
  }
  return Math.floor(weighedDays / DAYS_PER_MONTH + 1e-9);
}

/** Whether the person is in a relevant position on `today` (fagbrev på jobb is for persons in work). */
export function employedInTrade(practice: readonly PracticeModel[], tradeCode: string, today: string): boolean {
  return practice.some((p) => p.relevantTradeCode === tradeCode && p.from <= today && (p.to === null || p.to >= today));
}
