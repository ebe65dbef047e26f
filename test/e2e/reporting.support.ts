import type { Fixtures } from '../support/fixtures.ts';
import { operationText } from '../support/fixtures.ts';

/**
 * What ProgrammeStatistics must answer, derived from the fixture files as the systems store them (bookings, notes,
 * shareGrants, kartlegginger, opplaeringsplaner) — not from the systems' reports nor the graph's code — and an
 * attacker of the published figures written from the schema's description of the rule alone (PublishedCount).
 */

type Json = Record<string, any>;

/** The client's operation, exactly as operations/partner-reporting.graphql sends it. */
export const PROGRAMME_STATISTICS = operationText('partner-reporting.graphql', 'ProgrammeStatistics');

/** A reporting client as the local issuer knows it. */
export const partner = { role: 'partner-reporting', clientId: 'partnerskap' } as const;

const osloMonth = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit' });
/** The Oslo month (YYYY-MM) of an instant. */
export const monthOf = (iso: string) => osloMonth.format(new Date(iso));

/** The Oslo quarter (YYYY-Qn) of an instant. */
export const quarterOf = (iso: string) => {
  const [year, month] = monthOf(iso).split('-').map(Number) as [number, number];
  return `${year}-Q${Math.ceil(month / 3)}`;
};

/**
 * The quarters the schema says are published at `now`: the twelve that ended most recently (Oslo), newest first.
 * Written from the description, so a service accepting any other quarter fails the tests that use it.
 */
export function publishedQuarters(now: Date): string[] {
  const [year, quarter] = quarterOf(now.toISOString()).split('-Q').map(Number) as [number, number];
  return Array.from({ length: 12 }, (_, i) => {
    const index = year * 4 + quarter - 2 - i;
    return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  });
}

/** The quarters around the published ones that must be refused: the one in progress, the next, the thirteenth back. */
export function refusedQuarters(now: Date): string[] {
  const published = publishedQuarters(now);
  const shift = (q: string, k: number) => {
    const [y, n] = q.split('-Q').map(Number) as [number, number];
    const index = y * 4 + n - 1 + k;
    return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  };
  return [shift(published[0]!, 1), shift(published[0]!, 2), shift(published.at(-1)!, -1)];
}

const MODES: Array<[string, string]> = [
  ['IN_PERSON', 'OPPMOTE'],
  ['PHONE', 'TELEFON'],
  ['DIGITAL', 'DIGITAL'],
];

/** The true counts of a quarter from the files. */
export function rawFigures(fx: Fixtures, quarter: string) {
  const ks = fx.karrieresenter;
  const fo = fx.fagopplaering;
  const within = (iso: string | null | undefined) => !!iso && quarterOf(iso) === quarter;
  // A booking is a session booked in the quarter and not cancelled.
  const bookings = (ks.bookings as Json[]).filter((b) => within(b.start) && b.status !== 'AVLYST');
  const centres = (ks.centres as Json[]).map((c) => ({ id: c.id as string, name: c.name as string })).sort((a, b) => a.id.localeCompare(b.id));
  const noteIds = new Set((ks.notes as Json[]).map((n) => n.id));
  const requests = (fo.kartlegginger as Json[]).filter((k) => within(k.opprettet));
  const requestIds = new Set(requests.map((k) => k.id));
  return {
    bookings: bookings.length,
    referredByNav: bookings.filter((b) => b.referredByNav).length,
    byMode: MODES.map(([mode, upstream]) => ({ mode, n: bookings.filter((b) => b.mode === upstream).length })),
    byCentre: centres.map((centre) => ({ centre, n: bookings.filter((b) => b.centreId === centre.id).length })),
    sessionsCompleted: bookings.filter((b) => b.status === 'GJENNOMFORT').length,
    // Share grants to NAV given in the quarter, of notes the system holds.
    notesShared: (ks.shareGrants as Json[]).filter((g) => g.grantee === 'NAV' && noteIds.has(g.noteId) && within(g.givenAt)).length,
    skillsMappingRequests: requests.length,
    // Plans the files record as sent, of requests made in the quarter.
    trainingPlansSent: (fo.opplaeringsplaner as Json[]).filter((p) => p.status === 'SENDT' && requestIds.has(p.kartleggingId)).length,
  };
}

/** The rule as the schema states it: a multiple of 5 within 4 of the true count, the count itself when it is one. */
export const isRoundingOf = (value: number, n: number) => value % 5 === 0 && Math.abs(value - n) <= 4 && (n % 5 !== 0 || value === n);

