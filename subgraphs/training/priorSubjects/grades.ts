import type { CompletedSubjectModel, Term } from '../model.ts';

/**
 * Grades that pass (fagopplaering.openapi.yaml, FullfortFag.bestatt: "a grade 2–6, B, BM, GK or R"). 1 and IB fail;
 * D (deltatt), F (fritatt) and IV (ikke vurdert) are no assessment of competence, so they credit nothing.
 */
const PASSING: ReadonlySet<string> = new Set(['2', '3', '4', '5', '6', 'B', 'BM', 'GK', 'R']);

/**
 * A result passes when it has a grade and every grade it has passes: standpunkt and exam are separate grades on the
 * diploma (NVB ¤F fields F5 and F6), and a failed one of them means the subject is not passed (forskrift til
 * opplæringslova kap. 3: karakteren 1 = ikke bestått).
 */
export function passes(result: Pick<CompletedSubjectModel, 'overallGrade' | 'examGrade'>): boolean {
  const grades = [result.overallGrade, result.examGrade].filter((g): g is string => g !== null);
  return grades.length > 0 && grades.every((g) => PASSING.has(g));
}

const termOrder = (term: Term) => (term === 'SPRING' ? 0 : 1);
/** Numeric grades rank by value; the pass marks without a number (B, BM, GK, R) rank below them. */
const gradeRank = (grade: string | null) => (grade !== null && /^[2-6]$/.test(grade) ? Number(grade) : 1);

/**
 * Of several passing results for one subject (a subject retaken as privatist), the best grade counts — the one the
 * diploma shows — and of equal ones the latest.
 */
export function bestResult<T extends Pick<CompletedSubjectModel, 'grade' | 'year' | 'term'>>(results: readonly T[]): T | undefined {
  return [...results].sort(
    (a, b) => gradeRank(b.grade) - gradeRank(a.grade) || b.year - a.year || termOrder(b.term) - termOrder(a.term),
  )[0];
}
