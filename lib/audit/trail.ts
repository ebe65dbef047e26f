import { toCef, type AuditEvent } from './cef.ts';
import type { AuditSink } from './sink.ts';

/**
 * One request's audit events: recorded while resolving, deduplicated (one event per subject, coordinate and
 * decision), and written in one go before the response leaves. If the write fails, the response is replaced by
 * an error: nothing is disclosed that could not be recorded.
 */
export class RequestAuditTrail {
  private readonly events = new Map<string, AuditEvent>();

  constructor(private readonly sink: AuditSink) {}

  record(event: AuditEvent): void {
    const key = `${event.subject}|${event.coordinate}|${event.decision}|${event.grantId ?? ''}`;
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
