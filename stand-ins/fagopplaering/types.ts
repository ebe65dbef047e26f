/** Record shapes of the fagopplæring contract (fagopplaering.openapi.yaml components), as fixture and API hold them. */

/** VENTER_PA_SAMTYKKE (contract extension): NAV asked for the person's digital consent; nothing is disclosed before it. */
export type KartleggingStatus = 'VENTER_PA_SAMTYKKE' | 'MOTTATT' | 'UNDER_BEHANDLING' | 'PLAN_SENDT' | 'AVSLUTTET' | 'TRUKKET';
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

/** The consent of a request: given when, how, covering what, withdrawn when, and registered by whom. */
export interface Samtykke {
  gittTidspunkt: string;
  metode: SamtykkeMetode;
  omfang: Omfang[];
  trukketTidspunkt: string | null;
  /** Who registered the consent (contract extension), from the token of the call that did (never from the body). */
  registrertAv: Aktor;
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
  /** The person's consent; null while the request awaits it (VENTER_PA_SAMTYKKE) and after the person declined it. */
  samtykke: Samtykke | null;
  /** What NAV asked the consent to cover (contract extension); the consent covers at most this. */
  etterspurtOmfang: Omfang[];
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
