import { fileURLToPath } from 'node:url';
import { createSubgraphApp, startSubgraph, type TokenExchanger, type TokenVerifier } from '../../lib/subgraph/server.ts';
import { subgraphTypeDefs } from '../../lib/subgraph/schema.ts';
import type { AuditSink } from '../../lib/audit/sink.ts';
import type { RunningServer } from '../../lib/http.ts';
import type { Logger } from '../../lib/log.ts';
import { statisticsPublisherOf } from '../../lib/statistics/publish.ts';
import { careerGrants, careerPersonAccess } from './access.ts';
import { careerContextFactory, type CareerContext, type CareerUpstreams } from './context.ts';
import { careerResolvers } from './resolvers/index.ts';
import { careerRows } from './rows.ts';

/** Absolute path of the career subgraph's schema.graphql. */
export const CAREER_SCHEMA_PATH = fileURLToPath(new URL('./schema.graphql', import.meta.url));

export interface CareerSubgraphOptions {
  verifier: TokenVerifier;
  exchanger: TokenExchanger;
  log: Logger;
  /** Base URLs and token audiences of the Karrieresenter and of NAV (poao-tilgang). */
  upstreams: CareerUpstreams;
  /** Abort each upstream call after this many milliseconds. @default 5000 */
  timeoutMs?: number;
  /** Where audit events go (every disclosure to someone other than the person, every refusal). */
  auditSink: AuditSink;
  /** Refuse requests the gateway did not sign (lib/signing). @default off */
  gatewaySigningSecret?: string;
  /** The clock grants are judged by. @default () => new Date() */
  now?: () => Date;
  /**
   * The secret the programme statistics are rounded with (lib/statistics/rounding.ts), at least 32 characters: the
   * same in every replica and kept across restarts, or each start rounds the same figures afresh.
   * @default a random key per start
   */
  statisticsRoundingKey?: string;
}

function serverOptions(options: CareerSubgraphOptions) {
  for (const [name, upstream] of Object.entries(options.upstreams)) {
    if (!URL.canParse(upstream.url)) throw new Error(`career subgraph: upstreams.${name}.url must be an absolute URL`);
  }
  return {
    name: 'career',
    typeDefs: subgraphTypeDefs(CAREER_SCHEMA_PATH),
    resolvers: careerResolvers,
    verifier: options.verifier,
    exchanger: options.exchanger,
    log: options.log,
    buildContext: careerContextFactory(options.upstreams, statisticsPublisherOf(options.statisticsRoundingKey), options.timeoutMs),
    personAccess: careerPersonAccess,
    grants: careerGrants,
    rows: careerRows,
    // Counsellors see their centre's notes under the access rules: the Karrieresenter holds the notes itself.
    consentExempt: ['KARRIERESENTER' as const],
    auditSink: options.auditSink,
    gatewaySigningSecret: options.gatewaySigningSecret,
    ...(options.now ? { now: options.now } : {}),
  };
}

/** The career subgraph (Karrieresenter centres, bookings and notes) as an express app. */
export function createCareerSubgraph(options: CareerSubgraphOptions) {
  return createSubgraphApp<CareerContext>(serverOptions(options));
}

/** The career subgraph listening on `port` (0: any free port). */
export function startCareerSubgraph(options: CareerSubgraphOptions & { port: number }): Promise<RunningServer> {
  return startSubgraph<CareerContext>({ ...serverOptions(options), port: options.port });
}