/** Every way the answer departs from the files under the stated rule (empty when it keeps it). */
export function departuresFromFiles(fx: Fixtures, answer: Json): string[] {
  const raw = rawFigures(fx, answer.quarter);
  const problems: string[] = [];
  const check = (name: string, value: number, n: number) => !isRoundingOf(value, n) && problems.push(`${name}: ${value} for ${n}`);
  check('bookings', answer.bookings.value, raw.bookings);
  check('bookingsReferredByNav', answer.bookingsReferredByNav.value, raw.referredByNav);
  check('sessionsCompleted', answer.sessionsCompleted.value, raw.sessionsCompleted);
  check('notesShared', answer.notesShared.value, raw.notesShared);
  check('skillsMappingRequests', answer.skillsMappingRequests.value, raw.skillsMappingRequests);
  check('trainingPlansSent', answer.trainingPlansSent.value, raw.trainingPlansSent);
  const modes = answer.bookingsByMode.map((c: Json) => c.mode);
  if (JSON.stringify(modes) !== JSON.stringify(raw.byMode.map((c) => c.mode))) problems.push(`modes listed: ${modes}`);
  raw.byMode.forEach((c, i) => check(`mode ${c.mode}`, answer.bookingsByMode[i]?.count.value, c.n));
  const centres = answer.bookingsByCentre.map((c: Json) => c.centre);
  if (JSON.stringify(centres) !== JSON.stringify(raw.byCentre.map((c) => c.centre))) problems.push(`centres listed: ${JSON.stringify(centres)}`);
  raw.byCentre.forEach((c, i) => check(`centre ${c.centre.id}`, answer.bookingsByCentre[i]?.count.value, c.n));
  // The schema's promise: each breakdown's published parts add up to the published total, and parts stay within it.
  const total = (cells: Json[]) => cells.reduce((a, c) => a + c.count.value, 0);
  if (total(answer.bookingsByMode) !== answer.bookings.value) problems.push('bookingsByMode does not add up to bookings');
  if (total(answer.bookingsByCentre) !== answer.bookings.value) problems.push('bookingsByCentre does not add up to bookings');
  if (answer.bookingsReferredByNav.value > answer.bookings.value) problems.push('more referred by NAV than bookings');
  if (answer.sessionsCompleted.value > answer.bookings.value) problems.push('more sessions completed than bookings');
  if (answer.trainingPlansSent.value > answer.skillsMappingRequests.value) problems.push('more plans sent than requests');
  return problems;
}

/**
 * What a published count tells an attacker: the true counts it may stand for, and those a part's remainder may stand
 * for (null: the remainder is not published, so any count of 0 or more).
 */
export interface DisclosureRule {
  candidates(count: Json): number[];
  remainder(total: Json, part: Json): number[] | null;
}

const range = (low: number, high: number) => Array.from({ length: Math.max(0, high - low + 1) }, (_, i) => low + i);

/** The rule of the schema (PublishedCount): within 4 of the value, never below 0; a part's remainder likewise. */
export const ROUNDED_TO_BASE_5: DisclosureRule = {
  candidates: (count) => range(Math.max(0, count.value - 4), count.value + 4),
  remainder: (total, part) => range(Math.max(0, total.value - part.value - 4), total.value - part.value + 4),
};

/**
 * The rule before issue 10, for showing what the attacker finds in it: a shown count is exact, a suppressed one is
 * at least 1 (1–4, or hidden to protect another: any count up to `ceiling`); remainders are not published.
 */
export const SUPPRESSED_BELOW_5 = (ceiling: number): DisclosureRule => ({
  candidates: (count) => (count.suppressed ? range(1, ceiling) : [count.value]),
  remainder: () => null,
});

/** Every tuple of true counts, one per published cell, that adds up to `total`. */
function* tuplesAddingUp(cells: readonly number[][], total: number, prefix: number[] = []): Generator<number[]> {
  const sum = prefix.reduce((a, b) => a + b, 0);
  if (sum > total) return;
  if (prefix.length === cells.length) {
    if (sum === total) yield prefix;
    return;
  }
  for (const n of cells[prefix.length]!) yield* tuplesAddingUp(cells, total, [...prefix, n]);
}

/** What the attacker learns of each count: the set of true values consistent with everything published. */
export type Inference = Map<string, Set<number>>;

