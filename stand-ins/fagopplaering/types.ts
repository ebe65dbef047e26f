/** Record shapes of the fagopplæring contract (fagopplaering.openapi.yaml components), as fixture and API hold them. */

export type KartleggingStatus = 'MOTTATT' | 'UNDER_BEHANDLING' | 'PLAN_SENDT' | 'AVSLUTTET' | 'TRUKKET';
export type Omfang = 'FAG_OG_KARAKTERER' | 'PRAKSIS' | 'LAEREKONTRAKTER' | 'OPPLAERINGSPLAN_TIL_NAV';
export type SamtykkeMetode = 'MUNTLIG' | 'SKRIFTLIG' | 'DIGITAL';
export type Rute = 'LAERLING' | 'PRAKSISKANDIDAT' | 'FAGBREV_PA_JOBB' | 'VOKSENOPPLAERING';

export interface Radgiver {
  id: string;
  navn: string;
}

export interface Aktor {
  type: 'BRUKER' | 'NAV' | 'FAGOPPLAERING' | 'SYSTEM';
  id: string;
}

/** A trade in the Grep-like catalogue; the stand-in serves it as stored. */
export interface Laerefag {
  programomradekode: string;
  tittel: string;
  utdanningsprogram: { kode: string; tittel: string };
  [field: string]: unknown;
}

/** Completed subjects, practice and apprenticeship contracts of one person (records kept as stored). */
export interface PersonOpplaeringsdata {
  fnr: string;
  fag: unknown[];
  praksis: unknown[];
  laerekontrakter: unknown[];
}

export interface Samtykke {
  gittTidspunkt: string;
  metode: SamtykkeMetode;
  omfang: Omfang[];
  trukketTidspunkt: string | null;
}

export interface Veileder {
  navIdent: string;
  navn: string;
  enhetId: string;
  enhetNavn: string;
  epost?: string | null;
}

export interface Kartleggingsforesporsel {
  id: string;
  referanse: string;
  fnr: string;
  henvisendeVeileder: Veileder;
  onsketLaerefag: string[];
  beskrivelse: string;
  karrierenotatId?: string | null;
  samtykke: Samtykke;
  status: KartleggingStatus;
  statushistorikk: { status: KartleggingStatus; tidspunkt: string; utfortAv: Aktor }[];
  tildeltRadgiver: Radgiver | null;
  opplaeringsplanId: string | null;
  opprettet: string;
  sistEndret: string;
  versjon: number;
}

export interface PlanFag {
  fagkode: string;
  fagnavn: string;
  niva?: 'VG1' | 'VG2' | 'VG3' | null;
  grunnlag?: 'VITNEMAL' | 'KOMPETANSEBEVIS' | 'REALKOMPETANSE' | 'PRAKSIS' | null;
  opplaeringssted?: 'SKOLE' | 'BEDRIFT' | 'PRIVATIST' | 'VOKSENOPPLAERING' | null;
  merknad?: string | null;
}

export interface OpplaeringsplanInnhold {
  laerefagkode: string;
  rute: Rute;
  godkjenteFag: PlanFag[];
  gjenstaendeFag: PlanFag[];
  godkjentPraksisManeder?: number | null;
  estimertVarighetManeder: number;
  merknader: string;
}

export interface Opplaeringsplan extends OpplaeringsplanInnhold {
  id: string;
  kartleggingId: string;
  fnr: string;
  laerefagTittel: string;
  tentativ: true;
  status: 'UTKAST' | 'SENDT';
  utarbeidetAv: Radgiver;
  opprettet: string;
  sistEndret: string;
  sendt: { tidspunkt: string; digipostMessageId: string; kanal: 'DIGIPOST' | 'PRINT' } | null;
  versjon: number;
}
