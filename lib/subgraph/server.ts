import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import express from 'express';
import { GraphQLError, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import { actorId, type Organisation, type VerifiedToken } from '../auth/caller.ts';
import { authRefusal, exchangeRefusal, refusalReason } from '../auth/refusal.ts';
import type { PersonAccessPolicy } from '../access/policy.ts';
import type { RowRules } from '../access/rows.ts';
import { TokenExchangeError, type TokenExchanger } from '../auth/exchange.ts';
import type { TokenVerifier } from '../auth/verify.ts';
import type { GrantSource } from '../consent/grants.ts';
import { callIdFrom } from '../callId.ts';
import { ErrorCode } from '../errors.ts';
import { serveGraphQL, type RunningServer } from '../http.ts';
import { graphqlHttpErrors } from '../httpErrors.ts';
import type { Logger } from '../log.ts';
import { createMetrics } from '../metrics.ts';
import { scalarResolvers } from '../scalars.ts';
import { RequestAuditTrail } from '../audit/trail.ts';
import type { AuditSink } from '../audit/sink.ts';
import { protectSchema } from '../consent/enforce.ts';
import { assertSecret } from '../signing/gatewaySignature.ts';
import { gatewaySigning } from '../signing/requireGatewaySignature.ts';
import { UpstreamHttpError, upstreamFailureToGraphError } from '../upstream/errors.ts';
import type { BaseContext } from './context.ts';

export type { TokenExchanger, TokenVerifier };

export interface SubgraphServerOptions<TContext extends BaseContext> {
  /** nav, career or training. */
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<TContext>;
  verifier: TokenVerifier;
  exchanger: TokenExchanger;
  log: Logger;
  /** Adds the subgraph's clients and DataLoaders; called once per request. */
  buildContext(base: BaseContext): TContext;
  /** Who may see which person's data here (ARCHITECTURE.md §3), applied to every Person field but the key. */
  personAccess: PersonAccessPolicy<TContext>;
  /** Where @consent grants are read from (the owning systems), batched per request. */
  grants: GrantSource<TContext>;
  /** Row-level rules by object type (lib/access/rows.ts), applied and audited by the plumbing. @default none */
  rows?: RowRules<TContext>;
  /**
   * Organisations that hold this subgraph's data themselves and see it under the access rules alone, not by
   * consent (the Karrieresenter and the notes its counsellors write with the person). @default []
   */
  consentExempt?: Organisation[];
  plugins?: ApolloServerPlugin<TContext>[];
  /** Where audit events go (lib/audit/sink.ts). */
  auditSink: AuditSink;
  /** The clock. @default () => new Date() */
  now?: () => Date;
  /**
   * When set, requests the gateway did not sign with this secret for this subgraph (`name`), or signed already once,
   * are refused (lib/signing). @default off
   */
  gatewaySigningSecret?: string;
}

/**
 * A Federation 2 subgraph over HTTP: it trusts no one — every request's token is verified here, not only at the
 * gateway — and serves /graphql, /internal/isalive, /internal/isready and /internal/metrics.
 */
export async function createSubgraphApp<TContext extends BaseContext>(options: SubgraphServerOptions<TContext>) {
  const metrics = createMetrics(`${options.name}-subgraph`);
  const schema = buildSubgraphSchema([
    { typeDefs: options.typeDefs, resolvers: { ...scalarResolvers, ...options.resolvers } as GraphQLResolverMap<unknown> },
  ]);
  protectSchema<TContext>(schema, {
    source: options.name,
    personAccess: options.personAccess,
    grants: options.grants,
    consentExempt: options.consentExempt ?? [],
    ...(options.rows ? { rows: options.rows } : {}),
  });
  const apollo = new ApolloServer<TContext>({
    schema,
    includeStacktraceInErrorResponses: false,
    // The process owns shutdown (npm start, main.ts): Apollo's own signal handlers would re-raise the signal mid-stop.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => formatSubgraphError(formatted, error, options.log),
    // No inline traces: they would carry error details to the gateway's usage reporting, which we do not use.
    plugins: [ApolloServerPluginInlineTraceDisabled(), auditFlushPlugin<TContext>(options.log), ...(options.plugins ?? [])],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/internal/isalive', (_req, res) => void res.send('alive'));
  app.get('/internal/isready', (_req, res) => void res.send('ready'));
  app.get('/internal/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  const signing = options.gatewaySigningSecret
    ? gatewaySigning({ secret: assertSecret(options.gatewaySigningSecret), subgraph: options.name, log: options.log })
    : undefined;
  app.use(
    '/graphql',
    express.json({ limit: '1mb', verify: signing?.recordBody }),
    ...(signing ? [signing.check] : []),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const callId = callIdFrom(req.headers);
        const log = options.log.child({ callId });
        let auth: VerifiedToken;
        try {
          auth = await options.verifier.verify(req.get('authorization'));
        } catch (error) {
          log.info({ reason: refusalReason(error) }, 'request refused: no valid token');
          throw authRefusal(error);
        }
        const base: BaseContext = {
          callId,
          log: log.child({ actor: actorId(auth.caller), role: auth.caller.role }),
          auth,
          caller: auth.caller,
          audit: new RequestAuditTrail(options.auditSink),
          now: options.now ?? (() => new Date()),
          upstream: (audience) => ({
            callId,
            log,
            token: () => options.exchanger.exchange(auth, audience),
            onCall: (system, operation) => metrics.upstreamCalls.inc({ system, operation }),
          }),
        };
        return options.buildContext(base);
      },
    }),
  );
  app.use(...graphqlHttpErrors(options.log));
  return { app, apollo, metrics };
}

export async function startSubgraph<TContext extends BaseContext>(
  options: SubgraphServerOptions<TContext> & { port: number },
): Promise<RunningServer> {
  const { app, apollo } = await createSubgraphApp(options);
  return serveGraphQL(app, options.port, apollo);
}

/**
 * Every error leaves with a stable code and a message that says nothing about the data: upstream failures and
 * failed token exchanges are mapped in one place (lib/upstream/errors.ts, lib/auth/refusal.ts), anything
 * unexpected becomes INTERNAL_SERVER_ERROR (and is logged without personal data).
 */
export function formatSubgraphError(formatted: GraphQLFormattedError, error: unknown, log: Logger): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : error;
  const mapped =
    original instanceof UpstreamHttpError ? upstreamFailureToGraphError(original) : original instanceof TokenExchangeError ? exchangeRefusal(original) : undefined;
  if (mapped) return { ...formatted, message: mapped.message, extensions: { ...mapped.extensions } };
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    const { http: _http, stacktrace: _s, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  log.error({ err: original instanceof Error ? { type: original.name } : 'unknown', path: formatted.path }, 'unexpected error');
  return { message: 'Internal error.', path: formatted.path, locations: formatted.locations, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

/**
 * Writes the request's audit events before the response leaves. A failed write replaces the response by an
 * error: what could not be recorded is not disclosed.
 */
function auditFlushPlugin<TContext extends BaseContext>(log: Logger): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          try {
            await contextValue.audit.flush();
          } catch (error) {
            log.error({ err: error instanceof Error ? { type: error.name, code: (error as NodeJS.ErrnoException).code } : 'unknown' }, 'audit write failed');
            if (response.body.kind === 'single') {
              response.body.singleResult.data = null;
              response.body.singleResult.errors = [
                new GraphQLError('The access could not be recorded, so nothing was disclosed.', {
                  extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
                }),
              ];
            }
          }
        },
      };
    },
  };
}
