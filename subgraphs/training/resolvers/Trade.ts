import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { ErrorCode, badInput, graphError } from '../../../lib/errors.ts';
import type { TrainingContext } from '../context.ts';
import type { ApprenticeshipModel, PracticeModel, TradeModel } from '../model.ts';

/** Grep programme area code of a Vg3 (programområdekode), as the contract types it. */
const TRADE_CODE = /^[A-Z]{5}[0-9]-{4}$/;

async function tradeByCode(code: string, context: TrainingContext): Promise<TradeModel> {
  if (!TRADE_CODE.test(code)) throw badInput('code must be a Grep programme area code, e.g. ELELE3----.', 'code');
  const trade = await context.loaders.trades.load(code);
  if (!trade) throw graphError(ErrorCode.NOT_FOUND, 'No trade with this code in the catalogue.');
  return trade;
}

/** The curriculum (not personal data: any authenticated caller) and the trade references of the records. */
export const TradeResolvers = {
  Query: {
    trade(_root: unknown, args: { code: string }, context: TrainingContext) {
      return tradeByCode(args.code, context);
    },
    trades(_root: unknown, _args: unknown, context: TrainingContext) {
      return context.loaders.catalogue();
    },
  },
  Trade: {
    __resolveReference(reference: { code: string }, context: TrainingContext) {
      return tradeByCode(reference.code, context);
    },
  },
  Practice: {
    relevantTrade(practice: PracticeModel, _args: unknown, context: TrainingContext) {
      return practice.relevantTradeCode ? context.loaders.trades.load(practice.relevantTradeCode) : null;
    },
  },
  Apprenticeship: {
    trade(apprenticeship: ApprenticeshipModel, _args: unknown, context: TrainingContext) {
      return context.loaders.trades.load(apprenticeship.tradeCode);
    },
  },
} satisfies GraphQLResolverMap<TrainingContext>;
