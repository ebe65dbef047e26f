import { z } from 'zod';
import { isValidIdent } from '../../lib/ident.ts';

/**
 * Request bodies and parameters of the NAV contract as zod schemas: a request is parsed in full before any
 * state changes, so a rejected request changes nothing. Unknown fields are dropped, as Jackson ignores them.
 */

/** 11 digits with valid check digits (fødselsnummer or D-number). */
export const fnrSchema = z.string().regex(/^[0-9]{11}$/).refine(isValidIdent, 'Ugyldig fødselsnummer');
export const numericIdSchema = z.string().regex(/^[0-9]+$/);
export const navIdentSchema = z.string().regex(/^[A-Z][0-9]{6}$/);
export const enhetIdSchema = z.string().regex(/^[0-9]{4}$/);
const dateTime = z.iso.datetime({ offset: true });

export const fnrRequestSchema = z.object({ fnr: fnrSchema });

export const aktivitetStatusSchema = z.enum(['PLANLAGT', 'GJENNOMFORES', 'FULLFORT', 'BRUKER_ER_INTERESSERT', 'AVBRUTT']);

/** Type-specific fields of each type that can be created here (AktivitetDTO's description). */
export const FIELDS_BY_TYPE = {
  EGEN: ['hensikt', 'oppfolging'],
  STILLING: ['etikett', 'arbeidsgiver', 'stillingsTittel', 'arbeidssted', 'kontaktperson'],
  SOKEAVTALE: ['antallStillingerSokes', 'antallStillingerIUken', 'avtaleOppfolging'],
  IJOBB: ['jobbStatus', 'ansettelsesforhold', 'arbeidstid'],
  BEHANDLING: ['behandlingType', 'behandlingSted', 'effekt', 'behandlingOppfolging'],
  MOTE: ['adresse', 'forberedelser', 'kanal', 'referat'],
  SAMTALEREFERAT: ['kanal', 'referat'],
} as const;

/** NyAktivitetDTO. EKSTERNAKTIVITET and STILLING_FRA_NAV are not in the type enum: they cannot be created here. */
export const nyAktivitetSchema = z
  .object({
    tittel: z.string().min(1).max(255),
    beskrivelse: z.string().optional(),
    lenke: z.string().optional(),
    type: z.enum(['EGEN', 'STILLING', 'SOKEAVTALE', 'IJOBB', 'BEHANDLING', 'MOTE', 'SAMTALEREFERAT']),
    status: aktivitetStatusSchema,
    fraDato: dateTime.optional(),
    tilDato: dateTime.optional(),
    avtalt: z.boolean().default(false),
    hensikt: z.string().optional(),
    oppfolging: z.string().optional(),
    arbeidsgiver: z.string().optional(),
    stillingsTittel: z.string().optional(),
    arbeidssted: z.string().optional(),
    kontaktperson: z.string().optional(),
    etikett: z.enum(['SOKNAD_SENDT', 'INNKALT_TIL_INTERVJU', 'AVSLAG', 'JOBBTILBUD']).optional(),
    antallStillingerSokes: z.number().int().min(0).optional(),
    antallStillingerIUken: z.number().int().min(0).optional(),
    avtaleOppfolging: z.string().optional(),
    jobbStatus: z.enum(['HELTID', 'DELTID']).optional(),
    ansettelsesforhold: z.string().optional(),
    arbeidstid: z.string().optional(),
    behandlingType: z.string().optional(),
    behandlingSted: z.string().optional(),
    effekt: z.string().optional(),
    behandlingOppfolging: z.string().optional(),
    adresse: z.string().optional(),
    forberedelser: z.string().optional(),
    kanal: z.enum(['OPPMOTE', 'TELEFON', 'INTERNETT']).optional(),
    referat: z.string().max(5000).optional(),
  })
  .refine((a) => a.type !== 'SAMTALEREFERAT' || a.tittel.length <= 100, {
    message: 'Tittel på samtalereferat kan være maks 100 tegn',
    path: ['tittel'],
  });
export type NyAktivitet = z.infer<typeof nyAktivitetSchema>;

