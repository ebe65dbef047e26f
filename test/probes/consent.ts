import type { Fixtures } from '../support/fixtures.ts';
import type { FixtureRecord } from './records.ts';

type Json = Record<string, any>;

/** What the oracle says about one piece of data for one caller. */
export type Verdict =
  | { disclose: true }
  | { disclose: false; code: 'FORBIDDEN' | 'CONSENT_REQUIRED'; purpose?: string }
  /** Outside the caller's rows (another centre's note): left out silently, without an error, and audited as a Deny. */
  | { disclose: false; code: 'NOT_VISIBLE' };

export const DISCLOSE: Verdict = { disclose: true };
export const FORBIDDEN: Verdict = { disclose: false, code: 'FORBIDDEN' };
const consentRequired = (purpose: string): Verdict => ({ disclose: false, code: 'CONSENT_REQUIRED', purpose });

/** Where a consent question is asked: an instance of a consent-bound type, or a field with its parent's record. */
export interface ConsentQuestion {
  fx: Fixtures;
  organisation: string;
  ident: string;
  purpose: string;
  /** The instance itself (object-level consent). */
  record?: FixtureRecord;
  /** The parent's record (field-level consent on a record-backed type); absent for fields of Person. */
  parent?: FixtureRecord;
  /** The named type of the data asked for (the field's type, or the instance's type). */
  valueType: string;
  /** The caller's centre, for the Karrieresenter's own rows. */
  centreId?: string;
}

/** The rules of one consent purpose (ARCHITECTURE.md §4), read from the system that owns the grants. */
export interface PurposeOracle {
  /** Organisations that hold the data themselves and see it under their own row rules, not by consent. */
  holders: readonly string[];
  /** A holder's view: its own rows are disclosed, others are not visible. */
  holderVerdict(question: ConsentQuestion): Verdict;
  /** A grantee's view: disclosed under an active grant covering the data, else CONSENT_REQUIRED (or the owner's FORBIDDEN). */
  granteeVerdict(question: ConsentQuestion): Verdict;
}

const activeAt = (given: string | null | undefined, withdrawn: string | null | undefined, now: Date) =>
  !!given && Date.parse(given) <= now.getTime() && (!withdrawn || Date.parse(withdrawn) > now.getTime());

/** A note-sharing grant is active from givenAt until withdrawnAt; only a final note can be shared. */
export function noteShared(fx: Fixtures, note: Json): boolean {
  return (
    note.status === 'FERDIGSTILT' &&
    (fx.karrieresenter.shareGrants as Json[]).some((g) => g.noteId === note.id && g.grantee === 'NAV' && activeAt(g.givenAt, g.withdrawnAt, fx.now))
  );
}

/** A request's consent stands: not withdrawn (TRUKKET) and within its given/withdrawn times. */
export function kartleggingConsentActive(fx: Fixtures, k: Json): boolean {
  return k.status !== 'TRUKKET' && activeAt(k.samtykke.gittTidspunkt, k.samtykke.trukketTidspunkt, fx.now);
}

/** Requests fagopplæringen still works on (contract: MOTTATT, UNDER_BEHANDLING, PLAN_SENDT). */
export const OPEN_STATUSES: ReadonlySet<string> = new Set(['MOTTATT', 'UNDER_BEHANDLING', 'PLAN_SENDT']);

/** The person's open requests under an active consent. */
export function openRequestsWithConsent(fx: Fixtures, ident: string): Json[] {
  return (fx.fagopplaering.kartlegginger as Json[]).filter((k) => k.fnr === ident && OPEN_STATUSES.has(k.status) && kartleggingConsentActive(fx, k));
}

/**
 * The kinds of record (the consent's omfang) data of a type is made of, per receiving organisation; [] = no particular
 * kind (the request's consent as such covers it). A type not listed is of no kind a consent names, so it is never
 * disclosed under a skills-mapping consent: a new record type needs its omfang here (as it does in the owning system).
 */
