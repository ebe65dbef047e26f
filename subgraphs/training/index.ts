import { fileURLToPath } from 'node:url';
import type { RunningServer } from '../../lib/http.ts';
import type { AuditSink } from '../../lib/audit/sink.ts';
import type { Logger } from '../../lib/log.ts';
import { statisticsPublisherOf } from '../../lib/statistics/publish.ts';
import { subgraphTypeDefs } from '../../lib/subgraph/schema.ts';
import {
  createSubgraphApp,
  startSubgraph,
  type SubgraphServerOptions,
  type TokenExchanger,
  type TokenVerifier,
} from '../../lib/subgraph/server.ts';
import { trainingGrants, trainingPersonAccess } from './access.ts';
import { buildTrainingContext, type TrainingContext, type TrainingUpstreams } from './context.ts';
import { trainingResolvers } from './resolvers/index.ts';

export type { TrainingContext, TrainingUpstreams } from './context.ts';

/** Absolute path of the training subgraph's schema (without the shared definitions). */
export const TRAINING_SCHEMA_PATH: string = fileURLToPath(new URL('./schema.graphql', import.meta.url));

export interface TrainingSubgraphOptions {
  verifier: TokenVerifier;
  exchanger: TokenExchanger;
  log: Logger;
  /** Base URLs and token audiences of fagopplæring, Digipost, NAV (poao-tilgang, veilarbdialog) and the Karrieresenter (notes). */
  upstreams: TrainingUpstreams;
  /** Per upstream call. @default 5000 */
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

function serverOptions(options: TrainingSubgraphOptions): SubgraphServerOptions<TrainingContext> {
  for (const [name, upstream] of Object.entries(options.upstreams)) {
    if (!URL.canParse(upstream.url) || !upstream.audience) {
      throw new Error(`training subgraph: upstreams.${name} needs an absolute url and an audience.`);
    }
  }
  const { senderId } = options.upstreams.digipost;
  if (senderId !== undefined && !/^[0-9]+$/.test(senderId)) {
    throw new Error('training subgraph: upstreams.digipost.senderId must be the Digipost sender account number (digits).');
  }
  const statistics = statisticsPublisherOf(options.statisticsRoundingKey);
  if (senderId === undefined) options.log.warn('training subgraph: no upstreams.digipost.senderId, so delivery status of sent plans is unavailable');
  return {
    name: 'training',
    typeDefs: subgraphTypeDefs(TRAINING_SCHEMA_PATH),
    resolvers: trainingResolvers,
    verifier: options.verifier,
    exchanger: options.exchanger,
    log: options.log,
    buildContext: (base) => buildTrainingContext(base, options.upstreams, statistics, options.timeoutMs),
    personAccess: trainingPersonAccess,
    grants: trainingGrants,
    auditSink: options.auditSink,
    gatewaySigningSecret: options.gatewaySigningSecret,
    ...(options.now ? { now: options.now } : {}),
  };
}

/** The training subgraph as an express app (for tests and for embedding). */
export function createTrainingSubgraph(options: TrainingSubgraphOptions) {
  return createSubgraphApp(serverOptions(options));
}

/** Starts the training subgraph on `port` (0: any free port). */
export function startTrainingSubgraph(options: TrainingSubgraphOptions & { port: number }): Promise<RunningServer> {
  return startSubgraph({ ...serverOptions(options), port: options.port });
}
