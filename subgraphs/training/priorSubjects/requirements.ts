import type { CurriculumSubjectModel, EducationLevel, TradeModel, TrainingRoute } from '../model.ts';

/** A subject a route to the trade requires, with the level the curriculum places it on (null: fellesfag). */
export interface RequiredSubject extends CurriculumSubjectModel {
  level: EducationLevel | null;
  /** Taken in school (Vg1, Vg2, fellesfag) rather than in a company or as the Vg3 exam. */
  school: boolean;
}

/**
 * The school and apprenticeship path (opplæringslova § 3-3, the 2 + 2 model): the Vg1 and Vg2 subjects in school and
 * the fellesfag, then the Vg3 trade subject (the fag-/svenneprøve after the læretid). Subjects for external
 * candidates only (kunForPrivatister: the Vg1 tverrfaglig eksamen for privatister, the Vg3 written exam) are not
 * part of it: pupils and apprentices are assessed in the ordinary subjects.
 */
export function schoolPath(trade: TradeModel): RequiredSubject[] {
  const areas = trade.programmeAreas;
  // Vg3 of a trade is the læretid in a company (Grep: programområdetype bedrift); Vg1 and Vg2 are school years.
  const school = areas.filter((a) => a.level !== 'VG3');
  const company = areas.filter((a) => a.level === 'VG3');
  return [
    ...school.flatMap((a) => a.subjects.filter((s) => !s.externalCandidatesOnly).map((s) => ({ ...s, level: a.level, school: true }))),
    ...trade.commonCoreSubjects.map((s) => ({ ...s, level: null, school: true })),
    ...company.flatMap((a) => a.subjects.filter((s) => !s.externalCandidatesOnly).map((s) => ({ ...s, level: a.level, school: false }))),
  ];
}

/**
 * The Vg3 exams a candidate without the school path takes: the written exam set for external candidates and the
 * fag-/svenneprøve. Praksiskandidater must pass the written exam before the prøve where the Vg3 curriculum sets one
 * (forskrift til opplæringslova § 3-47 tredje ledd) and need no fellesfag (Udir, "Praksiskandidatordningen",
 * fritak for fellesfagene); kandidater for fagbrev på jobb take the same exams (Trøndelag fylkeskommune, "Fagbrev på
 * jobb").
 */
export function vg3Exams(trade: TradeModel): RequiredSubject[] {
  return trade.programmeAreas
    .filter((a) => a.level === 'VG3')
    .flatMap((a) => [...a.subjects].sort((x, y) => Number(y.externalCandidatesOnly) - Number(x.externalCandidatesOnly)).map((s) => ({ ...s, level: a.level, school: false })));
}

/** What a route requires. */
export function requiredFor(trade: TradeModel, route: TrainingRoute): RequiredSubject[] {
  return route === 'EXPERIENCE_BASED_CANDIDATE' || route === 'CERTIFICATE_AT_WORK' ? vg3Exams(trade) : schoolPath(trade);
}

/**
 * The full training time in months: a year (12 months) per school programme area plus the læretid in a company
 * (48 for the 2 + 2 model).
 */
export function trainingMonths(trade: TradeModel): number {
  return 12 * trade.programmeAreas.filter((a) => a.level !== 'VG3').length + trade.apprenticeshipMonths;
}
