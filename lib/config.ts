import { z } from 'zod';

/**
 * Where each process of the embedded default listens: the gateway on PORT, the rest on the ports after it.
 * Every URL can be overridden, so a process can run alone against real systems without code changes.
 */
export const PORT_OFFSET = {
  gateway: 0,
  navSubgraph: 1,
  careerSubgraph: 2,
  trainingSubgraph: 3,
  issuer: 4,
  navUpstream: 5,
  karrieresenterUpstream: 6,
  fagopplaeringUpstream: 7,
  digipostUpstream: 8,
} as const;
export type ProcessName = keyof typeof PORT_OFFSET;

/** The audience of the graph's own tokens (gateway and subgraphs). */
export const GRAPH_AUDIENCE = 'fagbrev-graph';
/** Path of the local issuer under its port, in the style of mock-oauth2-server's /{issuerId}. */
export const LOCAL_ISSUER_ID = 'fagbrev';

type Env = Record<string, string | undefined>;

const port = z.coerce.number().int().min(0).max(65535);

/** Base port of the stack (PORT, default 4000). */
export function basePort(env: Env = process.env): number {
  return port.parse(env.PORT ?? '4000');
}

export function defaultPort(name: ProcessName, env: Env = process.env): number {
  return basePort(env) + PORT_OFFSET[name];
}

const localUrl = (p: number) => `http://localhost:${p}`;

/** URLs of every process, from the environment or the embedded default's port layout. */
export function stackUrls(env: Env = process.env) {
  const p = (name: ProcessName) => localUrl(defaultPort(name, env));
  const issuer = env.AUTH_ISSUER ?? `${p('issuer')}/${LOCAL_ISSUER_ID}`;
  return {
    gateway: `${p('gateway')}/graphql`,
    subgraphs: {
      nav: env.NAV_SUBGRAPH_URL ?? `${p('navSubgraph')}/graphql`,
      career: env.CAREER_SUBGRAPH_URL ?? `${p('careerSubgraph')}/graphql`,
      training: env.TRAINING_SUBGRAPH_URL ?? `${p('trainingSubgraph')}/graphql`,
    },
    auth: {
      issuer,
      jwksUrl: env.AUTH_JWKS_URL ?? `${issuer}/jwks`,
      tokenUrl: env.TOKEN_EXCHANGE_URL ?? `${issuer}/token`,
    },
    upstreams: {
      nav: env.NAV_API_URL ?? p('navUpstream'),
      karrieresenter: env.KARRIERESENTER_API_URL ?? `${p('karrieresenterUpstream')}/api/v1`,
      fagopplaering: env.FAGOPPLAERING_API_URL ?? `${p('fagopplaeringUpstream')}/api/v1`,
      digipost: env.DIGIPOST_API_URL ?? p('digipostUpstream'),
    },
  };
}
export type StackUrls = ReturnType<typeof stackUrls>;

/** True where the local issuer and the stand-ins must never run. */
export function isProduction(env: Env = process.env): boolean {
  return env.NODE_ENV === 'production' || /^prod/.test(env.NAIS_CLUSTER_NAME ?? '');
}
