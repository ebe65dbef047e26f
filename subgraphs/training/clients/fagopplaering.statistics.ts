import { z } from 'zod';
import type { UpstreamHttp } from '../../../lib/upstream/http.ts';
import { kartleggingStatus } from './fagopplaering.schemas.ts';

/** statistikkKartlegginger's 200 body (contract): request counts; rows of 0 are left out, `rute` null without a plan. */
export const statistikkKartleggingerResponse = z.object({
  fraMaaned: z.string(),
  tilMaaned: z.string(),
  generert: z.iso.datetime({ offset: true }),
  rader: z.array(
    z.object({
      maaned: z.string().regex(/^[0-9]{4}-[0-9]{2}$/),
      status: kartleggingStatus,
      laerefagkode: z.string().regex(/^[A-Z]{5}[0-9]-{4}$/),
      rute: z.enum(['LAERLING', 'PRAKSISKANDIDAT', 'FAGBREV_PA_JOBB', 'VOKSENOPPLAERING']).nullable(),
      antall: z.number().int().min(1),
    }),
  ),
});
export type RequestStatisticsRow = z.infer<typeof statistikkKartleggingerResponse>['rader'][number];

/** Fagopplæring's statistics (tag `statistikk`): counts only, never a person. */
export interface FagopplaeringStatistics {
  /**
   * statistikkKartlegginger: skills-mapping requests by Oslo month of creation, current status, trade and route,
   * for months `fromMonth` to `toMonth` (YYYY-MM, both included).
   */
  requestStatistics(fromMonth: string, toMonth: string): Promise<RequestStatisticsRow[]>;
}

export function fagopplaeringStatistics(http: UpstreamHttp): FagopplaeringStatistics {
  return {
    async requestStatistics(fromMonth, toMonth) {
      const query = { fraMaaned: fromMonth, tilMaaned: toMonth };
      const { data } = await http({ operation: 'statistikkKartlegginger', method: 'GET', path: '/statistikk/kartlegginger', query, schema: statistikkKartleggingerResponse });
      return data.rader;
    },
  };
}
