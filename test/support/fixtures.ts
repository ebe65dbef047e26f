import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';

/**
 * Readers of the stand-ins' fixture files for end-to-end expectations. The expected answers are derived here from
 * the JSON as the systems store it — never by calling the graph's own mapping code, so a wrong mapping fails.
 * Tests run at the fixtures' reference time (useStack), so no event time is shifted.
 */

// The files are the systems' own payloads; their shapes are checked against the contracts in test/fixtures.test.ts.
type Json = Record<string, any>;

/**
 * The generated set the tests run on: the committed 300 persons (stand-ins/fixtures/generated), or a larger set
 * made with the upstream contracts' generator and named by TEST_GENERATED_FIXTURES_DIR (e.g. 10 000 persons).
 */
export const GENERATED_FIXTURES_DIR =
  process.env.TEST_GENERATED_FIXTURES_DIR ?? fileURLToPath(new URL('../../stand-ins/fixtures/generated', import.meta.url));

export interface Fixtures {
  nav: Json;
  karrieresenter: Json;
  fagopplaering: Json;
  digipost: Json;
  /** meta.referenceNow: the "now" the tests run at. */
  now: Date;
}

/** Reads the four files of a fixture folder. */
export function readFixtures(dir: string): Fixtures {
  const read = (name: string) => JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')) as Json;
  const nav = read('nav');
  return { nav, karrieresenter: read('karrieresenter'), fagopplaering: read('fagopplaering'), digipost: read('digipost'), now: new Date(nav.meta.referenceNow) };
}

/** One operation of operations/<file> as text, exactly as the client sends it (other operations left out). */
export function operationText(file: string, name: string): string {
  const document = parse(readFileSync(fileURLToPath(new URL(`../../operations/${file}`, import.meta.url)), 'utf8'));
  const op = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);
  if (!op) throw new Error(`no operation ${name} in operations/${file}`);
  return print(op);
}

/** A NAV advisor as a caller of the graph, with the Entra object id the fixture gives them. */
export function navAdvisor(fx: Fixtures, navIdent: string) {
  const veileder = (fx.nav.veiledere as Json[]).find((v) => v.navIdent === navIdent);
  if (!veileder) throw new Error(`no advisor ${navIdent} in the fixtures`);
  return { role: 'nav-advisor', navIdent, azureId: veileder.azureId as string } as const;
}

/**
 * Whether poao-tilgang lets an advisor read a person (NAV's rules: shielded persons need the skjermede-personer
 * right, fortrolig/strengt fortrolig addresses their own rights).
 */
export function navMayRead(fx: Fixtures, navIdent: string, ident: string): boolean {
  const veileder = (fx.nav.veiledere as Json[]).find((v) => v.navIdent === navIdent);
  const person = (fx.nav.personer as Json[]).find((p) => p.fnr === ident);
  if (!veileder || !person) return false;
  const t = veileder.tilganger as Json;
  if (person.skjermet && !t.skjermedePersoner) return false;
  if (person.diskresjonskode === 'FORTROLIG' && !t.fortroligAdresse) return false;
  if (person.diskresjonskode === 'STRENGT_FORTROLIG' && !t.strengtFortroligAdresse) return false;
  return true;
}

/** Every person's ident in a fixture set, from the fields that hold one in each system. */
export function allIdents(fx: Fixtures): Set<string> {
  const k = fx.karrieresenter;
  const f = fx.fagopplaering;
  const d = fx.digipost;
  return new Set<string>([
    ...(fx.nav.personer as Json[]).map((p) => p.fnr),
    ...(k.bookings as Json[]).map((b) => b.person.fnr),
    ...(k.notes as Json[]).map((n) => n.owner.fnr),
    ...(f.personer as Json[]).map((p) => p.fnr),
    ...(f.kartlegginger as Json[]).map((r) => r.fnr),
    ...(f.opplaeringsplaner as Json[]).map((p) => p.fnr),
    ...(d.recipients as Json[]).map((r) => r.personalIdentificationNumber),
    ...(d.messages as Json[]).map((m) => m.recipient.personalIdentificationNumber),
  ]);
}

const osloDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' });
/** The Oslo calendar day of an instant (NAV sends dates as midnight instants). */
const osloDate = (iso: string | null | undefined): string | null => (iso ? osloDay.format(new Date(iso)) : null);

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** Every date-time string as the instant it names (UTC ISO), so answers compare by meaning, not by offset notation. */
export function instants<T>(value: T): T {
  if (typeof value === 'string') return (DATE_TIME.test(value) ? new Date(value).toISOString() : value) as T;
  if (Array.isArray(value)) return value.map(instants) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, instants(v)])) as T;
  return value;
}

const isActiveAt = (grant: Json, now: Date) =>
  Date.parse(grant.givenAt) <= now.getTime() && (grant.withdrawnAt === null || Date.parse(grant.withdrawnAt) > now.getTime());

/** Whether the person currently shares a note with NAV: a final note with an active NAV grant. */
export function noteSharedWithNav(fx: Fixtures, note: Json): boolean {
  return note.status === 'FERDIGSTILT' && (fx.karrieresenter.shareGrants as Json[]).some((g) => g.noteId === note.id && g.grantee === 'NAV' && isActiveAt(g, fx.now));
}

/** The person's open follow-up period, if NAV follows them up now. */
export function openPeriod(fx: Fixtures, ident: string): Json | undefined {
  const person = (fx.nav.personer as Json[]).find((p) => p.fnr === ident);
  if (!person?.underOppfolging) return undefined;
  return (person.oppfolgingsperioder as Json[]).find((p) => !p.sluttDato);
}

/** NAV: follow-up and the current period's activities with summaries and threads, as the person sees them. */
function expectedNav(fx: Fixtures, ident: string) {
  const person = (fx.nav.personer as Json[]).find((p) => p.fnr === ident);
  const period = openPeriod(fx, ident);
  const followUp = period
    ? {
        startedAt: period.startDato,
        innsatsgruppe: person!.siste14aVedtak?.innsatsgruppe ?? null,
        office: person!.oppfolgingsenhet ? { id: person!.oppfolgingsenhet.enhetId, name: person!.oppfolgingsenhet.navn } : null,
      }
    : null;
  const threads = fx.nav.dialoger as Json[];
  const activities = (fx.nav.aktiviteter as Json[])
    .filter((a) => period && a.oppfolgingsperiodeId === period.uuid)
    .map((a) => {
      const thread = threads.find((d) => d.aktivitetId === a.id);
      return {
        id: a.id,
        version: a.versjon,
        title: a.tittel,
        type: a.type,
        status: a.status,
        fromDate: osloDate(a.fraDato),
        toDate: osloDate(a.tilDato),
        agreedWithNav: a.avtalt,
        // The person reads the summary text only once NAV has published it.
        meetingSummary: ['MOTE', 'SAMTALEREFERAT'].includes(a.type) ? { channel: a.kanal ?? null, text: a.erReferatPublisert ? (a.referat ?? null) : null } : null,
        dialogue: thread
          ? {
              id: thread.id,
              subject: thread.overskrift,
              // Unread for the person: NAV's messages the person has not read.
              unreadCount: (thread.henvendelser as Json[]).filter((h) => h.avsender === 'VEILEDER' && !h.lest).length,
              messages: [...(thread.henvendelser as Json[])]
                .sort((x, y) => Date.parse(x.sendt) - Date.parse(y.sendt))
                .map((h) => ({ id: h.id, sender: h.avsender, sentAt: h.sendt, text: h.tekst })),
            }
          : null,
      };
    });
  return { followUp, activityPlan: { activities } };
}

const MODE: Json = { OPPMOTE: 'IN_PERSON', TELEFON: 'PHONE', DIGITAL: 'DIGITAL' };
const BOOKING_STATUS: Json = { BOOKET: 'BOOKED', AVLYST: 'CANCELLED', GJENNOMFORT: 'COMPLETED', IKKE_MOTT: 'NO_SHOW' };

