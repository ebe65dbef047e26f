import type { Quarter } from '../../../lib/statistics/quarter.ts';
import type { TrainingContext } from '../context.ts';
import { trainingFigures, type TrainingFigures } from './figures.ts';

// Per request (keyed by its context): both figures come from one statistics call, and nothing outlives the request.
const reads = new WeakMap<TrainingContext, Map<string, Promise<TrainingFigures>>>();

/** Fagopplæring's figures of a quarter, from one read of its request statistics. */
export function trainingFiguresOf(context: TrainingContext, quarter: Quarter): Promise<TrainingFigures> {
  let perRequest = reads.get(context);
  if (!perRequest) reads.set(context, (perRequest = new Map()));
  let figures = perRequest.get(quarter.id);
  if (!figures) {
    figures = context.fagopplaering
      .requestStatistics(quarter.firstMonth, quarter.lastMonth)
      .then((rows) => trainingFigures(context.statistics, quarter, rows));
    perRequest.set(quarter.id, figures);
  }
  return figures;
}
