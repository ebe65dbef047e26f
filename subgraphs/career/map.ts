import { personal } from '../../lib/consent/subject.ts';
import type {
  ContractBooking,
  ContractCentre,
  ContractLocation,
  ContractMode,
  ContractNote,
  ContractNotification,
  ContractSlot,
} from './clients/karrieresenter.schemas.ts';
import type {
  AvailableSlot,
  CareerCentre,
  CareerNote,
  GuidanceBooking,
  GuidanceBookingStatus,
  GuidanceConfirmation,
  GuidanceMode,
  GuidanceReminder,
  NotificationStatus,
} from './model.ts';

/** The Karrieresenter's Norwegian enum values, as the graph's English ones. */
const MODES: Record<ContractMode, GuidanceMode> = { OPPMOTE: 'IN_PERSON', TELEFON: 'PHONE', DIGITAL: 'DIGITAL' };
const CONTRACT_MODES = Object.fromEntries(Object.entries(MODES).map(([k, v]) => [v, k])) as Record<GuidanceMode, ContractMode>;
const BOOKING_STATUSES: Record<ContractBooking['status'], GuidanceBookingStatus> = {
  BOOKET: 'BOOKED',
  AVLYST: 'CANCELLED',
  GJENNOMFORT: 'COMPLETED',
  IKKE_MOTT: 'NO_SHOW',
};
const NOTIFICATION_STATUSES: Record<ContractNotification['status'], NotificationStatus> = {
  PLANLAGT: 'SCHEDULED',
  SENDT: 'SENT',
  FEILET: 'FAILED',
  KANSELLERT: 'CANCELLED',
};

/** OPPMOTE/TELEFON/DIGITAL as IN_PERSON/PHONE/DIGITAL. */
export const toMode = (mode: ContractMode): GuidanceMode => MODES[mode];
/** The graph's mode as the booking system's, for queries. */
export const toContractMode = (mode: GuidanceMode): ContractMode => CONTRACT_MODES[mode];

/** A centre: its municipality by name, its modes in the graph's terms. */
export function toCentre(centre: ContractCentre): CareerCentre {
  return {
    id: centre.id,
    name: centre.name,
    municipality: centre.municipality.name,
    modes: centre.modesOffered.map(toMode),
    homepageUrl: centre.homepage,
  };
}

/** A free slot, with its centre as a reference. */
export function toSlot(slot: ContractSlot): AvailableSlot {
  return { id: slot.id, startsAt: new Date(slot.start), durationMinutes: slot.durationMinutes, modes: slot.modes.map(toMode), centre: { id: slot.centreId } };
}

/** A booking about its person; the subject is the booking's own person, not whoever was asked for. */
export function toBooking(booking: ContractBooking): GuidanceBooking {
  return personal(booking.person.fnr, {
    id: booking.id,
    startsAt: new Date(booking.start),
    durationMinutes: booking.durationMinutes,
    mode: toMode(booking.mode),
    status: BOOKING_STATUSES[booking.status],
    sequence: booking.sessionNumber,
    navAdvisorAttends: booking.navAdvisorAttending != null,
    bookedBy: booking.bookedBy.type === 'NAV' ? 'NAV_ADVISOR' : 'CITIZEN',
    centre: { id: booking.centreId },
    visibleToNav: booking.visibleToNav,
  });
}

/** The latest notification of a type: a booking has one confirmation and one reminder, but never trust "one". */
function latest(notifications: readonly ContractNotification[], type: ContractNotification['type']): ContractNotification | undefined {
  return notifications
    .filter((n) => n.type === type)
    .sort((a, b) => new Date(a.scheduledFor).getTime() - new Date(b.scheduledFor).getTime())
    .at(-1);
}

/** The booking's confirmation (BEKREFTELSE) about `subject`, or null when none exists. */
export function toConfirmation(subject: string, notifications: readonly ContractNotification[]): GuidanceConfirmation | null {
  const confirmation = latest(notifications, 'BEKREFTELSE');
  if (!confirmation) return null;
  return personal(subject, {
    sentAt: confirmation.sentAt === null ? null : new Date(confirmation.sentAt),
    location: describeLocation(confirmation.content.location),
    reflectionQuestions: confirmation.content.reflectionQuestions ?? [],
    homepageUrl: confirmation.content.homepageUrl,
    cancellationUrl: confirmation.content.cancellationUrl,
  });
}

/** The booking's reminder (PAMINNELSE) about `subject`, or null when none is scheduled. */
export function toReminder(subject: string, notifications: readonly ContractNotification[]): GuidanceReminder | null {
  const reminder = latest(notifications, 'PAMINNELSE');
  if (!reminder) return null;
  return personal(subject, {
    scheduledFor: new Date(reminder.scheduledFor),
    sentAt: reminder.sentAt === null ? null : new Date(reminder.sentAt),
    status: NOTIFICATION_STATUSES[reminder.status],
  });
}

/** Where to meet, as the confirmation tells the person: address and room, the meeting link, or the phone arrangement. */
export function describeLocation(location: ContractLocation): string {
  switch (location.mode) {
    case 'OPPMOTE': {
      const a = location.address;
      const parts = [a ? `${a.street}, ${a.postalCode} ${a.postalTown}` : undefined, location.room].filter(Boolean);
      return parts.join(', ');
    }
    case 'DIGITAL':
      return location.meetingUrl ?? '';
    case 'TELEFON':
      return location.phoneInstructions ?? '';
  }
}

/** A note about its owner: the person owns the note, whoever wrote it. */
export function toNote(note: ContractNote): CareerNote {
  const subject = note.owner.fnr;
  const s = note.sections;
  return personal(subject, {
    id: note.id,
    writtenAt: new Date(note.createdAt),
    finalizedAt: note.finalizedAt === null ? null : new Date(note.finalizedAt),
    status: note.status === 'FERDIGSTILT' ? 'FINAL' : 'DRAFT',
    version: note.version,
    centre: { id: note.centreId },
    content: personal(subject, {
      educationAndWorkExperience: s.schoolAndWorkExperience,
      interests: s.interests,
      strengths: s.skillsUsedAndDeveloped,
      motivationAndMastery: s.motivationAndMasteryFactors,
      values: s.values,
      needs: s.needs,
      wayForward: s.wayForward,
      explorationTips: s.tipsForFurtherExploration,
      questionsForNavOrTraining: s.questionsForNavOrTraining,
    }),
  });
}