/** Where to meet as the confirmation tells it: address and room, the meeting link, or the phone arrangement. */
function locationText(location: Json): string {
  if (location.mode === 'DIGITAL') return location.meetingUrl ?? '';
  if (location.mode === 'TELEFON') return location.phoneInstructions ?? '';
  const a = location.address;
  return [a ? `${a.street}, ${a.postalCode} ${a.postalTown}` : undefined, location.room].filter(Boolean).join(', ');
}

/** The latest notification of a type for a booking (by scheduledFor). */
function latestNotification(fx: Fixtures, bookingId: string, type: string): Json | undefined {
  return (fx.karrieresenter.notifications as Json[])
    .filter((n) => n.bookingId === bookingId && n.type === type)
    .sort((x, y) => Date.parse(x.scheduledFor) - Date.parse(y.scheduledFor))
    .at(-1);
}

/** Karrieresenter: all the person's bookings by start, all their notes newest first. */
function expectedCareer(fx: Fixtures, ident: string) {
  const centres = fx.karrieresenter.centres as Json[];
  const guidanceBookings = (fx.karrieresenter.bookings as Json[])
    .filter((b) => b.person.fnr === ident)
    .sort((x, y) => Date.parse(x.start) - Date.parse(y.start))
    .map((b) => {
      const confirmation = latestNotification(fx, b.id, 'BEKREFTELSE');
      const reminder = latestNotification(fx, b.id, 'PAMINNELSE');
      return {
        id: b.id,
        startsAt: b.start,
        durationMinutes: b.durationMinutes,
        mode: MODE[b.mode],
        status: BOOKING_STATUS[b.status],
        sequence: b.sessionNumber,
        navAdvisorAttends: b.navAdvisorAttending != null,
        bookedBy: b.bookedBy.type === 'NAV' ? 'NAV_ADVISOR' : 'CITIZEN',
        centre: { id: b.centreId, name: centres.find((c) => c.id === b.centreId)?.name },
        confirmation: confirmation
          ? {
              sentAt: confirmation.sentAt,
              location: locationText(confirmation.content.location),
              reflectionQuestions: confirmation.content.reflectionQuestions ?? [],
              homepageUrl: confirmation.content.homepageUrl,
              cancellationUrl: confirmation.content.cancellationUrl,
            }
          : null,
        reminder: reminder ? { scheduledFor: reminder.scheduledFor, sentAt: reminder.sentAt } : null,
      };
    });
  const careerNotes = (fx.karrieresenter.notes as Json[])
    .filter((n) => n.owner.fnr === ident)
    .sort((x, y) => Date.parse(y.createdAt) - Date.parse(x.createdAt))
    .map((n) => ({ id: n.id, writtenAt: n.createdAt, sharedWithNav: noteSharedWithNav(fx, n), content: noteContent(n) }));
  return { guidanceBookings, careerNotes };
}

/** The nine sections of a note under the graph's names. */
export function noteContent(note: Json) {
  const s = note.sections;
  return {
    educationAndWorkExperience: s.schoolAndWorkExperience,
    interests: s.interests,
    strengths: s.skillsUsedAndDeveloped,
    motivationAndMastery: s.motivationAndMasteryFactors,
    values: s.values,
    needs: s.needs,
    wayForward: s.wayForward,
    explorationTips: s.tipsForFurtherExploration,
    questionsForNavOrTraining: s.questionsForNavOrTraining,
  };
}

const ROUTE: Json = { LAERLING: 'APPRENTICESHIP', PRAKSISKANDIDAT: 'EXPERIENCE_BASED_CANDIDATE', FAGBREV_PA_JOBB: 'CERTIFICATE_AT_WORK', VOKSENOPPLAERING: 'ADULT_EDUCATION' };
const DELIVERY: Json = { NOT_COMPLETE: 'SENT', COMPLETE: 'SENT', DELIVERED: 'DELIVERED', DELIVERED_TO_PRINT: 'DELIVERED_TO_PRINT' };

