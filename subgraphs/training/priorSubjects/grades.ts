import type { CompletedSubjectModel, Term } from '../model.ts';

/**
 * A result passes when the system of record says its deciding assessment was passed (fagopplaering.openapi.yaml,
 * FullfortFag.bestatt: "a grade 2–6, B, BM, GK or R in the deciding assessment"). Which assessment decides is the
 * county's rule, not ours to re-derive: an external candidate's (privatist's) exam decides even where an old
 * standpunkt grade from school was 1 (forskrift til opplæringslova § 3-45 ff.), so the mapping trusts the record.
 */
export function passes(result: Pick<CompletedSubjectModel, 'passed'>): boolean {
  return result.passed;
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