const OMFANG_OF_TYPE: Record<string, Record<string, readonly string[]>> = {
  CompletedSubject: { NAV: ['FAG_OG_KARAKTERER'], FAGOPPLAERING: ['FAG_OG_KARAKTERER'] },
  Practice: { NAV: ['PRAKSIS'], FAGOPPLAERING: ['PRAKSIS'] },
  Apprenticeship: { NAV: ['LAEREKONTRAKTER'], FAGOPPLAERING: ['LAEREKONTRAKTER'] },
  // Subjects and practice mapped against a trade: made of both kinds (schema: "needs a consent covering both").
  PriorSubjectMapping: { NAV: ['FAG_OG_KARAKTERER', 'PRAKSIS'], FAGOPPLAERING: ['FAG_OG_KARAKTERER', 'PRAKSIS'] },
  // NAV sees a plan only when the person let fagopplæringen pass it on; fagopplæringen writes the plans.
  TrainingPlan: { NAV: ['OPPLAERINGSPLAN_TIL_NAV'], FAGOPPLAERING: [] },
  SkillsMappingRequest: { NAV: [], FAGOPPLAERING: [] },
};
const covers = (k: Json, kinds: readonly string[] | undefined) => kinds !== undefined && kinds.every((kind) => (k.samtykke.omfang as string[]).includes(kind));

/**
 * One oracle per purpose, from the grants in the owning system's fixture file. A field added under an existing
 * purpose is decided here without change; a purpose with no oracle fails the suite (consentVerdict).
 */
export const PURPOSE_ORACLES: Readonly<Record<string, PurposeOracle>> = {
  // karrieresenter.json: notes + shareGrants. Counsellors hold the notes of their own centre.
  CAREER_NOTE_SHARING: {
    holders: ['KARRIERESENTER'],
    holderVerdict: ({ record, parent, centreId }) => {
      const note = (record ?? parent)?.raw;
      if (!note) return FORBIDDEN; // no row to judge: nothing is the centre's own
      return note.centreId === centreId ? DISCLOSE : { disclose: false, code: 'NOT_VISIBLE' };
    },
    granteeVerdict: ({ fx, ident, record, parent, organisation, purpose }) => {
      const note = (record ?? parent)?.raw;
      const shared = organisation === 'NAV' && (note ? noteShared(fx, note) : (fx.karrieresenter.notes as Json[]).some((n) => n.owner.fnr === ident && noteShared(fx, n)));
      return shared ? DISCLOSE : consentRequired(purpose);
    },
  },
  // fagopplaering.json: the consent (samtykke) of each kartlegging, with the kinds of records it covers (omfang).
  SKILLS_MAPPING: {
    holders: [],
    holderVerdict: () => FORBIDDEN,
    granteeVerdict: ({ fx, ident, record, parent, organisation, valueType, purpose }) => {
      const kinds = OMFANG_OF_TYPE[valueType]?.[organisation];
      const grant = (k: Json) => (kartleggingConsentActive(fx, k) && covers(k, kinds) ? DISCLOSE : consentRequired(purpose));
      // The request itself (its status) is NAV's and fagopplæringen's to see while its consent stands.
      if (record?.kind === 'kartlegging') return grant(record.raw);
      // What hangs under a request (its plan): fagopplæringen lets NAV read it only while the request is open.
      if (parent?.kind === 'kartlegging') return organisation === 'NAV' && !OPEN_STATUSES.has(parent.raw.status) ? consentRequired(purpose) : grant(parent.raw);
      // The person's records: under the open request's consent, when it covers their kind.
      return openRequestsWithConsent(fx, ident).some((k) => covers(k, kinds)) ? DISCLOSE : consentRequired(purpose);
    },
  },
};

export function purposeOracle(purpose: string): PurposeOracle {
  const oracle = PURPOSE_ORACLES[purpose];
  if (!oracle) throw new Error(`No probe oracle for the consent purpose ${purpose}: add one to PURPOSE_ORACLES in test/probes/consent.ts`);
  return oracle;
}
