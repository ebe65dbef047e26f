/**
 * The nav subgraph's model: what the clients return and the resolvers serve. Domain names, not NAV's payload
 * names; every object holding personal data is marked with its subject (lib/consent/subject.ts) by the client
 * or resolver that makes it.
 */

/** A person as a key: the only thing Query.me, Query.person and _entities hand on. */
export interface PersonRef {
  ident: string;
}

export type Innsatsgruppe =
  | 'STANDARD_INNSATS'
  | 'SITUASJONSBESTEMT_INNSATS'
  | 'SPESIELT_TILPASSET_INNSATS'
  | 'GRADERT_VARIG_TILPASSET_INNSATS'
  | 'VARIG_TILPASSET_INNSATS';
export type MainGoal = 'SKAFFE_ARBEID' | 'BEHOLDE_ARBEID' | 'OKE_DELTAKELSE';
export type ActivityType = 'EGEN' | 'STILLING' | 'SOKEAVTALE' | 'IJOBB' | 'BEHANDLING' | 'MOTE' | 'SAMTALEREFERAT' | 'STILLING_FRA_NAV' | 'EKSTERNAKTIVITET';
export type ActivityStatus = 'PLANLAGT' | 'GJENNOMFORES' | 'FULLFORT' | 'BRUKER_ER_INTERESSERT' | 'AVBRUTT';
export type MeetingChannel = 'OPPMOTE' | 'TELEFON' | 'INTERNETT';
export type DialogueSender = 'BRUKER' | 'VEILEDER';

/** The open follow-up period and the status flags veilarboppfolging keeps with it. */
export interface FollowUp {
  /** The person followed up (for the office, advisor and § 14 a look-ups behind it). */
  ident: string;
  periodId: string;
  startedAt: Date;
  canBeNotified: boolean;
  manualFollowUp: boolean;
  reservedAgainstDigitalContact: boolean;
}

/** The latest § 14 a decision (veilarbvedtaksstotte). */
export interface Decision14a {
  innsatsgruppe: Innsatsgruppe;
  mainGoal: MainGoal | null;
  decidedAt: Date;
}

export interface NavAdvisor {
  navIdent: string;
}

export interface NavOffice {
  id: string;
  name: string;
}

/** Who follows the person up: office and advisor (veilarboppfolging), each null when unknown. */
export interface OfficeAndAdvisor {
  office: NavOffice | null;
  advisor: NavAdvisor | null;
}

/** The person's activity plan; its activities are read when asked for. */
export interface ActivityPlan {
  ident: string;
}

/** The summary of a MOTE or SAMTALEREFERAT activity, as NAV stores it (who may read the text is decided later). */
export interface MeetingSummaryRecord {
  channel: MeetingChannel | null;
  /** Null when not written, or when veilarbaktivitet withheld it from the caller. */
  text: string | null;
  /** erReferatPublisert: shared with the person. */
  published: boolean;
}

export interface Activity {
  /** The person who owns the activity's follow-up period. */
  ownerIdent: string;
  id: string;
  version: string;
  title: string;
  description: string | null;
  type: ActivityType;
  status: ActivityStatus;
  /** Oslo calendar dates (YYYY-MM-DD). */
  fromDate: string | null;
  toDate: string | null;
  agreedWithNav: boolean;
  historic: boolean;
  changedAt: Date;
  periodId: string;
  meetingSummary: MeetingSummaryRecord | null;
}

export interface DialogueMessage {
  id: string;
  sender: DialogueSender;
  sentAt: Date;
  text: string;
  readByRecipient: boolean;
}

/** A thread with both sides' flags; unread counts and "waiting for reply" depend on who asks (resolvers). */
export interface DialogueThread {
  id: string;
  /** The activity the thread belongs to; null for a free thread. */
  activityId: string | null;
  subject: string;
  historic: boolean;
  /** venterPaSvar: NAV waits for an answer from the person. */
  awaitingReplyFromPerson: boolean;
  /** !ferdigBehandlet: the person waits for an answer from NAV. */
  awaitingReplyFromNav: boolean;
  /** Oldest first. */
  messages: DialogueMessage[];
}
