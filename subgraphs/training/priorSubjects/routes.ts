import type { TradeModel, TrainingRoute } from '../model.ts';
import type { CreditOutcome } from './credit.ts';
import { trainingMonths } from './requirements.ts';

/** What the route rules look at, besides the trade. */
export interface RouteFacts {
  /** The credit outcome against the school path (requirements.ts, schoolPath). */
  schoolPath: CreditOutcome;
  /** Relevant practice in months (practice.ts). */
  practiceMonths: number;
  /** In a relevant position today. */
  employedInTrade: boolean;
  /** The age the person reaches in the current calendar year. */
  ageThisYear: number;
}

/** The practice a praksiskandidat needs: 25 % more than the trade's full training time (60 months for 2 + 2). */
export const requiredCandidatePracticeMonths = (trade: TradeModel): number => Math.ceil(1.25 * trainingMonths(trade));

/** Fagbrev på jobb needs at least a year of relevant practice, full time (Trøndelag fylkeskommune). */
export const CERTIFICATE_AT_WORK_MIN_MONTHS = 12;

/** Voksenretten applies from the calendar year the person turns 25. */
export const ADULT_AGE = 25;

/**
 * The rules of each route; a route is also only open when the trade offers it (Laerefag.ruter).
 * - APPRENTICESHIP (lærling): opplæringslova § 3-3, the 2 + 2 model — the læretid builds on the trade's Vg1 and Vg2.
 *   Open when the Vg1 programme subjects of the trade's path are passed; a Vg2 still missing is taken before the
 *   contract (as the demo plan of P01 does).
 * - EXPERIENCE_BASED_CANDIDATE (praksiskandidat): opplæringslova § 3-5 — allsidig praksis in the trade 25 % longer than
 *   the fixed training time (Udir, "Praksiskandidatordningen": "minst fem år" for the 2 + 2 model).
 * - CERTIFICATE_AT_WORK (fagbrev på jobb): Trøndelag fylkeskommune, "Fagbrev på jobb" — at least one year's allsidig
 *   practice in the trade in full time (part time converted) and in a position in the trade now.
 * - ADULT_EDUCATION (voksenopplæring): opplæringslova § 4A-3 (Udir-2-2008) — adults have the right to upper secondary
 *   education from the year they turn 25 when they have not completed it; open while school subjects of the path remain.
 */
export function eligibleRoutes(trade: TradeModel, facts: RouteFacts): TrainingRoute[] {
  const vg1 = trade.programmeAreas.find((a) => a.level === 'VG1');
  const vg1Passed = !!vg1 && !facts.schoolPath.remaining.some((s) => s.level === 'VG1');
  const rules: Record<TrainingRoute, boolean> = {
    APPRENTICESHIP: vg1Passed,
    EXPERIENCE_BASED_CANDIDATE: facts.practiceMonths >= requiredCandidatePracticeMonths(trade),
    CERTIFICATE_AT_WORK: facts.practiceMonths >= CERTIFICATE_AT_WORK_MIN_MONTHS && facts.employedInTrade,
    ADULT_EDUCATION: facts.ageThisYear >= ADULT_AGE && facts.schoolPath.remaining.some((s) => s.school),
  };
  return trade.routes.filter((route) => rules[route]);
}
