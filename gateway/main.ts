/** The gateway alone (a separate deployment): PORT, subgraph URLs, the issuer and the timeouts from the environment. */
import { z } from 'zod';
import { createTokenVerifier } from '../lib/auth/verify.ts';
import { GRAPH_AUDIENCE, basePort, isProduction, stackUrls } from '../lib/config.ts';
import { createLogger } from '../lib/log.ts';
import { readSupergraph } from '../schema/compose.ts';
import { timeoutsFromEnv } from './budget.ts';
import { gatewayLimitsFromEnv } from './limits.ts';
import { startGateway } from './server.ts';

if (isProduction() && !process.env.AUTH_ISSUER) throw new Error('AUTH_ISSUER is required in production.');
if (isProduction() && !process.env.GATEWAY_SIGNING_SECRET) throw new Error('GATEWAY_SIGNING_SECRET is required in production.');
const urls = stackUrls();
const log = createLogger('gateway', z.string().default('info').parse(process.env.LOG_LEVEL));
const server = await startGateway({
  supergraphSdl: readSupergraph(),
  subgraphUrls: urls.subgraphs,
  verifier: createTokenVerifier({ issuer: urls.auth.issuer, jwksUrl: urls.auth.jwksUrl, audience: process.env.AUTH_AUDIENCE ?? GRAPH_AUDIENCE }),
  log,
  port: basePort(),
  signingSecret: process.env.GATEWAY_SIGNING_SECRET,
  timeouts: timeoutsFromEnv(),
  limits: gatewayLimitsFromEnv(),
});
log.info({ url: server.url }, 'gateway ready');
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void server.close().then(() => process.exit(0)));
