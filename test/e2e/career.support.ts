import { randomUUID } from 'node:crypto';
import type { Caller } from '../../lib/auth/caller.ts';
import type { Stack } from '../../stack/index.ts';
import { operationText } from '../support/fixtures.ts';

/** Helpers of the career end-to-end tests: the clients' own operations, callers, and the stand-in's state. */

export const op = {
  bookGuidance: operationText('citizen.graphql', 'BookGuidance'),
  bookOnBehalf: operationText('nav-advisor.graphql', 'BookGuidanceOnBehalf'),
  cancel: operationText('citizen.graphql', 'CancelGuidanceBooking'),
  share: operationText('citizen.graphql', 'ShareCareerNote'),
  withdraw: operationText('citizen.graphql', 'WithdrawCareerNoteSharing'),
  overview: operationText('citizen.graphql', 'CitizenOverview'),
  slots: operationText('citizen.graphql', 'AvailableSlots'),
  counsellorDay: operationText('career-counsellor.graphql', 'CounsellorDay'),
  writeNote: operationText('career-counsellor.graphql', 'WriteCareerNote'),
  complete: operationText('career-counsellor.graphql', 'CompleteGuidanceSession'),
};

export const citizen = (ident: string): Caller => ({ role: 'citizen', ident });
export const counsellorAt = (counsellorId: string, centreId: string): Caller => ({ role: 'career-counsellor', counsellorId, centreId });

/** A booking input as a client sends it; `overrides` change single fields. */
export function bookingInput(ident: string, slotId: string, mode: string, overrides: Record<string, unknown> = {}) {
  return {
    ident,
    slotId,
    mode,
    contact: { firstName: 'Test', lastName: 'Person', email: 'test.person@example.com', phone: '+4791234567' },
    idempotencyKey: randomUUID(),
    ...overrides,
  };
}

/** The nine sections, each saying which it is. */
export const noteContent = (text: string) => ({
  educationAndWorkExperience: `${text}: skole og arbeid`,
  interests: `${text}: interesser`,
  strengths: `${text}: egenskaper`,
  motivationAndMastery: `${text}: motivasjon`,
  values: `${text}: verdier`,
  needs: `${text}: behov`,
  wayForward: `${text}: veien videre`,
  explorationTips: `${text}: tips`,
  questionsForNavOrTraining: `${text}: spørsmål`,
});

/** Everything the Karrieresenter stand-in holds that a change could touch, as one comparable string. */
export function karrieresenterSnapshot(stack: Stack): string {
  const s = stack.upstreams.karrieresenter.state;
  return JSON.stringify({ bookings: [...s.bookings.values()], notifications: s.notifications, notes: [...s.notes.values()], grants: s.shareGrants });
}

/** The Mode enum of the contract as the graph's. */
export const GRAPH_MODE: Record<string, string> = { OPPMOTE: 'IN_PERSON', TELEFON: 'PHONE', DIGITAL: 'DIGITAL' };
export const DAY_MS = 24 * 60 * 60 * 1000;
