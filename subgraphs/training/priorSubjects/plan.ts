import type { CreditBasis, EducationLevel, RemainingSubjectPlace, TradeModel, TrainingRoute } from '../model.ts';
import { creditSubjects } from './credit.ts';
import { ADULT_AGE } from './routes.ts';
import { requiredFor, trainingMonths, type RequiredSubject } from './requirements.ts';
import type { CompletedSubjectModel } from '../model.ts';

/** One subject of a plan, credited or remaining. */
export interface PlanSubject {
  code: string;
  title: string;
  level: EducationLevel | null;
  creditedOn: CreditBasis | null;
  takenAt: RemainingSubjectPlace | null;
}

/** What a training plan for one route holds. */
export interface PlanContent {
  credited: PlanSubject[];
  remaining: PlanSubject[];
  /** Practice credited for the routes built on practice; null for the school path. */
  creditedPracticeMonths: number | null;
  estimatedMonths: number;
}

/** The written exam is held every term and the fag-/svenneprøve follows it: half a year for a praksiskandidat. */
const CANDIDATE_EXAM_MONTHS = 6;
/** A fagbrev på jobb contract runs 12–36 months (the county's contract terms). */
const CONTRACT_MIN = 12;
const CONTRACT_MAX = 36;

function placeOf(subject: RequiredSubject, route: TrainingRoute, ageThisYear: number): RemainingSubjectPlace {
  if (route === 'EXPERIENCE_BASED_CANDIDATE') return 'EXTERNAL_CANDIDATE';
  if (route === 'CERTIFICATE_AT_WORK') return subject.externalCandidatesOnly ? 'EXTERNAL_CANDIDATE' : 'COMPANY';
  if (!subject.school) return 'COMPANY';
  // School subjects: adult education for adults (voksenrett), upper secondary school for the young.
  return route === 'ADULT_EDUCATION' || ageThisYear >= ADULT_AGE ? 'ADULT_EDUCATION' : 'SCHOOL';
}

/**
 * The content of a tentative plan for `route`: the route's required subjects credited from the results (credit.ts)
 * and the rest with where they are taken, and an estimate of the months to the certificate:
 * - school path (lærling, voksenopplæring): a year per school level with something left, then the læretid;
 * - praksiskandidat: the written exam and the prøve, CANDIDATE_EXAM_MONTHS;
 * - fagbrev på jobb: the full training time less the practice, within the contract's 12–36 months (Trøndelag
 *   fylkeskommune: the ordinary path is the starting point, earlier practice shortens it).
 */
export function planContent(input: {
  trade: TradeModel;
  route: TrainingRoute;
  results: readonly CompletedSubjectModel[];
  practiceMonths: number;
  ageThisYear: number;
}): PlanContent {
  const { trade, route } = input;
  const { credited, remaining } = creditSubjects(requiredFor(trade, route), input.results);
  const plan: PlanContent = {
    credited: credited.map(({ subject, result }) => ({
      code: subject.code,
      title: subject.title,
      level: subject.level,
      // Privatist results are documented on a kompetansebevis, a pupil's on the diploma.
      creditedOn: result.candidateType === 'EXTERNAL_CANDIDATE' ? 'CERTIFICATE_OF_COMPETENCE' : 'DIPLOMA',
      takenAt: null,
    })),
    remaining: remaining.map((s) => ({ code: s.code, title: s.title, level: s.level, creditedOn: null, takenAt: placeOf(s, route, input.ageThisYear) })),
    creditedPracticeMonths: null,
    estimatedMonths: 0,
  };
  if (route === 'EXPERIENCE_BASED_CANDIDATE' || route === 'CERTIFICATE_AT_WORK') {
    plan.creditedPracticeMonths = input.practiceMonths;
    plan.estimatedMonths =
      route === 'EXPERIENCE_BASED_CANDIDATE'
        ? CANDIDATE_EXAM_MONTHS
        : Math.min(CONTRACT_MAX, Math.max(CONTRACT_MIN, trainingMonths(trade) - input.practiceMonths));
    return plan;
  }
  const schoolLevels = new Set(remaining.filter((s) => s.school && s.level !== null).map((s) => s.level));
  const vg3Left = remaining.some((s) => !s.school);
  plan.estimatedMonths = 12 * schoolLevels.size + (vg3Left ? trade.apprenticeshipMonths : 0);
  return plan;
}