/**
 * The attacker: exact enumeration of every assignment of true counts consistent with one quarter's answer — each
 * count within 4 of its published value (never below 0), the parts that the schema says are rounded with their
 * total (the bookings not referred by NAV, those not held, the requests without a plan sent) within 4 of what they
 * leave of the published total, and every relation the definitions imply (modes and centres add up to the bookings;
 * referred, held and plans sent are parts of their totals). Given the bookings, the mode, centre, referral and
 * completion relations share no count, so enumerating each for every value of the bookings is exact. Quarters never
 * overlap (no event counts in two), so no relation joins two quarters and one quarter at a time is the whole attack.
 */
export function attack(answer: Json, rule: DisclosureRule = ROUNDED_TO_BASE_5): Inference {
  const known: Inference = new Map();
  const learn = (name: string, n: number) => (known.get(name) ?? known.set(name, new Set()).get(name)!).add(n);
  const modes = answer.bookingsByMode.map((c: Json) => rule.candidates(c.count));
  const centres = answer.bookingsByCentre.map((c: Json) => rule.candidates(c.count));
  // A part of `total` = t and its remainder: every pair the rule allows.
  const parts = (total: Json, part: Json) => (t: number) => {
    const rest = rule.remainder(total, part);
    return rule.candidates(part).filter((p) => p <= t && (rest === null || rest.includes(t - p))).map((p) => [p, t - p] as const);
  };

  for (const b of rule.candidates(answer.bookings)) {
    const byMode = [...tuplesAddingUp(modes, b)];
    const byCentre = [...tuplesAddingUp(centres, b)];
    const referral = parts(answer.bookings, answer.bookingsReferredByNav)(b);
    const completion = parts(answer.bookings, answer.sessionsCompleted)(b);
    if (!byMode.length || !byCentre.length || !referral.length || !completion.length) continue;
    learn('bookings', b);
    for (const t of byMode) t.forEach((n, i) => learn(`mode ${answer.bookingsByMode[i].mode}`, n));
    for (const t of byCentre) t.forEach((n, i) => learn(`centre ${answer.bookingsByCentre[i].centre.id}`, n));
    for (const [r, rest] of referral) learn('bookingsReferredByNav', r), learn('bookings not referred by NAV', rest);
    for (const [s, rest] of completion) learn('sessionsCompleted', s), learn('bookings not held', rest);
  }
  for (const n of rule.candidates(answer.notesShared)) learn('notesShared', n);
  for (const q of rule.candidates(answer.skillsMappingRequests)) {
    const plans = parts(answer.skillsMappingRequests, answer.trainingPlansSent)(q);
    if (!plans.length) continue;
    learn('skillsMappingRequests', q);
    for (const [p, rest] of plans) learn('trainingPlansSent', p), learn('requests without a plan sent', rest);
  }
  return known;
}

/**
 * The counts the attacker pins to one value, and those it narrows below what the rule alone allows for them. Under
 * the rule of the schema a remainder (bookings not referred by NAV, …) is a count too; under a rule that does not
 * publish remainders only the published counts are judged.
 */
export function recovered(answer: Json, inference: Inference, rule: DisclosureRule = ROUNDED_TO_BASE_5) {
  const own: Record<string, number[]> = {
    bookings: rule.candidates(answer.bookings),
    bookingsReferredByNav: rule.candidates(answer.bookingsReferredByNav),
    sessionsCompleted: rule.candidates(answer.sessionsCompleted),
    notesShared: rule.candidates(answer.notesShared),
    skillsMappingRequests: rule.candidates(answer.skillsMappingRequests),
    trainingPlansSent: rule.candidates(answer.trainingPlansSent),
  };
  const remainders: Array<[string, Json, Json]> = [
    ['bookings not referred by NAV', answer.bookings, answer.bookingsReferredByNav],
    ['bookings not held', answer.bookings, answer.sessionsCompleted],
    ['requests without a plan sent', answer.skillsMappingRequests, answer.trainingPlansSent],
  ];
  for (const [name, total, part] of remainders) {
    const rest = rule.remainder(total, part);
    if (rest) own[name] = rest;
  }
  for (const c of answer.bookingsByMode) own[`mode ${c.mode}`] = rule.candidates(c.count);
  for (const c of answer.bookingsByCentre) own[`centre ${c.centre.id}`] = rule.candidates(c.count);
  const cells = Object.keys(own);
  const values = (name: string) => inference.get(name) ?? new Set<number>();
  return {
    cells: cells.length,
    /** Counts the rule leaves open (more than one value) that the attacker pins to one. */
    pinned: cells.filter((name) => own[name]!.length > 1 && values(name).size === 1),
    narrowed: cells.filter((name) => values(name).size < own[name]!.length),
  };
}
