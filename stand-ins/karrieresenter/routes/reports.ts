import { Router } from 'express';
import { callerOf } from '../../common/app.ts';
import { osloDate, toOsloIso } from '../../../lib/time.ts';
import { mayReadReports } from '../access.ts';
import { sendProblem } from '../problem.ts';
import { bookingReportQuerySchema, noteSharingReportQuerySchema } from '../schemas.ts';
import { parseOr400, type RouteContext } from './context.ts';

/** The Oslo month (YYYY-MM) of an instant. */
const monthOf = (iso: string) => osloDate(new Date(iso)).slice(0, 7);

/** Aggregate counts for the partnership: no personal data, months in Europe/Oslo. */
export function reportRoutes({ state, now }: RouteContext): Router {
  const router = Router();

  router.get('/reports/bookings', (req, res) => {
    const query = parseOr400(res, bookingReportQuerySchema, req.query);
    if (!query) return;
    if (!mayReadReports(callerOf(res))) return sendProblem(res, 403, 'FORBIDDEN', 'Reports are for organisations.');
    if (query.fromMonth > query.toMonth) return monthOrder(res);
    const counts = new Map<string, number>();
    for (const b of state.bookings.values()) {
      const month = monthOf(b.start);
      if (month < query.fromMonth || month > query.toMonth) continue;
      if (query.referredByNav !== undefined && b.referredByNav !== query.referredByNav) continue;
      const key = [month, b.centreId, b.mode, b.status].join('|');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const rows = [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, count]) => {
      const [month, centreId, mode, status] = key.split('|') as [string, string, string, string];
      return { month, centreId, mode, status, count };
    });
    res.json({ fromMonth: query.fromMonth, toMonth: query.toMonth, referredByNav: query.referredByNav ?? null, generatedAt: toOsloIso(now()), rows });
  });

  router.get('/reports/note-sharing', (req, res) => {
    const query = parseOr400(res, noteSharingReportQuerySchema, req.query);
    if (!query) return;
    if (!mayReadReports(callerOf(res))) return sendProblem(res, 403, 'FORBIDDEN', 'Reports are for organisations.');
    if (query.fromMonth > query.toMonth) return monthOrder(res);
    const rows = new Map<string, { month: string; centreId: string; notesFinalised: number; grantsGiven: number; grantsWithdrawn: number }>();
    const count = (iso: string | null, centreId: string, field: 'notesFinalised' | 'grantsGiven' | 'grantsWithdrawn') => {
      if (!iso) return;
      const month = monthOf(iso);
      if (month < query.fromMonth || month > query.toMonth) return;
      const key = `${month}|${centreId}`;
      const row = rows.get(key) ?? { month, centreId, notesFinalised: 0, grantsGiven: 0, grantsWithdrawn: 0 };
      row[field]++;
      rows.set(key, row);
    };
    for (const n of state.notes.values()) count(n.finalizedAt, n.centreId, 'notesFinalised');
    for (const g of state.shareGrants) {
      const centreId = state.notes.get(g.noteId)?.centreId;
      if (!centreId) continue;
      count(g.givenAt, centreId, 'grantsGiven');
      count(g.withdrawnAt, centreId, 'grantsWithdrawn');
    }
    const sorted = [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, row]) => row);
    res.json({ fromMonth: query.fromMonth, toMonth: query.toMonth, generatedAt: toOsloIso(now()), rows: sorted });
  });

  return router;
}

function monthOrder(res: Parameters<typeof sendProblem>[0]): void {
  sendProblem(res, 400, 'VALIDATION_FAILED', 'fromMonth is after toMonth.', [{ field: 'fromMonth', message: 'must not be after toMonth' }]);
}
