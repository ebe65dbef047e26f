import { z } from 'zod';
import type { UpstreamHttp } from '../../../lib/upstream/http.ts';
import { modeSchema } from './karrieresenter.schemas.ts';

const month = z.string().regex(/^[0-9]{4}-[0-9]{2}$/);
const centreId = z.string().regex(/^KS-[A-Z]{3}$/);

/** BookingReport (contract): counts by month of the session start, centre, mode and status; zero rows left out. */
export const bookingReportSchema = z.object({
  fromMonth: z.string(),
  toMonth: z.string(),
  referredByNav: z.boolean().nullable().optional(),
  generatedAt: z.iso.datetime({ offset: true }),
  rows: z.array(
    z.object({
      month,
      centreId,
      mode: modeSchema,
      status: z.enum(['BOOKET', 'AVLYST', 'GJENNOMFORT', 'IKKE_MOTT']),
      count: z.number().int().min(1),
    }),
  ),
});
export type ContractBookingReportRow = z.infer<typeof bookingReportSchema>['rows'][number];

/** NoteSharingReport (contract): notes made final and share grants given or withdrawn, by month and centre. */
export const noteSharingReportSchema = z.object({
  fromMonth: z.string(),
  toMonth: z.string(),
  generatedAt: z.iso.datetime({ offset: true }),
  rows: z.array(
    z.object({
      month,
      centreId,
      notesFinalised: z.number().int().min(0),
      grantsGiven: z.number().int().min(0),
      grantsWithdrawn: z.number().int().min(0),
    }),
  ),
});
export type ContractNoteSharingReportRow = z.infer<typeof noteSharingReportSchema>['rows'][number];

/** The booking system's aggregate reports (tag `reports`): counts only, never a person. Months are YYYY-MM (Oslo). */
export interface KarrieresenterReports {
  /** reportBookingCounts; `referredByNav: true` counts only the bookings NAV referred. */
  reportBookingCounts(fromMonth: string, toMonth: string, referredByNav?: boolean): Promise<ContractBookingReportRow[]>;
  /** reportNoteSharingCounts. */
  reportNoteSharingCounts(fromMonth: string, toMonth: string): Promise<ContractNoteSharingReportRow[]>;
}

export function karrieresenterReports(http: UpstreamHttp): KarrieresenterReports {
  return {
    async reportBookingCounts(fromMonth, toMonth, referredByNav) {
      const query = { fromMonth, toMonth, referredByNav };
      const { data } = await http({ operation: 'reportBookingCounts', method: 'GET', path: '/reports/bookings', query, schema: bookingReportSchema });
      return data.rows;
    },
    async reportNoteSharingCounts(fromMonth, toMonth) {
      const query = { fromMonth, toMonth };
      const { data } = await http({ operation: 'reportNoteSharingCounts', method: 'GET', path: '/reports/note-sharing', query, schema: noteSharingReportSchema });
      return data.rows;
    },
  };
}
