import type { Caller } from '../lib/auth/caller.ts';
import type { Logger } from '../lib/log.ts';
import type { RequestBudget } from './budget.ts';

/** Per request in the gateway: who calls (verified), with which token, under which call id. */
export interface GatewayContext {
  callId: string;
  /** The caller's Authorization header, passed on to the subgraphs, which verify it themselves. */
  authorization: string;
  caller: Caller;
  log: Logger;
  /** The time left to this request (a batch shares one); every subgraph call draws on it. */
  budget: RequestBudget;
}
