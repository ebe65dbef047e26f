import { createHash, randomUUID } from 'node:crypto';
import { osloWallClock, toOsloIso } from '../../lib/time.ts';
import type { Booking, Centre, Notification, NotificationType } from './types.ts';

/** Public base of the booking system (Teams links, cancellation links, problem types). */
export const KS_BASE = 'https://karrieresenter.simulator.trondelagsmodellen.test';

/** The three reflection questions every confirmation carries (Trøndelag model). */
export const REFLECTION_QUESTIONS = [
  'Hva liker du å holde på med, i jobb, på skolen eller på fritiden?',
  'Hvilke erfaringer er du stolt av, og hva lærte du av dem?',
  'Hva er viktig for deg i en fremtidig jobb?',
];

const DAY_MS = 24 * 60 * 60 * 1000;
const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];
const pad = (n: number) => String(n).padStart(2, '0');

/** "3. desember 2026 kl. 13:30" in Oslo time, as the e-mails write it. */
function humanStart(iso: string): string {
  const w = osloWallClock(new Date(iso));
  return `${w.day}. ${MONTHS[w.month - 1]} ${w.year} kl. ${pad(w.hour)}:${pad(w.minute)}`;
}

function clock(iso: string): string {
  const w = osloWallClock(new Date(iso));
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** A one-click link that does not reveal the booking id. */
function cancellationUrl(bookingId: string): string {
  return `${KS_BASE}/avbestill/${createHash('sha256').update(bookingId).digest('base64url').slice(0, 13).toLowerCase()}`;
}

function notification(booking: Booking, centre: Centre, type: NotificationType, scheduledFor: string, sent: boolean): Notification {
  const subject =
    type === 'BEKREFTELSE'
      ? `Bekreftelse: karriereveiledning ${humanStart(booking.start)}`
      : type === 'PAMINNELSE'
        ? `Påminnelse: karriereveiledning i morgen ${clock(booking.start)}`
        : `Avbestilt: karriereveiledning ${humanStart(booking.start)}`;
  return {
    id: randomUUID(),
    bookingId: booking.id,
    type,
    channel: 'EPOST',
    recipient: booking.person.email,
    scheduledFor,
    sentAt: sent ? scheduledFor : null,
    status: sent ? 'SENDT' : 'PLANLAGT',
    content: {
      subject,
      location: booking.location,
      start: booking.start,
      ...(type === 'BEKREFTELSE' ? { reflectionQuestions: [...REFLECTION_QUESTIONS] } : {}),
      homepageUrl: centre.homepage,
      cancellationUrl: cancellationUrl(booking.id),
    },
  };
}

/**
 * The notifications of a new booking: the confirmation, sent at once, and a reminder exactly 24 hours before
 * start — none when the session starts within 24 hours.
 */
export function notificationsForNewBooking(booking: Booking, centre: Centre, now: Date): Notification[] {
  const out = [notification(booking, centre, 'BEKREFTELSE', toOsloIso(now), true)];
  const remindAt = Date.parse(booking.start) - DAY_MS;
  if (remindAt > now.getTime()) out.push(notification(booking, centre, 'PAMINNELSE', toOsloIso(new Date(remindAt)), false));
  return out;
}

/** The cancellation receipt, sent at once. */
export function cancellationNotification(booking: Booking, centre: Centre, now: Date): Notification {
  return notification(booking, centre, 'AVBESTILLING', toOsloIso(now), true);
}

/**
 * A notification as it stands at `now`: a PLANLAGT one whose time has come has been sent (the mailer sends at
 * `scheduledFor`), so it reads SENDT with `sentAt`.
 */
export function notificationAt(n: Notification, now: Date): Notification {
  if (n.status === 'PLANLAGT' && Date.parse(n.scheduledFor) <= now.getTime()) return { ...n, status: 'SENDT', sentAt: n.scheduledFor };
  return n;
}

/** Cancels the reminders of a booking that have not gone out yet; returns how many. */
export function cancelPendingReminders(notifications: Notification[], bookingId: string, now: Date): number {
  let count = 0;
  for (const n of notifications) {
    if (n.bookingId === bookingId && n.type === 'PAMINNELSE' && notificationAt(n, now).status === 'PLANLAGT') {
      n.status = 'KANSELLERT';
      count++;
    }
  }
  return count;
}
