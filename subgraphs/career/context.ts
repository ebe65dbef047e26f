import type DataLoader from 'dataloader';
import type { AccessDecision } from '../../lib/access/policy.ts';
import type { StatisticsPublisher } from '../../lib/statistics/publish.ts';
import type { BaseContext } from '../../lib/subgraph/context.ts';
import { createKarrieresenterClient, type KarrieresenterClient } from './clients/karrieresenter.ts';
import { createPoaoTilgang } from './clients/nav.ts';
import { createCareerLoaders, type CareerLoaders } from './loaders.ts';

/** Where this subgraph's upstreams are: configuration only. */
export interface CareerUpstreams {
  /** The Karrieresenter booking system. `audience` @default 'karrieresenter-api' */
  karrieresenter: { url: string; audience?: string };
  /** The NAV API host, for poao-tilgang. `audience` @default 'nav-api' */
  nav: { url: string; audience?: string };
}

/** The career subgraph's per-request context: the Karrieresenter client and this request's loaders. */
export interface CareerContext extends BaseContext {
  karrieresenter: KarrieresenterClient;
  loaders: CareerLoaders;
  /** Rounds the programme statistics for publication, under the subgraph's rounding key. */
  statistics: StatisticsPublisher;
  /** poao-tilgang decisions for a NAV advisor caller (absent for other roles). */
  poaoTilgang?: DataLoader<string, AccessDecision>;
}

/** The token audiences used when the configuration names none. */
export const DEFAULT_AUDIENCES = { karrieresenter: 'karrieresenter-api', nav: 'nav-api' } as const;

/** Builds the context factory: called once per request, so clients, tokens and loaders never outlive it. */
export function careerContextFactory(upstreams: CareerUpstreams, statistics: StatisticsPublisher, timeoutMs?: number): (base: BaseContext) => CareerContext {
  return (base) => {
    const karrieresenter = createKarrieresenterClient(
      { baseUrl: upstreams.karrieresenter.url, timeoutMs },
      base.upstream(upstreams.karrieresenter.audience ?? DEFAULT_AUDIENCES.karrieresenter),
    );
    const caller = base.caller;
    const poaoTilgang =
      caller.role === 'nav-advisor'
        ? createPoaoTilgang({ baseUrl: upstreams.nav.url, timeoutMs }, base.upstream(upstreams.nav.audience ?? DEFAULT_AUDIENCES.nav), caller.azureId)
        : undefined;
    return { ...base, karrieresenter, loaders: createCareerLoaders(karrieresenter), statistics, ...(poaoTilgang ? { poaoTilgang } : {}) };
  };
}
