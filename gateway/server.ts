import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginSchemaReportingDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { actorId } from '../lib/auth/caller.ts';
import { authRefusal, refusalReason } from '../lib/auth/refusal.ts';
import { callIdFrom } from '../lib/callId.ts';
import { serveGraphQL, type RunningServer } from '../lib/http.ts';
import { graphqlHttpErrors } from '../lib/httpErrors.ts';
import type { Logger } from '../lib/log.ts';
import type { TokenVerifier } from '../lib/subgraph/server.ts';
import { gatewayTimeouts, RequestBudget, type GatewayTimeouts } from './budget.ts';
import type { GatewayContext } from './context.ts';
import { gatewayLimits, operationLimits, type GatewayLimits } from './limits.ts';
import { createGatewayMetrics } from './metrics.ts';
import { operationResolutionPlugin } from './operationResolution.ts';
import { readinessOf } from './readiness.ts';
import { requestLogPlugin } from './requestLog.ts';
import { formatGatewayError } from './subgraphErrors.ts';
import { subgraphSchemas } from './subgraphSchemas.ts';
import { SubgraphSource } from './subgraphSource.ts';

export interface GatewayOptions {
  /** The composed supergraph (schema/supergraph.graphql). */
  supergraphSdl: string;
  /** Where each subgraph is, by its name in the supergraph; overrides the URLs composed into it. */
  subgraphUrls: Record<string, string>;
  verifier: TokenVerifier;
  log: Logger;
  /** Signs every subgraph request with this secret (lib/signing). @default off */
  signingSecret?: string;
  /** Largest request body accepted. @default '256kb' */
  maxBodySize?: string;
  /** Depth, alias, directive, token, cost and batch limits (gateway/limits.ts). @default DEFAULT_LIMITS */
  limits?: Partial<GatewayLimits>;
  /** How long a subgraph call and a whole request may take. @default DEFAULT_TIMEOUTS (budget.ts) */
  timeouts?: Partial<GatewayTimeouts>;
}

/** The router process: token verification, the supergraph, call ids, JSON logs, health. */
export async function createGatewayApp(options: GatewayOptions) {
  const timeouts = gatewayTimeouts(options.timeouts);
  const schemas = subgraphSchemas(options.supergraphSdl);
  // @apollo/gateway otherwise probes cloud metadata services (AWS, GCP, Azure, Alibaba) when it is created and
  // reports host figures to Apollo's servers; nothing leaves this gateway but calls to its subgraphs.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    // The plan's subgraph operations as parsed documents, so each answer is checked without parsing again.
    queryPlannerConfig: { exposeDocumentNodeInFetchNode: true },
    buildService: ({ name, url }) => {
      const configured = options.subgraphUrls[name] ?? url;
      const schema = schemas.get(name);
      if (!configured || !schema) throw new Error(`No URL or schema for subgraph ${name}`);
      return new SubgraphSource({ name, url: configured, schema, timeoutMs: timeouts.subgraphTimeoutMs, signingSecret: options.signingSecret, metrics });
    },
  });
  const limits = operationLimits({ limits: gatewayLimits(options.limits), supergraphSdl: options.supergraphSdl, log: options.log });
  const metrics = createGatewayMetrics();
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    allowBatchedHttpRequests: true,
    // The process owns shutdown (npm start, main.ts): Apollo's own signal handlers would re-raise the signal mid-stop.
    stopOnTerminationSignals: false,
    ...limits.apolloConfig,
    includeStacktraceInErrorResponses: false,
    formatError: formatGatewayError,
    plugins: [requestLogPlugin(metrics), operationResolutionPlugin(), ApolloServerPluginUsageReportingDisabled(), ApolloServerPluginSchemaReportingDisabled(), ...limits.apolloConfig.plugins],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/internal/isalive', (_req, res) => void res.send('alive'));
  app.get('/internal/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.get('/internal/isready', async (_req, res) => {
    const readiness = await readinessOf(options.subgraphUrls);
    res.status(readiness.ready ? 200 : 503).json(readiness);
  });
  app.use(
    '/graphql',
    (req, res, next) => {
      res.locals.arrivedAt = performance.now();
      res.set('Nav-Call-Id', callIdFrom(req.headers));
      next();
    },
    express.json({ limit: options.maxBodySize ?? '256kb' }),
    limits.middleware,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const callId = res.get('Nav-Call-Id')!;
        const authorization = req.get('authorization');
        try {
          const { caller } = await options.verifier.verify(authorization);
          const log = options.log.child({ callId, actor: actorId(caller), role: caller.role });
          const budget = new RequestBudget(timeouts.requestBudgetMs, res.locals.arrivedAt as number);
          return { callId, authorization: authorization!, caller, log, budget };
        } catch (error) {
          options.log.info({ callId, reason: refusalReason(error) }, 'request refused: no valid token');
          throw authRefusal(error);
        }
      },
    }),
  );
  app.use(...graphqlHttpErrors(options.log));
  return { app, apollo };
}

export async function startGateway(options: GatewayOptions & { port: number }): Promise<RunningServer> {
  const { app, apollo } = await createGatewayApp(options);
  return serveGraphQL(app, options.port, apollo);
}
