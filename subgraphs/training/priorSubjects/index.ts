import { parseIdent } from '../../../lib/ident.ts';
import type { CompletedSubjectModel, PracticeModel, TradeModel, TrainingRoute } from '../model.ts';
import { creditSubjects, type Credit } from './credit.ts';
import { employedInTrade, relevantPracticeMonths } from './practice.ts';
import { schoolPath, type RequiredSubject } from './requirements.ts';
import { eligibleRoutes } from './routes.ts';

export { planContent, type PlanContent, type PlanSubject } from './plan.ts';
export type { Credit } from './credit.ts';
export type { RequiredSubject } from './requirements.ts';

/** A person's records mapped against one trade: the core computation of the skills mapping, pure. */
export interface PriorSubjectMappingResult {
  trade: TradeModel;
  credited: Credit[];
  remaining: RequiredSubject[];
  practiceMonths: number;
  /** practiceMonths in years, one decimal. */
  practiceYears: number;
  eligibleRoutes: TrainingRoute[];
  /** The age the person reaches this calendar year (from the ident's birth date). */
  ageThisYear: number;
}

/** The calendar-year age of the person behind `ident` in the year of `today`. */
export function ageThisYear(ident: string, today: string): number {
  const info = parseIdent(ident);
  if (!info) throw new Error('not a valid ident');
  return Number(today.slice(0, 4)) - Number(info.birthDate.slice(0, 4));
}

/**
 * Maps completed subjects and practice against the trade's curriculum (ARCHITECTURE.md §1 step 4): credited and
 * remaining subjects of the school and apprenticeship path, relevant practice, and the routes open today.
 */
export function mapPriorSubjects(input: {
  ident: string;
  trade: TradeModel;
  results: readonly CompletedSubjectModel[];
  practice: readonly PracticeModel[];
  /** The Oslo date of "now" (YYYY-MM-DD). */
  today: string;
}): PriorSubjectMappingResult {
  const { trade, today } = input;
  const path = creditSubjects(schoolPath(trade), input.results);
  const practiceMonths = relevantPracticeMonths(input.practice, trade.code, today);
  const age = ageThisYear(input.ident, today);
  return {
    trade,
    credited: path.credited,
    remaining: path.remaining,
    practiceMonths,
    practiceYears: Math.round((practiceMonths / 12) * 10) / 10,
    eligibleRoutes: eligibleRoutes(trade, {
      schoolPath: path,
      practiceMonths,
      employedInTrade: employedInTrade(input.practice, trade.code, today),
      ageThisYear: age,
    }),
    ageThisYear: age,
  };
}
