import type { AuditExpectation } from './tally.ts';

/** The extension fields of one CEF line (`CEF:0|…|key=value key=value`), with CEF escapes undone. */
export function cefFields(line: string): Record<string, string> {
  const extension = line.split('|').slice(7).join('|');
  const fields: Record<string, string> = {};
  for (const match of extension.matchAll(/(\w+)=((?:\\.|[^\\])*?)(?=\s+\w+=|$)/g)) {
    fields[match[1]!] = match[2]!.replace(/\\n/g, '\n').replace(/\\([\\=])/g, '$1');
  }
  return fields;
}

type Unit = Pick<AuditExpectation, 'callId' | 'actor' | 'subject' | 'coordinate' | 'recordId'>;

/** One decision: who, about whom, what, which record, in which call (lib/audit/trail.ts). */
const unitOf = (e: Unit) => `${e.callId}|${e.actor}|${e.subject}|${e.coordinate}|${e.recordId ?? ''}`;

const tally = (values: string[]) => values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>());
const show = (m: Map<string, number>) => [...m].map(([d, n]) => `${n}× ${d}`).join(', ') || 'nothing';

/**
 * Everything in the audit trail that breaks "every decision about another person's data is recorded exactly once,
 * with its final decision", for the probes' calls. Each operation decides afresh (a batch of ten operations carries
 * one call id and decides ten times), so the expectation holds one entry per operation and decision, and the trail
 * must hold exactly as many records of that decision and none of the other. Beyond the expectations, no decision of
 * these calls may be recorded as both Permit and Deny.
 */
export function auditMismatches(lines: string[], expected: AuditExpectation[]): string[] {
  const callIds = new Set(expected.map((e) => e.callId));
  const recorded = new Map<string, string[]>();
  for (const f of lines.map(cefFields)) {
    if (!callIds.has(f.sproc ?? '')) continue;
    const unit = unitOf({ callId: f.sproc!, actor: f.suid ?? '', subject: f.duid ?? '', coordinate: f.request ?? '', recordId: f.cs4 });
    recorded.set(unit, [...(recorded.get(unit) ?? []), f.flexString1 ?? '?']);
  }
  const wanted = new Map<string, string[]>();
  for (const e of expected) wanted.set(unitOf(e), [...(wanted.get(unitOf(e)) ?? []), e.decision]);

  const problems: string[] = [];
  for (const [unit, decisions] of wanted) {
    const want = tally(decisions);
    const got = tally(recorded.get(unit) ?? []);
    if (show(want) !== show(new Map([...got].filter(([d]) => want.has(d)))) || got.size !== want.size) {
      problems.push(`${unit}: expected ${show(want)}, recorded ${show(got)}`);
    }
  }
  for (const [unit, decisions] of recorded) {
    if (!wanted.has(unit) && new Set(decisions).size > 1) problems.push(`${unit}: recorded as ${show(tally(decisions))}`);
  }
  return problems;
}
