import type { Personal } from '../../lib/consent/subject.ts';

/**
 * What the resolvers work with: the schema's types as mapped from the Karrieresenter's payloads (map.ts).
 * Objects holding personal data are `Personal` (marked with their subject's ident, lib/consent/subject.ts).
 */

export type GuidanceMode = 'IN_PERSON' | 'PHONE' | 'DIGITAL';
export type GuidanceBookingStatus = 'BOOKED' | 'CANCELLED' | 'COMPLETED' | 'NO_SHOW';
export type GuidanceBookedBy = 'CITIZEN' | 'NAV_ADVISOR';
export type NotificationStatus = 'SCHEDULED' | 'SENT' | 'FAILED' | 'CANCELLED';
export type CareerNoteStatus = 'DRAFT' | 'FINAL';

/** The entity's key: the other subgraphs resolve the rest of the person. */
export interface PersonRef extends Personal {
  ident: string;
}

export interface CareerCentre {
  id: string;
  name: string;
  municipality: string;
  modes: GuidanceMode[];
  homepageUrl: string;
}

/** A reference to a centre; the name and the rest are read from the centre list when asked for. */
export interface CentreRef {
  id: string;
}

export interface GuidanceBooking extends Personal {
  id: string;
  startsAt: Date;
  durationMinutes: number;
  mode: GuidanceMode;
  status: GuidanceBookingStatus;
  sequence: number;
  navAdvisorAttends: boolean;
  bookedBy: GuidanceBookedBy;
  centre: CentreRef;
  /** The person lets NAV see the session (not in the schema: the row rule reads it, rows.ts). */
  visibleToNav: boolean;
}

export interface GuidanceConfirmation extends Personal {
  sentAt: Date | null;
  location: string;
  reflectionQuestions: string[];
  homepageUrl: string;
  cancellationUrl: string;
}

export interface GuidanceReminder extends Personal {
  scheduledFor: Date;
  sentAt: Date | null;
  status: NotificationStatus;
}

export interface CareerNoteContent extends Personal {
  educationAndWorkExperience: string;
  interests: string;
  strengths: string;
  motivationAndMastery: string;
  values: string;
  needs: string;
  wayForward: string;
  explorationTips: string;
  questionsForNavOrTraining: string;
}

export interface CareerNote extends Personal {
  id: string;
  writtenAt: Date;
  finalizedAt: Date | null;
  status: CareerNoteStatus;
  /** The booking system's version (its ETag), for optimistic concurrency on edits. */
  version: number;
  centre: CentreRef;
  content: CareerNoteContent;
}

export interface AvailableSlot {
  id: string;
  startsAt: Date;
  durationMinutes: number;
  modes: GuidanceMode[];
  centre: CentreRef;
}
