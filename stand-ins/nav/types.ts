/**
 * Record shapes of the NAV fixture (stand-ins/fixtures/<set>/nav.json), in the contract's own field names.
 * Only the fields the stand-in reads are typed; the rest travel through unchanged.
 */
import type { FixtureMeta } from '../common/fixtures.ts';

export type AktivitetStatus = 'PLANLAGT' | 'GJENNOMFORES' | 'FULLFORT' | 'BRUKER_ER_INTERESSERT' | 'AVBRUTT';
export type Innsender = 'BRUKER' | 'ARBEIDSGIVER' | 'TILTAKSARRANGOER' | 'NAV' | 'SYSTEM' | 'ARENAIDENT';
export type Diskresjonskode = 'UGRADERT' | 'FORTROLIG' | 'STRENGT_FORTROLIG' | 'STRENGT_FORTROLIG_UTLAND';

export interface Enhet {
  enhetId: string;
  navn: string;
}

/** A NAV employee (veileder) and the access groups poao-tilgang reads. */
export interface Veileder {
  navIdent: string;
  /** Entra ID object id: poao-tilgang's `navAnsattAzureId`, the token's `oid`. */
  azureId: string;
  fornavn: string;
  etternavn: string;
  enhetId: string;
  tilganger: { skjermedePersoner: boolean; fortroligAdresse: boolean; strengtFortroligAdresse: boolean };
}

/** OppfolgingPeriodeDTO. */
export interface Oppfolgingsperiode {
  uuid: string;
  aktorId?: string | null;
  veileder?: string | null;
  startDato: string;
  sluttDato?: string | null;
  begrunnelse?: string | null;
  kvpPerioder: unknown[];
}

export interface Siste14aVedtak {
  innsatsgruppe: string;
  hovedmal?: string | null;
  fattetDato: string;
  fraArena: boolean;
}

export interface NavPerson {
  fnr: string;
  aktorId: string;
  fornavn: string;
  etternavn: string;
  fodselsdato: string;
  skjermet: boolean;
  diskresjonskode: Diskresjonskode;
  underOppfolging: boolean;
  veilederId: string | null;
  tildeltTidspunkt?: string | null;
  oppfolgingsenhet: Enhet;
  kanVarsles: boolean;
  reservasjonKRR: boolean;
  manuell: boolean;
  formidlingsgruppe?: string | null;
  servicegruppe?: string | null;
  hovedmaalkode?: string | null;
  oppfolgingsperioder: Oppfolgingsperiode[];
  siste14aVedtak?: Siste14aVedtak | null;
}

/** AktivitetDTO; type-specific fields are carried in the index signature. */
export interface Aktivitet {
  id: string;
  funksjonellId: string;
  versjon: string;
  tittel: string;
  type: string;
  status: AktivitetStatus;
  opprettetDato: string;
  endretDato: string;
  endretAv?: string | null;
  endretAvType?: Innsender;
  historisk: boolean;
  avtalt: boolean;
  transaksjonsType?: string;
  oppfolgingsperiodeId: string;
  avsluttetKommentar?: string | null;
  referat?: string | null;
  erReferatPublisert: boolean;
  [field: string]: unknown;
}

/** HenvendelseDTO: `lest` = read by the receiving side. */
export interface Henvendelse {
  id: string;
  dialogId: string;
  avsender: 'BRUKER' | 'VEILEDER';
  avsenderId: string | null;
  sendt: string;
  lest: boolean;
  viktig: boolean;
  tekst: string;
}

/** DialogDTO as a NAV employee sees it (`lest` = the person's messages read by NAV). */
export interface Dialog {
  id: string;
  aktivitetId: string | null;
  overskrift: string;
  sisteTekst: string | null;
  sisteDato: string | null;
  opprettetDato: string;
  historisk: boolean;
  lest: boolean;
  venterPaSvar: boolean;
  ferdigBehandlet: boolean;
  lestAvBrukerTidspunkt: string | null;
  erLestAvBruker: boolean;
  oppfolgingsperiode: string;
  henvendelser: Henvendelse[];
  egenskaper: string[];
}

/** nav.json as a whole. */
export interface NavFixture {
  meta: FixtureMeta;
  enheter: Enhet[];
  veiledere: Veileder[];
  personer: NavPerson[];
  aktiviteter: Aktivitet[];
  aktivitetVersjoner: Record<string, Aktivitet[]>;
  dialoger: Dialog[];
}
