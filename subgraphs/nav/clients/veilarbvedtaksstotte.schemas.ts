import { z } from 'zod';
import { navDateTime } from './nav.schemas.ts';

/** veilarbvedtaksstotte's payload as the contract gives it (Siste14aVedtakDTO); 204 (no decision) parses as null. */

export const siste14aVedtakDto = z
  .object({
    innsatsgruppe: z.enum(['STANDARD_INNSATS', 'SITUASJONSBESTEMT_INNSATS', 'SPESIELT_TILPASSET_INNSATS', 'GRADERT_VARIG_TILPASSET_INNSATS', 'VARIG_TILPASSET_INNSATS']),
    hovedmal: z.enum(['SKAFFE_ARBEID', 'BEHOLDE_ARBEID', 'OKE_DELTAKELSE']).nullish(),
    fattetDato: navDateTime,
    fraArena: z.boolean(),
  })
  .nullable();
