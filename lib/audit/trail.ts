import { toCef, type AuditEvent } from './cef.ts';
import type { AuditSink } from './sink.ts';

/**
 * One request's audit events: recorded while resolving, one per decision, and written in one go before the response
 * leaves. If the write fails, the response is replaced by an error: nothing is disclosed that could not be recorded.
 *
 * A decision is about one thing in one request: the actor (the request's caller), the subject, the coordinate and,
 * for a record, its id — two notes of one person are two decisions. The same decision reached again (an alias, a
 * fragment, the same list asked twice) is recorded once; a record disclosed in one list and refused in another are
 * two decisions (two coordinates), each recorded as it was made.
 */
export class RequestAuditTrail {
  private readonly events = new Map<string, AuditEvent>();

  constructor(private readonly sink: AuditSink) {}

  record(event: AuditEvent): void {
    const key = `${event.actor}|${event.subject}|${event.coordinate}|${event.recordId ?? ''}|${event.decision}|${event.grantId ?? ''}`;
    if (!this.events.has(key)) this.events.set(key, event);
  }

  get size(): number {
    return this.events.size;
  }

  async flush(): Promise<void> {
    if (this.events.size === 0) return;
    const lines = [...this.events.values()].map(toCef);
    this.events.clear();
    await this.sink.write(lines);
  }
}
