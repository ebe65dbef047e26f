import { actorId } from '../auth/caller.ts';
import type { BaseContext } from '../subgraph/context.ts';
import type { Decision } from './cef.ts';

export interface DecisionRecord {
  /** Whose data. */
  subject: string;
  /** What: "Type.field" or "Type". */
  coordinate: string;
  decision: Decision;
  reason?: string;
  purpose?: string;
  grantId?: string;
}

/** Puts one access decision about someone's data on the request's audit trail. */
export function recordDecision(context: BaseContext, source: string, record: DecisionRecord): void {
  context.audit.record({
    actor: actorId(context.caller),
    callId: context.callId,
    source,
    at: context.now().getTime(),
    ...record,
  });
}
