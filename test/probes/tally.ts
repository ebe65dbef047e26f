/** An audit event a probe must have caused (ARCHITECTURE.md §4: every disclosure to someone else, every refusal). */
export interface AuditExpectation {
  callId: string;
  actor: string;
  subject: string;
  decision: 'Permit' | 'Deny';
  /** The schema coordinate the event names (CEF `request=`). */
  coordinate: string;
  /** The record the decision is about (CEF `cs4`, ObjectId), for an instance of a type with an id. */
  recordId?: string;
}

/** The figures of a probe run, and everything it found. */
export class Tally {
  /** HTTP requests sent. */
  requests = 0;
  /** Element × location evaluations. */
  probes = 0;
  /** Decisions that disclosed data (a field, or one instance of a consent-bound type). */
  disclosures = 0;
  /** Decisions that withheld data (a refused field or person, or one instance left out). */
  withholdings = 0;
  /** Data that reached a caller who must not have it. Must stay empty. */
  leaks: string[] = [];
  /** Answers that differ from the oracle in another way (wrong code, data missing, unexplained errors). */
  mismatches: string[] = [];
  audit: AuditExpectation[] = [];

  add(other: Tally): void {
    this.requests += other.requests;
    this.probes += other.probes;
    this.disclosures += other.disclosures;
    this.withholdings += other.withholdings;
    this.leaks.push(...other.leaks);
    this.mismatches.push(...other.mismatches);
    this.audit.push(...other.audit);
  }
}
