/**
 * NAV's audit trail ("sporingslogg") in ArcSight CEF, as navikt/common-java-modules' audit-log writes it:
 * `CEF:0|<app>|<logName>|1.0|audit:access|<description>|INFO|end=<ms> suid=<actor> duid=<subject> ...`.
 * Unlike application logs, the audit trail names the data subject (duid): that is its purpose.
 *
 * One line is one decision: who (suid) about whose data (duid), what (request: the schema coordinate, and for a
 * record such as a note or a booking its id in `cs4`, labelled ObjectId), the final decision (flexString1), why
 * (flexString2), the purpose (cs3) and grant (cs5) it rested on, and the call (sproc). cs4 is a CEF custom string
 * NAV's format leaves free; without it the decision is about the field as a whole.
 */
export type Decision = 'Permit' | 'Deny';

export interface AuditEvent {
  /** Who saw or was refused: NAVident, counsellor id, advisor id or client id. */
  actor: string;
  /** Whose data: the person's ident. */
  subject: string;
  /** What: the schema coordinate ("Person.careerNotes", "CareerNote"). */
  coordinate: string;
  /** Which record, for a decision about one object (a note, a booking): its id in the owning system. */
  recordId?: string;
  decision: Decision;
  /** Why, for a refusal (FORBIDDEN, CONSENT_REQUIRED, a poao-tilgang reason...). */
  reason?: string;
  purpose?: string;
  grantId?: string;
  callId: string;
  /** The process that decided (nav, career, training). */
  source: string;
  /** When, ms since the epoch. */
  at: number;
}

const header = (v: string) => v.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
const ext = (v: string) => v.replace(/\\/g, '\\\\').replace(/=/g, '\\=').replace(/\r?\n/g, '\\n');

export function toCef(e: AuditEvent): string {
  const labelled = (key: string, label: string, value: string | undefined): [string, string][] =>
    value === undefined ? [] : [[`${key}Label`, label], [key, value]];
  const fields: [string, string][] = [
    ['end', String(e.at)],
    ['suid', e.actor],
    ['duid', e.subject],
    ['sproc', e.callId],
    ['request', e.coordinate],
    ...labelled('cs4', 'ObjectId', e.recordId),
    ...labelled('flexString1', 'Decision', e.decision),
    ...labelled('flexString2', 'Reason', e.reason),
    ...labelled('cs3', 'Purpose', e.purpose),
    ...labelled('cs5', 'GrantId', e.grantId),
  ];
  const extension = fields.map(([k, v]) => `${k}=${ext(v)}`).join(' ');
  return `CEF:0|fagbrev-graph|${header(e.source)}|1.0|audit:access|Personal data access|INFO|${extension}`;
}
