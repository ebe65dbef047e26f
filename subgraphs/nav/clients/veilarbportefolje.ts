import { z } from 'zod';
import type { UpstreamHttp } from '../../../lib/upstream/http.ts';
import { enhetId } from './nav.schemas.ts';

/** Portefolje as the contract gives it; only what the caseload needs is kept (no names). */
const portefoljeDto = z.object({
  enhet: enhetId,
  antallTotalt: z.number().int().min(0),
  antallReturnert: z.number().int().min(0),
  fraIndex: z.number().int().min(0),
  // Censored rows (persons the caller may not see) have an empty fnr.
  brukere: z.array(z.object({ fnr: z.string().regex(/^([0-9]{11})?$/) })),
});

/** The contract's largest page. */
const MAX_PAGE = 10_000;

/** veilarbportefolje: an advisor's caseload at one office. */
export interface VeilarbportefoljeClient {
  /**
   * The idents of every person assigned to `navIdent` at office `officeId` that the caller may see, in
   * veilarbportefolje's surname order. Censored rows are left out: they name no one.
   */
  caseloadOf(navIdent: string, officeId: string): Promise<string[]>;
}

export function createVeilarbportefoljeClient(http: UpstreamHttp): VeilarbportefoljeClient {
  return {
    async caseloadOf(navIdent, officeId) {
      const idents: string[] = [];
      // One call for any caseload up to 10 000 persons; more pages only beyond that.
      for (let fra = 0; ; fra += MAX_PAGE) {
        const { data } = await http({
          operation: 'hentPortefoljeForVeileder',
          method: 'POST',
          path: `/veilarbportefolje/api/veileder/${encodeURIComponent(navIdent)}/portefolje`,
          query: { enhet: officeId, fra, antall: MAX_PAGE, sortDirection: 'ascending', sortField: 'etternavn' },
          body: {},
          schema: portefoljeDto,
        });
        for (const b of data.brukere) if (b.fnr) idents.push(b.fnr);
        if (data.brukere.length === 0 || fra + data.brukere.length >= data.antallTotalt) return idents;
      }
    },
  };
}
