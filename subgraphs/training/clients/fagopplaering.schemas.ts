import { z } from 'zod';

/**
 * zod schemas of exactly what fagopplaering.openapi.yaml promises in its 2xx bodies (components/schemas). A body
 * outside them is a contract violation, never guessed at.
 */

const fnr = z.string().regex(/^[0-9]{11}$/);
const fagkode = z.string().regex(/^[A-Z]{3}[0-9]{4}$/);
const programomradekode = z.string().regex(/^[A-Z]{5}[0-9]-{4}$/);
const radgiverId = z.string().regex(/^FR-[0-9]{2}$/);
const isoDate = z.iso.date();
const isoDateTime = z.iso.datetime({ offset: true });
const niva = z.enum(['VG1', 'VG2', 'VG3']);
const fagtype = z.enum(['FF', 'FP', 'VP', 'PF', 'UP']);
const karakter = z.enum(['1', '2', '3', '4', '5', '6', 'B', 'BM', 'IB', 'D', 'F', 'R', 'GK', 'IV', '-']).nullable();
const rute = z.enum(['LAERLING', 'PRAKSISKANDIDAT', 'FAGBREV_PA_JOBB', 'VOKSENOPPLAERING']);
const omfang = z.enum(['FAG_OG_KARAKTERER', 'PRAKSIS', 'LAEREKONTRAKTER', 'OPPLAERINGSPLAN_TIL_NAV']);
const aktor = z.object({ type: z.enum(['BRUKER', 'NAV', 'FAGOPPLAERING', 'SYSTEM']), id: z.string() });

export const kartleggingStatus = z.enum(['VENTER_PA_SAMTYKKE', 'MOTTATT', 'UNDER_BEHANDLING', 'PLAN_SENDT', 'AVSLUTTET', 'TRUKKET']);
export type KartleggingStatus = z.infer<typeof kartleggingStatus>;
export type Aktor = z.infer<typeof aktor>;
export type Omfang = z.infer<typeof omfang>;

/** FullfortFag: one NVB subject record. */
export const fullfortFag = z.object({
  fagkode,
  fagnavn: z.string(),
  fagtype,
  programomradekode,
  niva,
  karakterStandpunkt: karakter,
  karakterEksamen: karakter,
  omfangArstimer: z.number().int().min(0).nullish(),
  termin: z.enum(['V', 'H']),
  aar: z.number().int().min(1990).max(2100),
  status: z.enum(['E', 'P']),
  bestatt: z.boolean(),
});
export type FullfortFag = z.infer<typeof fullfortFag>;

const virksomhet = z.object({ navn: z.string(), organisasjonsnummer: z.string().regex(/^[0-9]{9}$/).nullish() });

/** Praksis: a period of relevant work experience. */
export const praksis = z.object({
  id: z.uuid(),
  arbeidsgiver: virksomhet,
  yrke: z.string(),
  yrkeskode: z.string().regex(/^[0-9]{4}$/).nullish(),
  relevantLaerefag: programomradekode.nullish(),
  fra: isoDate,
  til: isoDate.nullable(),
  stillingsprosent: z.number().int().min(1).max(100),
  dokumentert: z.boolean(),
  dokumentasjon: z.enum(['ATTEST', 'ARBEIDSAVTALE', 'AA_REGISTERET', 'EGENERKLAERING']).nullish(),
});
export type Praksis = z.infer<typeof praksis>;

/** Laerekontrakt: an apprenticeship or training contract. */
export const laerekontrakt = z.object({
  id: z.uuid(),
  laerefagkode: programomradekode,
  laerebedrift: virksomhet,
  opplaeringskontor: z.string().nullish(),
  kontraktstype: z.enum(['LAEREKONTRAKT', 'OPPLAERINGSKONTRAKT', 'KANDIDATKONTRAKT']),
  startdato: isoDate,
  sluttdato: isoDate,
  status: z.enum(['AKTIV', 'FULLFORT', 'HEVET']),
  hevetDato: isoDate.nullish(),
});
export type Laerekontrakt = z.infer<typeof laerekontrakt>;

/** PersonOpplaeringsdata: one person's records. */
export const personOpplaeringsdata = z.object({
  fnr,
  fag: z.array(fullfortFag),
  praksis: z.array(praksis),
  laerekontrakter: z.array(laerekontrakt),
});
export type PersonOpplaeringsdata = z.infer<typeof personOpplaeringsdata>;

/** 200 of POST /personer/opplaeringsdata/sok (sokOpplaeringsdata). */
export const sokOpplaeringsdataResponse = z.object({
  personer: z.array(personOpplaeringsdata),
  ikkeFunnet: z.array(fnr),
  ikkeTilgang: z.array(fnr),
});

const laereplanFag = z.object({
  fagkode,
  tittel: z.string(),
  fagtype,
  kunForPrivatister: z.boolean().default(false),
  tverrfagligEksamen: z.boolean().default(false),
});
export type LaereplanFag = z.infer<typeof laereplanFag>;

