import type { CompletedSubjectModel } from '../model.ts';
import { fellesfagCoveredBy } from './fellesfag.ts';
import { bestResult, passes } from './grades.ts';
import type { RequiredSubject } from './requirements.ts';

/** A required subject and the completed result that covers it. */
export interface Credit {
  subject: RequiredSubject;
  result: CompletedSubjectModel;
}

export interface CreditOutcome {
  credited: Credit[];
  remaining: RequiredSubject[];
}

/**
 * Which required subjects the person's results cover, in curriculum order. The rules:
 * - only a passed result credits (grades.ts);
 * - a subject is covered by its own Grep code, wherever it was taken: a Vg1 shared by several trades (BABAT1----
 *   for tømrer and rørlegger, HSHSF1---- for helsearbeider and barne- og ungdomsarbeider) and a fellesfag taken on any
 *   level (SAK1001 on Vg2 of any programme) count in every trade that requires them;
 * - subjects that recur across programme areas under the same title are different subjects: "Kommunikasjon og
 *   samhandling" is HSF1007 on Vg1, HEA2006 on Vg2 helsearbeider and BUA2006 on Vg2 barne- og ungdomsarbeider, each
 *   with its own læreplan and competence aims, so one never covers another — codes decide, titles never;
 * - a fellesfag is also covered by another programme's variant of it (fellesfag.ts);
 * - a subject taken more than once (retaken as privatist) counts with its best passing result (grades.ts).
 */
export function creditSubjects(required: readonly RequiredSubject[], results: readonly CompletedSubjectModel[]): CreditOutcome {
  const passed = results.filter(passes);
  const credited: Credit[] = [];
  const remaining: RequiredSubject[] = [];
  for (const subject of required) {
    const codes = subject.subjectType === 'COMMON_CORE' ? fellesfagCoveredBy(subject.code) : [subject.code];
    // The subject's own code first: another variant counts only when the own one was not passed.
    const result = codes.map((code) => bestResult(passed.filter((r) => r.code === code))).find((r) => r !== undefined);
    if (result) credited.push({ subject, result });
    else remaining.push(subject);
  }
  return { credited, remaining };
}