const SCOPE: Json = { FAG_OG_KARAKTERER: 'SUBJECTS_AND_GRADES', PRAKSIS: 'PRACTICE', LAEREKONTRAKTER: 'APPRENTICESHIPS', OPPLAERINGSPLAN_TIL_NAV: 'TRAINING_PLAN_TO_NAV' };

/**
 * Who recorded a request's consent: `samtykke.registrertAv`, or for records without it (the generator predates it) what
 * the contract says the system fills in: a DIGITAL consent was the person's, any other the referring advisor's.
 */
function recorderOf(k: Json) {
  const by = k.samtykke.registrertAv ?? (k.samtykke.metode === 'DIGITAL' ? { type: 'BRUKER' } : { type: 'NAV', id: k.henvisendeVeileder.navIdent });
  return by.type === 'BRUKER' ? { kind: 'PERSON', id: null } : { kind: 'NAV_ADVISOR', id: by.id };
}

/** Fagopplæring + Digipost: the person's mapping requests newest first, with consent, plan and the letter's delivery. */
function expectedTraining(fx: Fixtures, ident: string) {
  const trades = fx.fagopplaering.laerefag as Json[];
  const plans = fx.fagopplaering.opplaeringsplaner as Json[];
  const letters = fx.digipost.messages as Json[];
  const skillsMappingRequests = (fx.fagopplaering.kartlegginger as Json[])
    .filter((k) => k.fnr === ident)
    .sort((x, y) => Date.parse(y.opprettet) - Date.parse(x.opprettet))
    .map((k) => {
      const plan = k.opplaeringsplanId ? plans.find((p) => p.id === k.opplaeringsplanId) : undefined;
      const letter = plan?.sendt ? letters.find((m) => m.delivery.messageId === plan.sendt.digipostMessageId) : undefined;
      return {
        id: k.id,
        status: k.status,
        requestedAt: k.opprettet,
        trades: (k.onsketLaerefag as string[]).flatMap((code) => trades.filter((t) => t.programomradekode === code).map((t) => ({ code, title: t.tittel }))),
        requestedScope: ((k.etterspurtOmfang ?? k.samtykke?.omfang ?? []) as string[]).map((o) => SCOPE[o]),
        referringAdvisor: { navIdent: k.henvisendeVeileder.navIdent, name: k.henvisendeVeileder.navn, officeName: k.henvisendeVeileder.enhetNavn },
        consent: k.samtykke && {
          givenAt: k.samtykke.gittTidspunkt,
          method: k.samtykke.metode,
          scope: (k.samtykke.omfang as string[]).map((o) => SCOPE[o]),
          withdrawnAt: k.samtykke.trukketTidspunkt ?? null,
          recordedBy: recorderOf(k),
        },
        trainingPlan: plan
          ? {
              id: plan.id,
              route: ROUTE[plan.rute],
              estimatedMonths: plan.estimertVarighetManeder,
              remainingSubjects: (plan.gjenstaendeFag as Json[]).map((f) => ({ code: f.fagkode, title: f.fagnavn })),
              delivery: plan.sendt ? { channel: plan.sendt.kanal, status: letter ? DELIVERY[letter.delivery.status] : null } : null,
            }
          : null,
      };
    });
  return { skillsMappingRequests };
}

/** The answer CitizenOverview (operations/citizen.graphql) must give the person `ident`, from the four files. */
export function expectedCitizenOverview(fx: Fixtures, ident: string) {
  return instants({ me: { ident, ...expectedNav(fx, ident), ...expectedCareer(fx, ident), ...expectedTraining(fx, ident) } });
}

/** The person's completed subjects (NVB records in fagopplaering.json), as codes in file order. */
export function completedSubjectCodes(fx: Fixtures, ident: string): string[] {
  const person = (fx.fagopplaering.personer as Json[]).find((p) => p.fnr === ident);
  return (person?.fag as Json[] | undefined)?.map((f) => f.fagkode as string) ?? [];
}
