import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { personal } from '../../../lib/consent/subject.ts';
import { ErrorCode, badInput, graphError } from '../../../lib/errors.ts';
import { osloDate } from '../../../lib/time.ts';
import type { TrainingContext } from '../context.ts';
import { toCompletedSubject, toPractice } from '../mapping.ts';
import type { PersonModel, TradeModel } from '../model.ts';
import { mapPriorSubjects, type PriorSubjectMappingResult } from '../priorSubjects/index.ts';

const TRADE_CODE = /^[A-Z]{5}[0-9]-{4}$/;

/** A person's subjects and practice mapped against a trade, from one batched record search (subjects + practice). */
export async function priorSubjectMappingOf(ident: string, tradeCode: string, context: TrainingContext): Promise<PriorSubjectMappingResult> {
  if (!TRADE_CODE.test(tradeCode)) throw badInput('trade must be a Grep programme area code, e.g. HSHEA3----.', 'trade');
  const [trade, subjects, practice] = await Promise.all([
    context.loaders.trades.load(tradeCode),
    context.loaders.records.load({ ident, kind: 'FAG' }),
    context.loaders.records.load({ ident, kind: 'PRAKSIS' }),
  ]);
  if (!trade) throw graphError(ErrorCode.NOT_FOUND, 'No trade with this code in the catalogue.');
  return mapPriorSubjects({
    ident,
    trade,
    results: subjects.fag.map((f) => toCompletedSubject(ident, f)),
    practice: practice.praksis.map((p) => toPractice(ident, p)),
    today: osloDate(context.now()),
  });
}

/** Person.priorSubjectMapping: the mapping as the schema shows it, every object marked with its data subject. */
export const PriorSubjectMappingResolvers = {
  Person: {
    async priorSubjectMapping(person: PersonModel, args: { trade: string }, context: TrainingContext) {
      const m = await priorSubjectMappingOf(person.ident, args.trade, context);
      const trade: TradeModel = m.trade;
      return personal(person.ident, {
        trade,
        credited: m.credited.map(({ subject, result }) =>
          personal(person.ident, {
            code: subject.code,
            title: subject.title,
            level: subject.level,
            coveredBy: result.code,
            grade: result.grade,
            year: result.year,
            term: result.term,
          }),
        ),
        remaining: m.remaining.map((s) => personal(person.ident, { ...s })),
        practiceMonths: m.practiceMonths,
        practiceYears: m.practiceYears,
        eligibleRoutes: m.eligibleRoutes,
      });
    },
  },
} satisfies GraphQLResolverMap<TrainingContext>;
