import { z } from 'zod';

/** How long the gateway waits for subgraphs. */
export interface GatewayTimeouts {
  /** Longest wait for one subgraph call; above the subgraphs' own upstream timeout (5 s), so a subgraph can still
   * answer with its data and its own UPSTREAM_TIMEOUT on the fields of a hung system. @default 6000 */
  subgraphTimeoutMs: number;
  /** Longest time one GraphQL request (a batch counts as one) may take from its arrival: no subgraph call starts
   * after it and none outlives it. @default 10000 */
  requestBudgetMs: number;
}

export const DEFAULT_TIMEOUTS: GatewayTimeouts = { subgraphTimeoutMs: 6000, requestBudgetMs: 10_000 };

const MAX_MS = 120_000;

/** The timeouts with defaults filled in; a bad value fails at creation, naming the option. */
export function gatewayTimeouts(given: Partial<GatewayTimeouts> = {}): GatewayTimeouts {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...given };
  for (const [name, ms] of Object.entries(timeouts)) {
    if (!Number.isInteger(ms) || ms < 1 || ms > MAX_MS) throw new Error(`timeouts.${name} must be a whole number of milliseconds from 1 to ${MAX_MS}; got ${ms}.`);
  }
  return timeouts;
}

const milliseconds = z.coerce.number().int().min(1).max(MAX_MS).optional();
const timeoutEnv = z.object({ GATEWAY_SUBGRAPH_TIMEOUT_MS: milliseconds, GATEWAY_REQUEST_BUDGET_MS: milliseconds });

/** GATEWAY_SUBGRAPH_TIMEOUT_MS and GATEWAY_REQUEST_BUDGET_MS; a bad value fails at start, naming the variable. */
export function timeoutsFromEnv(env: Record<string, string | undefined> = process.env): Partial<GatewayTimeouts> {
  const parsed = timeoutEnv.safeParse(env);
  if (!parsed.success) throw new Error(`Bad configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const { GATEWAY_SUBGRAPH_TIMEOUT_MS: subgraphTimeoutMs, GATEWAY_REQUEST_BUDGET_MS: requestBudgetMs } = parsed.data;
  return { ...(subgraphTimeoutMs ? { subgraphTimeoutMs } : {}), ...(requestBudgetMs ? { requestBudgetMs } : {}) };
}

/**
 * The time left to one GraphQL request. Created when the request arrives and kept in its context, so every subgraph
 * call of the request — in parallel or one after another in the query plan — draws on the same deadline.
 */
export class RequestBudget {
  private readonly deadline: number;

  constructor(
    totalMs: number,
    startedAt = performance.now(),
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.deadline = startedAt + totalMs;
  }

  remainingMs(): number {
    return Math.max(0, this.deadline - this.clock());
  }

  spent(): boolean {
    return this.remainingMs() <= 0;
  }

  /** A signal for one subgraph call: aborted at the call's own timeout or at the deadline, whichever comes first. */
  signalFor(callTimeoutMs: number): AbortSignal {
    return AbortSignal.timeout(Math.max(1, Math.min(callTimeoutMs, Math.ceil(this.remainingMs()))));
  }
}
