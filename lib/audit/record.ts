import { actorId } from '../auth/caller.ts';
import type { BaseContext } from '../subgraph/context.ts';
import type { Decision } from './cef.ts';

export interface DecisionRecord {
  /** Whose data. */
  subject: string;
  /** What: "Type.field" or "Type". */
  coordinate: string;
  /** Which record, for a decision about one object (a note, a booking, a request): its id. */
  recordId?: string;
  decision: Decision;
  reason?: string;
  purpose?: string;
  grantId?: string;
}

/**
 * Puts one access decision about someone's data on the request's audit trail: the final decision only (a field
 * refused by consent after passing access is one Deny). Read-time decisions are made and recorded by
 * lib/consent/enforce.ts; a mutation records its own decision to act for a person here.
 */
export function recordDecision(context: BaseContext, source: string, record: DecisionRecord): void {
  context.audit.record({
    actor: actorId(context.caller),
    callId: context.callId,
    source,
    at: context.now().getTime(),
    ...record,
  });
}
