import type { ReportingPeriod } from '../../../lib/statistics/period.ts';
import type { TrainingContext } from '../context.ts';
import { trainingFigures, type TrainingFigures } from './figures.ts';

// Per request (keyed by its context): both figures come from one statistics call, and nothing outlives the request.
const reads = new WeakMap<TrainingContext, Map<string, Promise<TrainingFigures>>>();

/** Fagopplæring's figures of a period, from one read of its request statistics. */
export function trainingFiguresOf(context: TrainingContext, period: ReportingPeriod): Promise<TrainingFigures> {
  let perRequest = reads.get(context);
  if (!perRequest) reads.set(context, (perRequest = new Map()));
  const key = `${period.from}|${period.to}`;
  let figures = perRequest.get(key);
  if (!figures) {
    figures = context.fagopplaering.requestStatistics(period.from, period.to).then(trainingFigures);
    perRequest.set(key, figures);
  }
  return figures;
}
