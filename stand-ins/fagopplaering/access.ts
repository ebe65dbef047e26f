import type { UpstreamCaller } from '../common/app.ts';
import type { Kode } from './problem.ts';
import type { FagopplaeringState } from './state.ts';
import type { Aktor, Kartleggingsforesporsel, KartleggingStatus, Omfang, Radgiver } from './types.ts';

/**
 * Who may read what (fagopplaering.openapi.yaml and shared/upstreams/README.md, "Access rules"):
 * PERSON their own data; FAGOPPLAERING everything in the county but requests awaiting the person's consent; NAV
 * records only of persons with an open request, only the kinds in `samtykke.omfang`, and nothing after withdrawal;
 * PARTNER and KARRIERESENTER no personal data.
 */

/** Statuses in which NAV may read through a request. */
export const OPEN_STATUSES: readonly KartleggingStatus[] = ['MOTTATT', 'UNDER_BEHANDLING', 'PLAN_SENDT'];
/** A person has at most one request in these: the open ones and one awaiting the person's consent. */
const UNFINISHED_STATUSES: readonly KartleggingStatus[] = ['VENTER_PA_SAMTYKKE', ...OPEN_STATUSES];

export type RecordKind = 'fag' | 'praksis' | 'laerekontrakter';
export const ALL_KINDS: readonly RecordKind[] = ['fag', 'praksis', 'laerekontrakter'];
const KIND_OF_OMFANG: Partial<Record<Omfang, RecordKind>> = {
  FAG_OG_KARAKTERER: 'fag',
  PRAKSIS: 'praksis',
  LAEREKONTRAKTER: 'laerekontrakter',
};

const isSubject = (caller: UpstreamCaller, fnr: string) => caller.role === 'PERSON' && !!caller.pid && caller.pid === fnr;

export type Decision = { ok: true } | { ok: false; status: 403; kode: Kode; detail: string };
const allow: Decision = { ok: true };
const deny = (kode: Kode, detail: string): Decision => ({ ok: false, status: 403, kode, detail });
const NO_ACCESS = deny('IKKE_TILGANG', 'Du har ikke tilgang til denne ressursen.');
const WITHDRAWN = deny('SAMTYKKE_TRUKKET', 'Personen har trukket samtykket for denne forespørselen.');
const AWAITING = deny('SAMTYKKE_MANGLER', 'Personen har ikke gitt samtykke ennå.');

/** The record kinds a request's consent covers (none while there is no consent). */
export function kindsOf(request: Kartleggingsforesporsel): Set<RecordKind> {
  return new Set((request.samtykke?.omfang ?? []).flatMap((o) => KIND_OF_OMFANG[o] ?? []));
}

/** The person's open request under consent, if any (there is at most one). */
export function openRequestOf(state: FagopplaeringState, fnr: string): Kartleggingsforesporsel | undefined {
  for (const k of state.kartlegginger.values()) if (k.fnr === fnr && OPEN_STATUSES.includes(k.status)) return k;
  return undefined;
}

/**
 * A request that awaits the person's consent does not exist for anyone but NAV, who asked, and the person — not for
 * the county's own advisors either: not found, not searchable, nothing read through it until the person consents.
 */
export function isHiddenFrom(caller: UpstreamCaller, request: Kartleggingsforesporsel): boolean {
  return request.status === 'VENTER_PA_SAMTYKKE' && caller.role !== 'NAV' && !isSubject(caller, request.fnr);
}

/** The person's open request or the one awaiting their consent, if any: a new request waits until it is done. */
export function unfinishedRequestOf(state: FagopplaeringState, fnr: string): Kartleggingsforesporsel | undefined {
  for (const k of state.kartlegginger.values()) if (k.fnr === fnr && UNFINISHED_STATUSES.includes(k.status)) return k;
  return undefined;
}

/** The record kinds the caller may read for a person in the batch search (empty: none). */
export function readableKinds(state: FagopplaeringState, caller: UpstreamCaller, fnr: string): Set<RecordKind> {
  if (caller.role === 'FAGOPPLAERING' || isSubject(caller, fnr)) return new Set(ALL_KINDS);
  if (caller.role !== 'NAV') return new Set();
  const open = openRequestOf(state, fnr);
  return open ? kindsOf(open) : new Set();
}

