import { z } from 'zod';
import { SUBGRAPH_CLIENT, UPSTREAM_AUDIENCE } from '../auth/audiences.ts';
import { createTokenExchanger } from '../auth/exchange.ts';
import { createTokenVerifier } from '../auth/verify.ts';
import { auditSinkFromEnv } from '../audit/sink.ts';
import { GRAPH_AUDIENCE, defaultPort, isProduction, stackUrls, type ProcessName } from '../config.ts';
import { createLogger } from '../log.ts';

type Env = Record<string, string | undefined>;
type SubgraphName = keyof typeof SUBGRAPH_CLIENT;

const env = z.object({
  LISTEN_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  TOKEN_EXCHANGE_CLIENT_ID: z.string().min(1).optional(),
  TOKEN_EXCHANGE_CLIENT_SECRET: z.string().min(1).optional(),
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(1).max(120_000).default(5000),
  LOG_LEVEL: z.string().default('info'),
  GATEWAY_SIGNING_SECRET: z.string().min(32).optional(),
  STATISTICS_ROUNDING_KEY: z.string().min(32).optional(),
});

const PROCESS: Record<SubgraphName, ProcessName> = { nav: 'navSubgraph', career: 'careerSubgraph', training: 'trainingSubgraph' };

/**
 * Everything a subgraph process needs from its environment when it runs alone (a separate deployment): its port,
 * token verification, token exchange, upstream URLs and audiences, the audit sink. Parsed once, at start.
 */
export function subgraphProcessConfig(name: SubgraphName, source: Env = process.env) {
  const parsed = env.safeParse(source);
  if (!parsed.success) throw new Error(`Bad configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const e = parsed.data;
  const production = isProduction(source);
  if (production && !e.TOKEN_EXCHANGE_CLIENT_SECRET) throw new Error('TOKEN_EXCHANGE_CLIENT_SECRET is required in production.');
  if (production && !e.GATEWAY_SIGNING_SECRET) throw new Error('GATEWAY_SIGNING_SECRET is required in production.');
  // A key per start would round the same figures afresh on every restart and replica: averaged, they give the counts.
  if (production && name !== 'nav' && !e.STATISTICS_ROUNDING_KEY) throw new Error(`STATISTICS_ROUNDING_KEY is required in production (the ${name} subgraph publishes statistics).`);
  if (production && !source.AUTH_ISSUER) throw new Error('AUTH_ISSUER is required in production (the local issuer cannot run there).');
  const urls = stackUrls(source);
  const log = createLogger(`${name}-subgraph`, e.LOG_LEVEL);
  const audience = (system: keyof typeof UPSTREAM_AUDIENCE) => source[`${system.toUpperCase()}_API_AUDIENCE`] ?? UPSTREAM_AUDIENCE[system];
  return {
    port: e.LISTEN_PORT ?? defaultPort(PROCESS[name], source),
    log,
    timeoutMs: e.UPSTREAM_TIMEOUT_MS,
    verifier: createTokenVerifier({ issuer: urls.auth.issuer, jwksUrl: urls.auth.jwksUrl, audience: source.AUTH_AUDIENCE ?? GRAPH_AUDIENCE }),
    exchanger: createTokenExchanger({
      tokenUrl: urls.auth.tokenUrl,
      clientId: e.TOKEN_EXCHANGE_CLIENT_ID ?? SUBGRAPH_CLIENT[name],
      clientSecret: e.TOKEN_EXCHANGE_CLIENT_SECRET ?? 'local-dev-secret',
    }),
    auditSink: auditSinkFromEnv(source, '.data/audit.log', `fagbrev-graph-${name}`),
    now: () => new Date(),
    gatewaySigningSecret: e.GATEWAY_SIGNING_SECRET,
    statisticsRoundingKey: e.STATISTICS_ROUNDING_KEY,
    upstreams: {
      nav: { url: urls.upstreams.nav, audience: audience('nav') },
      karrieresenter: { url: urls.upstreams.karrieresenter, audience: audience('karrieresenter') },
      fagopplaering: { url: urls.upstreams.fagopplaering, audience: audience('fagopplaering') },
      digipost: { url: urls.upstreams.digipost, audience: audience('digipost'), senderId: source.DIGIPOST_SENDER_ID },
    },
  };
}

/** Stops a running process on SIGINT/SIGTERM. */
export function stopOnSignals(close: () => Promise<void>): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void close().then(() => process.exit(0)));
}
