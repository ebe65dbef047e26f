import type { DestinationStream } from 'pino';
import { z } from 'zod';
import { timeoutsFromEnv, type GatewayTimeouts } from '../gateway/budget.ts';
import { gatewayLimitsFromEnv, type GatewayLimits } from '../gateway/limits.ts';
import { basePort, isProduction } from '../lib/config.ts';

/** Configuration of the embedded default (npm start and the end-to-end tests), parsed once at start. */
export interface StackOptions {
  /** The gateway's port; the other processes take the ports after it. 0 = every process on a free port. */
  port: number;
  /** Fixture folder for the stand-ins. @default the demo set */
  fixturesDir?: string;
  /** A fixed "now" for the stand-ins and subgraphs (FIXTURES_NOW). @default the clock */
  now?: Date;
  /** Delay of every stand-in response (UPSTREAM_LATENCY_MS). @default 0 */
  latencyMs: number;
  /** Timeout of every upstream call from a subgraph (UPSTREAM_TIMEOUT_MS). @default 5000 */
  upstreamTimeoutMs: number;
  /** The audit trail file (AUDIT_LOG_FILE). @default .data/audit.log */
  auditLogFile: string;
  /** LOG_LEVEL. @default info */
  logLevel: string;
  /** Where the JSON log lines go instead of stdout (tests read them). @default stdout */
  logDestination?: DestinationStream;
  /** The secret the gateway signs subgraph requests with (GATEWAY_SIGNING_SECRET). @default a random one per start */
  gatewaySigningSecret?: string;
  /** The key the programme statistics are rounded with (STATISTICS_ROUNDING_KEY). @default a random one per start */
  statisticsRoundingKey?: string;
  /** The gateway's subgraph call timeout and request budget (GATEWAY_SUBGRAPH_TIMEOUT_MS, GATEWAY_REQUEST_BUDGET_MS). */
  gatewayTimeouts?: Partial<GatewayTimeouts>;
  /** The gateway's operation limits (GATEWAY_MAX_DEPTH, …). @default DEFAULT_LIMITS of gateway/limits.ts */
  gatewayLimits?: Partial<GatewayLimits>;
}

const env = z.object({
  FIXTURES_DIR: z.string().min(1).optional(),
  FIXTURES_NOW: z.iso.datetime({ offset: true }).optional(),
  UPSTREAM_LATENCY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(1).max(120_000).default(5000),
  AUDIT_LOG_FILE: z.string().min(1).default('.data/audit.log'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GATEWAY_SIGNING_SECRET: z.string().min(32).optional(),
  STATISTICS_ROUNDING_KEY: z.string().min(32).optional(),
});

/** Reads the embedded default's configuration; a bad value fails here with a message naming the variable. */
export function stackOptionsFromEnv(source: Record<string, string | undefined> = process.env): StackOptions {
  if (isProduction(source)) throw new Error('The embedded default (stand-ins and local issuer) cannot run in production.');
  const parsed = env.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Bad configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: basePort(source),
    fixturesDir: e.FIXTURES_DIR,
    now: e.FIXTURES_NOW ? new Date(e.FIXTURES_NOW) : undefined,
    latencyMs: e.UPSTREAM_LATENCY_MS,
    upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS,
    auditLogFile: e.AUDIT_LOG_FILE,
    logLevel: e.LOG_LEVEL,
    gatewaySigningSecret: e.GATEWAY_SIGNING_SECRET,
    statisticsRoundingKey: e.STATISTICS_ROUNDING_KEY,
    gatewayTimeouts: timeoutsFromEnv(source),
    gatewayLimits: gatewayLimitsFromEnv(source),
  };
}
