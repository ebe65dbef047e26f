import { z } from 'zod';
import { navDateTime, numericId, uuid } from './nav.schemas.ts';

/** veilarbaktivitet's payloads as the contract gives them (AktivitetDTO, AktivitetsplanDTO); fields we read. */

export const aktivitetType = z.enum(['EGEN', 'STILLING', 'SOKEAVTALE', 'IJOBB', 'BEHANDLING', 'MOTE', 'SAMTALEREFERAT', 'STILLING_FRA_NAV', 'EKSTERNAKTIVITET']);
export const aktivitetStatus = z.enum(['PLANLAGT', 'GJENNOMFORES', 'FULLFORT', 'BRUKER_ER_INTERESSERT', 'AVBRUTT']);
export const kanal = z.enum(['OPPMOTE', 'TELEFON', 'INTERNETT']);

export const aktivitetDto = z.object({
  id: numericId,
  funksjonellId: uuid,
  versjon: numericId,
  tittel: z.string().max(255),
  beskrivelse: z.string().nullish(),
  type: aktivitetType,
  status: aktivitetStatus,
  fraDato: navDateTime.nullish(),
  tilDato: navDateTime.nullish(),
  opprettetDato: navDateTime,
  endretDato: navDateTime,
  historisk: z.boolean(),
  avtalt: z.boolean(),
  oppfolgingsperiodeId: uuid,
  kanal: kanal.nullish(),
  referat: z.string().max(5000).nullish(),
  erReferatPublisert: z.boolean(),
});
export type AktivitetDto = z.output<typeof aktivitetDto>;

export const aktivitetsplanDto = z.object({ aktiviteter: z.array(aktivitetDto) });