/** Laerefag: a trade of the Grep catalogue. */
export const laerefag = z.object({
  programomradekode,
  tittel: z.string(),
  yrkestittel: z.string(),
  sluttkompetanse: z.enum(['FAGBREV', 'SVENNEBREV']),
  utdanningsprogram: z.object({ kode: z.string().regex(/^[A-Z]{2}$/), tittel: z.string() }),
  lop: z.array(
    z.object({
      niva,
      programomradekode,
      tittel: z.string(),
      laereplankode: z.string().nullish(),
      opplaeringssted: z.enum(['SKOLE', 'BEDRIFT']).optional(),
      fag: z.array(laereplanFag),
    }),
  ),
  fellesfag: z.array(laereplanFag).optional(),
  ruter: z.array(rute),
  laretidManeder: z.number().int(),
  kravPraksisManeder: z.number().int(),
  grepUri: z.url().optional(),
});
export type Laerefag = z.infer<typeof laerefag>;

/** 200 of GET /laereplan/laerefag (listLaerefag). */
export const listLaerefagResponse = z.array(laerefag);

const radgiver = z.object({ id: radgiverId, navn: z.string() });

/** Kartleggingsforesporsel: a skills-mapping request with its consent. */
export const kartleggingsforesporsel = z.object({
  id: z.uuid(),
  referanse: z.string().regex(/^KF-[0-9]{4}-[0-9]{6}$/),
  fnr,
  henvisendeVeileder: z.object({
    navIdent: z.string().regex(/^[A-Z][0-9]{6}$/),
    navn: z.string(),
    enhetId: z.string().regex(/^[0-9]{4}$/),
    enhetNavn: z.string(),
    epost: z.email().nullish(),
  }),
  onsketLaerefag: z.array(programomradekode),
  beskrivelse: z.string().max(4000),
  karrierenotatId: z.uuid().nullish(),
  // Null while the request awaits the person's digital consent (VENTER_PA_SAMTYKKE) and after they declined it.
  samtykke: z
    .object({
      gittTidspunkt: isoDateTime,
      metode: z.enum(['MUNTLIG', 'SKRIFTLIG', 'DIGITAL']),
      omfang: z.array(omfang).min(1),
      trukketTidspunkt: isoDateTime.nullable(),
      // v1.1: in every answer (stored records without it are filled in by the system).
      registrertAv: aktor,
    })
    .nullable(),
  etterspurtOmfang: z.array(omfang),
  status: kartleggingStatus,
  statushistorikk: z.array(z.object({ status: kartleggingStatus, tidspunkt: isoDateTime, utfortAv: aktor })),
  tildeltRadgiver: radgiver.nullable(),
  opplaeringsplanId: z.uuid().nullable(),
  opprettet: isoDateTime,
  sistEndret: isoDateTime,
  versjon: z.number().int().min(1),
});
export type Kartleggingsforesporsel = z.infer<typeof kartleggingsforesporsel>;

/** 200 of POST /kartlegginger/sok (sokKartleggingsforesporsler). */
export const sokKartleggingerResponse = z.object({ kartlegginger: z.array(kartleggingsforesporsel) });

const planFag = z.object({
  fagkode,
  fagnavn: z.string(),
  niva: niva.nullish(),
  grunnlag: z.enum(['VITNEMAL', 'KOMPETANSEBEVIS', 'REALKOMPETANSE', 'PRAKSIS']).nullish(),
  opplaeringssted: z.enum(['SKOLE', 'BEDRIFT', 'PRIVATIST', 'VOKSENOPPLAERING']).nullish(),
  merknad: z.string().max(500).nullish(),
});
export type PlanFag = z.infer<typeof planFag>;

/** Opplaeringsplan: a tentative training plan. */
export const opplaeringsplan = z.object({
  id: z.uuid(),
  kartleggingId: z.uuid(),
  fnr,
  laerefagkode: programomradekode,
  laerefagTittel: z.string(),
  rute,
  godkjenteFag: z.array(planFag),
  gjenstaendeFag: z.array(planFag),
  godkjentPraksisManeder: z.number().int().min(0).nullish(),
  estimertVarighetManeder: z.number().int().min(0).max(96),
  merknader: z.string().max(4000),
  tentativ: z.literal(true),
  status: z.enum(['UTKAST', 'SENDT']),
  utarbeidetAv: radgiver,
  opprettet: isoDateTime,
  sistEndret: isoDateTime,
  sendt: z
    .object({ tidspunkt: isoDateTime, digipostMessageId: z.uuid(), kanal: z.enum(['DIGIPOST', 'PRINT']) })
    .nullable(),
  versjon: z.number().int().min(1),
});
export type Opplaeringsplan = z.infer<typeof opplaeringsplan>;
