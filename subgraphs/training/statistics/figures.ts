import type { PublishedCount, StatisticsPublisher } from '../../../lib/statistics/publish.ts';
import type { Quarter } from '../../../lib/statistics/quarter.ts';
import type { RequestStatisticsRow } from '../clients/fagopplaering.statistics.ts';

/** Fagopplæring's figures of a quarter, rounded for publication and ready to answer. */
export interface TrainingFigures {
  skillsMappingRequests: PublishedCount;
  trainingPlansSent: PublishedCount;
}

/**
 * Whether a request's plan has gone to the person. PLAN_SENDT is set only by sending the plan; a request that
 * left PLAN_SENDT (closed, or consent withdrawn) keeps its plan, and the statistics show that as a route. The
 * statistics cannot tell a draft plan on a request closed or withdrawn before sending from a sent one; fagopplæring
 * closes a request only after the plan is sent, so such drafts are taken to be sent.
 */
const planSent = (row: RequestStatisticsRow) => row.status === 'PLAN_SENDT' || ((row.status === 'AVSLUTTET' || row.status === 'TRUKKET') && row.rute !== null);

const sum = (rows: readonly RequestStatisticsRow[]) => rows.reduce((n, r) => n + r.antall, 0);

/**
 * From the request statistics of a quarter (by month the request was made): every request made, whatever its status
 * now (withdrawn ones too: they were made), and of those the ones whose training plan has been sent. One table: the
 * requests broken down into plan sent or not, so the plans and what they leave of the requests are rounded together.
 */
export function trainingFigures(publisher: StatisticsPublisher, quarter: Quarter, rows: readonly RequestStatisticsRow[]): TrainingFigures {
  const requests = sum(rows);
  const plansSent = sum(rows.filter(planSent));
  const { total, breakdowns } = publisher.publish(`${quarter.id}|skillsMappingRequests`, {
    total: requests,
    breakdowns: { plan: [plansSent, requests - plansSent] },
  });
  return { skillsMappingRequests: total, trainingPlansSent: breakdowns.plan[0]! };
}
