import type { Fixtures } from '../support/fixtures.ts';
import { operationText } from '../support/fixtures.ts';

/**
 * What ProgrammeStatistics must answer, derived from the fixture files as the systems store them (bookings, notes,
 * shareGrants, kartlegginger, opplaeringsplaner) — not from the systems' reports nor the graph's code — with this
 * file's own small implementation of the suppression rule stated in the schema (PublishedCount).
 */

type Json = Record<string, any>;

/** The client's operation, exactly as operations/partner-reporting.graphql sends it. */
export const PROGRAMME_STATISTICS = operationText('partner-reporting.graphql', 'ProgrammeStatistics');

/** A reporting client as the local issuer knows it. */
export const partner = { role: 'partner-reporting', clientId: 'partnerskap' } as const;

export interface Count {
  value: number | null;
  suppressed: boolean;
}

const osloMonth = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit' });
/** The Oslo month (YYYY-MM) of an instant. */
export const monthOf = (iso: string) => osloMonth.format(new Date(iso));
const within = (iso: string | null | undefined, from: string, to: string) => !!iso && monthOf(iso) >= from && monthOf(iso) <= to;

// The rule, written again from the schema's description: 1–4 hidden; one hidden cell of a published total takes the
// smallest other non-zero cell with it (the first listed on a tie); a part is hidden when it or its remainder is 1–4.
const small = (n: number) => n >= 1 && n <= 4;
export const count = (n: number): Count => (small(n) ? { value: null, suppressed: true } : { value: n, suppressed: false });
export const part = (total: number, n: number): Count =>
  small(n) || (!small(total) && small(total - n)) ? { value: null, suppressed: true } : { value: n, suppressed: false };
export function breakdown(total: number, cells: number[]): Count[] {
  const hidden = cells.map(small);
  if (!small(total) && hidden.filter(Boolean).length === 1) {
    let pick = -1;
    cells.forEach((n, i) => {
      if (!hidden[i] && n > 0 && (pick < 0 || n < cells[pick]!)) pick = i;
    });
    if (pick >= 0) hidden[pick] = true;
  }
  return cells.map((n, i) => (hidden[i] ? { value: null, suppressed: true } : { value: n, suppressed: false }));
}

const MODES: Array<[string, string]> = [
  ['IN_PERSON', 'OPPMOTE'],
  ['PHONE', 'TELEFON'],
  ['DIGITAL', 'DIGITAL'],
];

/** The true (unsuppressed) counts of a period from the files. */
export function rawFigures(fx: Fixtures, from: string, to: string) {
  const ks = fx.karrieresenter;
  const fo = fx.fagopplaering;
  // A booking is a session booked in the period and not cancelled.
  const bookings = (ks.bookings as Json[]).filter((b) => within(b.start, from, to) && b.status !== 'AVLYST');
  const centres = (ks.centres as Json[]).map((c) => ({ id: c.id as string, name: c.name as string })).sort((a, b) => a.id.localeCompare(b.id));
  const noteIds = new Set((ks.notes as Json[]).map((n) => n.id));
  const requests = (fo.kartlegginger as Json[]).filter((k) => within(k.opprettet, from, to));
  const requestIds = new Set(requests.map((k) => k.id));
  return {
    bookings: bookings.length,
    referredByNav: bookings.filter((b) => b.referredByNav).length,
    byMode: MODES.map(([mode, upstream]) => ({ mode, n: bookings.filter((b) => b.mode === upstream).length })),
    byCentre: centres.map((centre) => ({ centre, n: bookings.filter((b) => b.centreId === centre.id).length })),
    sessionsCompleted: bookings.filter((b) => b.status === 'GJENNOMFORT').length,
    // Share grants to NAV given in the period, of notes the system holds.
    notesShared: (ks.shareGrants as Json[]).filter((g) => g.grantee === 'NAV' && noteIds.has(g.noteId) && within(g.givenAt, from, to)).length,
    skillsMappingRequests: requests.length,
    // Plans the files record as sent, of requests made in the period.
    trainingPlansSent: (fo.opplaeringsplaner as Json[]).filter((p) => p.status === 'SENDT' && requestIds.has(p.kartleggingId)).length,
  };
}

/** The answer of ProgrammeStatistics for a period. */
export function expectedStatistics(fx: Fixtures, from: string, to: string) {
  const raw = rawFigures(fx, from, to);
  const byMode = breakdown(raw.bookings, raw.byMode.map((c) => c.n));
  const byCentre = breakdown(raw.bookings, raw.byCentre.map((c) => c.n));
  return {
    from,
    to,
    bookings: count(raw.bookings),
    bookingsReferredByNav: part(raw.bookings, raw.referredByNav),
    bookingsByMode: raw.byMode.map((c, i) => ({ mode: c.mode, count: byMode[i] })),
    bookingsByCentre: raw.byCentre.map((c, i) => ({ centre: c.centre, count: byCentre[i] })),
    sessionsCompleted: count(raw.sessionsCompleted),
    notesShared: count(raw.notesShared),
    skillsMappingRequests: count(raw.skillsMappingRequests),
    trainingPlansSent: count(raw.trainingPlansSent),
  };
}

/** YYYY-MM of the month `k` months after `yearMonth`. */
export function addMonths(yearMonth: string, k: number): string {
  const [y, m] = yearMonth.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + k;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** Every period of 1 to `maxMonths` months ending at or before `last` and starting at or after `first`. */
export function periodsBetween(first: string, last: string, maxMonths: number): Array<[string, string]> {
  const periods: Array<[string, string]> = [];
  for (let from = first; from <= last; from = addMonths(from, 1)) {
    for (let k = 0; k < maxMonths && addMonths(from, k) <= last; k++) periods.push([from, addMonths(from, k)]);
  }
  return periods;
}
