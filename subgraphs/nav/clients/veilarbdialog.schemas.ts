import { z } from 'zod';
import { navDateTime, numericId, uuid } from './nav.schemas.ts';

/** veilarbdialog's payloads as the contract gives them (DialogDTO, HenvendelseDTO); fields we read. */

export const henvendelseDto = z.object({
  id: numericId,
  dialogId: numericId,
  avsender: z.enum(['BRUKER', 'VEILEDER']),
  sendt: navDateTime,
  /** Read by the receiving side. */
  lest: z.boolean(),
  viktig: z.boolean(),
  tekst: z.string(),
});

export const dialogDto = z.object({
  id: numericId,
  aktivitetId: numericId.nullish(),
  overskrift: z.string(),
  opprettetDato: navDateTime,
  historisk: z.boolean(),
  lest: z.boolean(),
  /** NAV waits for an answer from the person. */
  venterPaSvar: z.boolean(),
  /** False while the person waits for an answer from NAV. */
  ferdigBehandlet: z.boolean(),
  erLestAvBruker: z.boolean(),
  oppfolgingsperiode: uuid,
  henvendelser: z.array(henvendelseDto),
  egenskaper: z.array(z.enum(['ESKALERINGSVARSEL', 'PARAGRAF8'])),
});
export type DialogDto = z.output<typeof dialogDto>;

export const dialogerDto = z.array(dialogDto);
