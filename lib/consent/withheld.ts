import { SUBJECT, type Personal } from './subject.ts';

const WITHHELD: unique symbol = Symbol('fagbrev-graph.withheld');

/** Why the owning system withheld a record from the caller, in the words of the graph's own decisions. */
export interface Withholding {
  /** The record's id in the owning system, for the audit trail only. */
  recordId: string;
  code: 'FORBIDDEN' | 'CONSENT_REQUIRED';
  /** The reason as the graph's own rule would give it (NO_GRANT, GRANT_NOT_ACTIVE, NOT_VISIBLE_TO_NAV, OTHER_CENTRE...). */
  reason: string;
  /** The grant that no longer stands, when the system names it. */
  grantId?: string;
}

/**
 * A record the owning system did not hand over because its own rule withholds it from this caller (an unshared note,
 * a booking kept from NAV), as a resolver returns it among the records it did get: so the one decision path in
 * enforce.ts refuses and audits it like any other. It has no enumerable property — no id, no time, nothing a
 * field could resolve — and the plumbing always refuses it, so even a mistake discloses nothing.
 */
export interface Withheld extends Personal {
  readonly [WITHHELD]: Withholding;
}

export function withheldRecord(subject: string, withholding: Withholding): Withheld {
  const value = {};
  Object.defineProperty(value, SUBJECT, { value: subject, enumerable: false });
  Object.defineProperty(value, WITHHELD, { value: Object.freeze({ ...withholding }), enumerable: false });
  return value as Withheld;
}

/** Why a value was withheld, when it is a withheld record; undefined for any other value. */
export function withholdingOf(value: unknown): Withholding | undefined {
  if (value && typeof value === 'object' && WITHHELD in value) return (value as Withheld)[WITHHELD];
  return undefined;
}
