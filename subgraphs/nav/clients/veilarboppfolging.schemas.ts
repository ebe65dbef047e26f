import { z } from 'zod';
import { enhetId, fnr, navDateTime, navIdent, uuid } from './nav.schemas.ts';

/** veilarboppfolging's payloads as the contract gives them (OppfolgingStatus, OppfolgingEnhetMedVeilederResponse). */

export const oppfolgingPeriodeDto = z.object({
  uuid,
  startDato: navDateTime,
  sluttDato: navDateTime.nullish(),
  kvpPerioder: z.array(z.object({})),
});

export const oppfolgingStatusDto = z.object({
  fnr,
  aktorId: z.string().regex(/^[0-9]{13}$/),
  veilederId: navIdent.nullish(),
  reservasjonKRR: z.boolean(),
  registrertKRR: z.boolean(),
  kanVarsles: z.boolean(),
  manuell: z.boolean(),
  underOppfolging: z.boolean(),
  underKvp: z.boolean(),
  oppfolgingsPerioder: z.array(oppfolgingPeriodeDto),
});
export type OppfolgingStatusDto = z.output<typeof oppfolgingStatusDto>;

export const oppfolgingEnhetMedVeilederDto = z.object({
  oppfolgingsenhet: z.object({ navn: z.string(), enhetId }).nullish(),
  veilederId: z.string().nullish(),
});
