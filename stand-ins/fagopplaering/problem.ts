import type { Request, Response } from 'express';
import type { z } from 'zod';

/** The `kode` values of the contract's Problem schema. */
export type Kode =
  | 'IKKE_AUTENTISERT'
  | 'IKKE_TILGANG'
  | 'IKKE_FUNNET'
  | 'UGYLDIG_FORESPORSEL'
  | 'SAMTYKKE_MANGLER'
  | 'SAMTYKKE_TRUKKET'
  | 'DIGITALT_SAMTYKKE_KUN_FRA_PERSON'
  | 'SAMTYKKE_TILBAKEDATERT'
  | 'SAMTYKKE_KUN_FRA_PERSON'
  | 'ALLEREDE_TRUKKET'
  | 'AAPEN_FORESPORSEL_FINNES'
  | 'UGYLDIG_STATUSOVERGANG'
  | 'VERSJONSKONFLIKT'
  | 'PLAN_FINNES'
  | 'PLAN_ALLEREDE_SENDT'
  | 'DIGIPOST_FEILET'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'IDEMPOTENCY_IN_PROGRESS'
  | 'FOR_MANGE_FORESPORSLER'
  | 'UTILGJENGELIG'
  | 'INTERN_FEIL';

const TITLES: Record<Kode, string> = {
  IKKE_AUTENTISERT: 'Mangler gyldig token',
  IKKE_TILGANG: 'Ikke tilgang',
  IKKE_FUNNET: 'Ikke funnet',
  UGYLDIG_FORESPORSEL: 'Ugyldig forespørsel',
  SAMTYKKE_MANGLER: 'Samtykke mangler',
  SAMTYKKE_TRUKKET: 'Samtykket er trukket',
  DIGITALT_SAMTYKKE_KUN_FRA_PERSON: 'Digitalt samtykke gis bare av personen selv',
  SAMTYKKE_TILBAKEDATERT: 'Samtykket er tilbakedatert for langt',
  SAMTYKKE_KUN_FRA_PERSON: 'Bare personen selv kan samtykke på nytt',
  ALLEREDE_TRUKKET: 'Samtykket er allerede trukket',
  AAPEN_FORESPORSEL_FINNES: 'Personen har allerede en åpen forespørsel',
  UGYLDIG_STATUSOVERGANG: 'Ugyldig statusovergang',
  VERSJONSKONFLIKT: 'Versjonskonflikt',
  PLAN_FINNES: 'Forespørselen har allerede en plan',
  PLAN_ALLEREDE_SENDT: 'Planen er allerede sendt',
  DIGIPOST_FEILET: 'Sending via Digipost feilet',
  IDEMPOTENCY_KEY_REUSED: 'Idempotency-Key er brukt med en annen forespørsel',
  IDEMPOTENCY_IN_PROGRESS: 'Forespørselen med denne Idempotency-Key behandles fortsatt',
  FOR_MANGE_FORESPORSLER: 'For mange forespørsler',
  UTILGJENGELIG: 'Tjenesten er utilgjengelig',
  INTERN_FEIL: 'Intern feil',
};

const TYPE_BASE = 'https://fagopplaering.simulator.trondelagsmodellen.test/problemer/';

/** A field error in a 400 (`feil`). Messages name the rule, never echo the value (it may be a fnr or free text). */
export interface Feil {
  felt: string;
  melding: string;
}

/** Writes an RFC 9457 problem with `kode` and the request's correlation id. */
export function problem(res: Response, status: number, kode: Kode, detail?: string, feil?: Feil[]): void {
  const correlationId = res.get('X-Correlation-ID');
  const req = res.req as Request | undefined;
  res
    .status(status)
    .type('application/problem+json')
    .send(
      JSON.stringify({
        type: TYPE_BASE + kode.toLowerCase().replaceAll('_', '-'),
        title: TITLES[kode],
        status,
        kode,
        ...(detail ? { detail } : {}),
        ...(req ? { instance: req.originalUrl.split('?')[0] } : {}),
        ...(correlationId ? { correlationId } : {}),
        ...(feil?.length ? { feil } : {}),
      }),
    );
}

/** 401: the system's own problem body. */
export function unauthorized(res: Response): void {
  res.set('WWW-Authenticate', 'Bearer');
  problem(res, 401, 'IKKE_AUTENTISERT', 'Mangler eller ugyldig bearer-token.');
}

/** 400 from a zod error, one `feil` per issue. */
export function invalid(res: Response, error: z.ZodError, detail = 'Forespørselen er ugyldig.'): void {
  const feil = error.issues.map((i) => ({ felt: i.path.join('.') || '(body)', melding: i.message }));
  problem(res, 400, 'UGYLDIG_FORESPORSEL', detail, feil);
}