/** AktivitetEndringDTO: the activity as last read with the new status. */
export const aktivitetEndringSchema = z.looseObject({
  id: numericIdSchema,
  versjon: numericIdSchema,
  status: aktivitetStatusSchema,
  avsluttetKommentar: z.string().max(255).optional(),
});

/** ReferatEndringDTO. */
export const referatEndringSchema = z.looseObject({
  id: numericIdSchema,
  versjon: numericIdSchema,
  referat: z.string().max(5000),
});

/** NyMeldingDTO. */
export const nyMeldingSchema = z.object({
  tekst: z.string().min(1),
  dialogId: numericIdSchema.optional(),
  overskrift: z.string().optional(),
  aktivitetId: numericIdSchema.optional(),
  venterPaaSvarFraNav: z.boolean().optional(),
  venterPaaSvarFraBruker: z.boolean().optional(),
  fnr: fnrSchema.optional(),
});
export type NyMelding = z.infer<typeof nyMeldingSchema>;

/** Query of veilarbportefolje's caseload. */
export const portefoljeQuerySchema = z.object({
  enhet: enhetIdSchema,
  fra: z.coerce.number().int().min(0).default(0),
  antall: z.coerce.number().int().min(1).max(10000).default(20),
  sortDirection: z.enum(['ikke_satt', 'ascending', 'descending']),
  sortField: z.enum(['ikke_satt', 'etternavn', 'fodselsnummer', 'oppfolging_startet', 'tildelt_tidspunkt']),
});

export const innsatsgruppeSchema = z.enum([
  'STANDARD_INNSATS',
  'SITUASJONSBESTEMT_INNSATS',
  'SPESIELT_TILPASSET_INNSATS',
  'GRADERT_VARIG_TILPASSET_INNSATS',
  'VARIG_TILPASSET_INNSATS',
]);

/** Filtervalg (the subset the contract keeps; other filter fields are ignored). */
export const filtervalgSchema = z.looseObject({
  ferdigfilterListe: z
    .array(z.enum(['UFORDELTE_BRUKERE', 'NYE_BRUKERE_FOR_VEILEDER', 'VENTER_PA_SVAR_FRA_NAV', 'VENTER_PA_SVAR_FRA_BRUKER', 'UDELT_SAMTALEREFERAT']))
    .optional(),
  navnEllerFnrQuery: z.string().optional(),
  innsatsgruppeGjeldendeVedtak14a: z.array(innsatsgruppeSchema).optional(),
});
export type Filtervalg = z.infer<typeof filtervalgSchema>;

const uuid = z.uuid();
/** One poao-tilgang request; the input's shape must be the one its policy takes. */
export const policyRequestSchema = z.discriminatedUnion('policyId', [
  z.object({
    requestId: uuid,
    policyId: z.literal('NAV_ANSATT_TILGANG_TIL_EKSTERN_BRUKER_V2'),
    policyInput: z.strictObject({ navAnsattAzureId: uuid, tilgangType: z.enum(['LESE', 'SKRIVE']), norskIdent: fnrSchema }),
  }),
  z.object({
    requestId: uuid,
    policyId: z.enum(['NAV_ANSATT_NAV_IDENT_LESETILGANG_TIL_EKSTERN_BRUKER_V1', 'NAV_ANSATT_NAV_IDENT_SKRIVETILGANG_TIL_EKSTERN_BRUKER_V1']),
    policyInput: z.strictObject({ navIdent: navIdentSchema, norskIdent: fnrSchema }),
  }),
  z.object({
    requestId: uuid,
    policyId: z.literal('NAV_ANSATT_TILGANG_TIL_NAV_ENHET_V1'),
    policyInput: z.strictObject({ navAnsattAzureId: uuid, navEnhetId: enhetIdSchema }),
  }),
  z.object({
    requestId: uuid,
    policyId: z.literal('NAV_ANSATT_BEHANDLE_SKJERMEDE_PERSONER_V1'),
    // The contract names this policy without an input schema; poao-tilgang's own input is the employee alone.
    policyInput: z.strictObject({ navAnsattAzureId: uuid }),
  }),
]);
export type PolicyRequest = z.infer<typeof policyRequestSchema>;

export const evaluatePoliciesSchema = z.object({ requests: z.array(policyRequestSchema).min(1).max(1000) });
