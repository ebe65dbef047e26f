/**
 * Records of the Karrieresenter booking system, in the contract's own shape
 * (components/schemas of stand-ins/contracts/karrieresenter.openapi.yaml).
 */
export type Mode = 'OPPMOTE' | 'TELEFON' | 'DIGITAL';
export type BookingStatus = 'BOOKET' | 'AVLYST' | 'GJENNOMFORT' | 'IKKE_MOTT';
export type ActorType = 'BRUKER' | 'NAV' | 'KARRIERESENTER';
export type ConsentMethod = 'DIGITAL' | 'MUNTLIG' | 'SKRIFTLIG';
export type NoteStatus = 'UTKAST' | 'FERDIGSTILT';

export interface Address {
  street: string;
  postalCode: string;
  postalTown: string;
}

export interface Centre {
  id: string;
  name: string;
  address: Address;
  municipality: { number: string; name: string };
  homepage: string;
  email?: string;
  phone?: string;
  modesOffered: Mode[];
}

export interface Counsellor {
  id: string;
  name: string;
  centreId: string;
  languages?: string[];
}

export interface Slot {
  id: string;
  centreId: string;
  counsellorId: string;
  start: string;
  durationMinutes: 45;
  modes: Mode[];
}

export interface PersonContact {
  fnr: string;
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
}

export interface NavAdvisor {
  navIdent: string;
  name: string;
  email?: string;
}

export interface BookedBy {
  type: 'BRUKER' | 'NAV';
  navIdent?: string;
}

export interface Location {
  mode: Mode;
  address?: Address;
  room?: string;
  meetingUrl?: string;
  phoneInstructions?: string;
}

export interface Cancellation {
  cancelledAt: string;
  cancelledBy: ActorType;
  navIdent?: string;
  reason?: string | null;
}

export interface Booking {
  id: string;
  reference: string;
  centreId: string;
  slotId: string;
  counsellorId: string;
  person: PersonContact;
  start: string;
  durationMinutes: 45;
  mode: Mode;
  location: Location;
  courseId: string;
  sessionNumber: number;
  bookedBy: BookedBy;
  navAdvisorAttending?: NavAdvisor | null;
  referredByNav: boolean;
  visibleToNav: boolean;
  messageToCounsellor?: string | null;
  status: BookingStatus;
  cancellation?: Cancellation | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export type NotificationType = 'BEKREFTELSE' | 'PAMINNELSE' | 'AVBESTILLING';
export type NotificationStatus = 'PLANLAGT' | 'SENDT' | 'FEILET' | 'KANSELLERT';

export interface NotificationContent {
  subject: string;
  location: Location;
  start?: string;
  reflectionQuestions?: string[];
  homepageUrl: string;
  cancellationUrl: string;
}

export interface Notification {
  id: string;
  bookingId: string;
  type: NotificationType;
  channel: 'EPOST' | 'SMS';
  recipient: string;
  scheduledFor: string;
  sentAt: string | null;
  status: NotificationStatus;
  content: NotificationContent;
}

export interface NoteSections {
  schoolAndWorkExperience: string;
  interests: string;
  skillsUsedAndDeveloped: string;
  motivationAndMasteryFactors: string;
  values: string;
  needs: string;
  wayForward: string;
  tipsForFurtherExploration: string;
  questionsForNavOrTraining: string;
}

export interface Note {
  id: string;
  owner: { type: 'PERSON'; fnr: string };
  courseId: string;
  bookingIds: string[];
  centreId: string;
  counsellorId: string;
  status: NoteStatus;
  sections: NoteSections;
  createdAt: string;
  updatedAt: string;
  finalizedAt: string | null;
  version: number;
}

export interface ShareGrant {
  id: string;
  noteId: string;
  grantee: 'NAV';
  purpose: string;
  givenAt: string;
  withdrawnAt: string | null;
  method: ConsentMethod;
  registeredBy: { type: 'BRUKER' | 'KARRIERESENTER'; counsellorId?: string };
}

/** A record a search matched that the caller's rule withheld (contract extension, WithheldRecord): id and reason only. */
export interface WithheldRecord {
  id: string;
  reason: 'NOT_SHARED' | 'SHARING_WITHDRAWN' | 'NOT_VISIBLE_TO_NAV' | 'OTHER_CENTRE';
  grantId?: string;
}
