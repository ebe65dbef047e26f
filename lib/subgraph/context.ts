import type { Caller, VerifiedToken } from '../auth/caller.ts';
import type { Logger } from '../log.ts';
import type { RequestAuditTrail } from '../audit/trail.ts';
import type { UpstreamRequestScope } from '../upstream/http.ts';

/** What every subgraph's per-request context starts from. Subgraphs extend it with clients and DataLoaders. */
export interface BaseContext {
  callId: string;
  log: Logger;
  /** The verified token of the caller (every request has one: unauthenticated requests are refused before). */
  auth: VerifiedToken;
  caller: Caller;
  /** The per-request scope for an upstream client: call id, logger and a token issued for that upstream. */
  upstream(audience: string): UpstreamRequestScope;
  /** This request's audit events, written before the response leaves (lib/audit/trail.ts). */
  audit: RequestAuditTrail;
  /** The clock every decision of this request uses (grant activity, ages, upcoming vs past). */
  now: () => Date;
}
