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

const keyOf = (e: Pick<AuditExpectation, 'callId' | 'actor' | 'subject' | 'decision' | 'coordinate'>) =>
  `${e.callId}|${e.actor}|${e.subject}|${e.decision}|${e.coordinate}`;

/** The expected events that no line of the audit trail records (by call id, actor, subject, decision, coordinate). */
export function missingAuditEvents(lines: string[], expected: AuditExpectation[]): AuditExpectation[] {
  const recorded = new Set(
    lines.map(cefFields).map((f) => keyOf({ callId: f.sproc ?? '', actor: f.suid ?? '', subject: f.duid ?? '', decision: f.flexString1 as 'Permit', coordinate: f.request ?? '' })),
  );
  const seen = new Set<string>();
  return expected.filter((e) => {
    const key = keyOf(e);
    if (seen.has(key)) return false;
    seen.add(key);
    return !recorded.has(key);
  });
}