/** Reading a request itself: the county, NAV (it sent the request; also TRUKKET ones) and the person. */
export function canReadRequest(caller: UpstreamCaller, request: Kartleggingsforesporsel): Decision {
  if (caller.role === 'FAGOPPLAERING' || caller.role === 'NAV' || isSubject(caller, request.fnr)) return allow;
  return NO_ACCESS;
}

/** Reading the records a request covers (`/grunnlag`). */
export function canReadGrunnlag(caller: UpstreamCaller, request: Kartleggingsforesporsel): Decision {
  if (isSubject(caller, request.fnr)) return allow;
  if (caller.role !== 'FAGOPPLAERING' && caller.role !== 'NAV') return NO_ACCESS;
  if (request.status === 'TRUKKET') return WITHDRAWN;
  if (request.status === 'VENTER_PA_SAMTYKKE') return AWAITING;
  if (caller.role === 'NAV' && !OPEN_STATUSES.includes(request.status)) return NO_ACCESS;
  return allow;
}

/** Reading a plan: NAV also needs OPPLAERINGSPLAN_TIL_NAV in the consent and an open request. */
export function canReadPlan(caller: UpstreamCaller, request: Kartleggingsforesporsel): Decision {
  if (isSubject(caller, request.fnr)) return allow;
  if (caller.role !== 'FAGOPPLAERING' && caller.role !== 'NAV') return NO_ACCESS;
  if (request.status === 'TRUKKET') return WITHDRAWN;
  if (request.status === 'VENTER_PA_SAMTYKKE') return AWAITING;
  if (caller.role === 'NAV') {
    if (!OPEN_STATUSES.includes(request.status)) return NO_ACCESS;
    if (!request.samtykke?.omfang.includes('OPPLAERINGSPLAN_TIL_NAV')) {
      return deny('IKKE_TILGANG', 'Samtykket omfatter ikke opplæringsplanen.');
    }
  }
  return allow;
}

/** Giving a digital consent: the person, with their own token, for their own request; nobody else. */
export function canConsent(caller: UpstreamCaller, request: Kartleggingsforesporsel): Decision {
  if (isSubject(caller, request.fnr)) return allow;
  if (caller.role === 'PERSON') return NO_ACCESS; // another person's request: as if it did not exist to them
  return deny('DIGITALT_SAMTYKKE_KUN_FRA_PERSON', 'Et digitalt samtykke gir personen selv, med egen innlogging.');
}

/** Registering a withdrawal: the person for their own request, NAV and the county on the person's behalf. */
export function canWithdraw(caller: UpstreamCaller, request: Kartleggingsforesporsel): Decision {
  if (caller.role === 'FAGOPPLAERING' || caller.role === 'NAV' || isSubject(caller, request.fnr)) return allow;
  return NO_ACCESS;
}

/**
 * NAV closing its own request before fagopplæringen took it on (VENTER_PA_SAMTYKKE or MOTTATT → AVSLUTTET, an
 * extension of the contract): the referring advisor only, e.g. when the person could not be told of the request.
 */
export function isReferringAdvisor(caller: UpstreamCaller, request: Kartleggingsforesporsel): boolean {
  return caller.role === 'NAV' && !!caller.NAVident && caller.NAVident === request.henvisendeVeileder.navIdent;
}

/** The county advisor behind a FAGOPPLAERING token; only they change requests and write plans. */
export function advisorOf(state: FagopplaeringState, caller: UpstreamCaller): Radgiver | undefined {
  if (caller.role !== 'FAGOPPLAERING' || !caller.advisorId) return undefined;
  return state.radgivere.get(caller.advisorId);
}

/** May the caller read aggregate statistics? Everyone but persons and the career centres. */
export function canReadStatistics(caller: UpstreamCaller): boolean {
  return caller.role === 'PARTNER' || caller.role === 'FAGOPPLAERING' || caller.role === 'NAV';
}

/** The caller as the actor recorded in a request's history. */
export function actorOf(caller: UpstreamCaller): Aktor {
  if (caller.role === 'NAV') return { type: 'NAV', id: caller.NAVident ?? caller.oid ?? 'ukjent' };
  if (caller.role === 'PERSON') return { type: 'BRUKER', id: caller.pid ?? 'ukjent' };
  if (caller.role === 'FAGOPPLAERING') return { type: 'FAGOPPLAERING', id: caller.advisorId ?? 'ukjent' };
  return { type: 'SYSTEM', id: caller.sub ?? caller.role };
}
