import type DataLoader from 'dataloader';
import { createPoaoTilgangLoader } from '../../lib/access/poaoTilgang.ts';
import type { AccessDecision } from '../../lib/access/policy.ts';
import type { StatisticsPublisher } from '../../lib/statistics/publish.ts';
import type { BaseContext } from '../../lib/subgraph/context.ts';
import { createUpstreamHttp } from '../../lib/upstream/http.ts';
import { createDigipostClient, digipostNotConfigured } from './clients/digipost.ts';
import { createFagopplaeringClient, type FagopplaeringClient } from './clients/fagopplaering.ts';
import { createKarrieresenterClient, type KarrieresenterClient } from './clients/karrieresenter.ts';
import { createVeilarbdialogClient, type VeilarbdialogClient } from './clients/veilarbdialog.ts';
import { createTrainingLoaders, type TrainingLoaders } from './loaders.ts';

/** Where the training subgraph's upstreams are: configuration only, no code knows a host. */
export interface TrainingUpstreams {
  fagopplaering: { url: string; audience: string };
  /**
   * `senderId`: the county's Digipost sender account (X-Digipost-UserId; 900801 in the demo). Without it the
   * delivery status of sent plans cannot be asked for (that field answers UPSTREAM_UNAVAILABLE).
   */
  digipost: { url: string; audience: string; senderId?: string };
  /**
   * The NAV API host, for poao-tilgang (a NAV advisor's access to a person) and veilarbdialog (the person is told
   * in their dialogue when NAV records a consent in their name or asks for one).
   */
  nav: { url: string; audience: string };
  /** The Karrieresenter API, to check that a note NAV attaches to a request is one the person shares with NAV. */
  karrieresenter: { url: string; audience: string };
}

/** The training subgraph's per-request context: the shared base plus its clients and DataLoaders. */
export interface TrainingContext extends BaseContext {
  fagopplaering: FagopplaeringClient;
  loaders: TrainingLoaders;
  /** Rounds the programme statistics for publication, under the subgraph's rounding key. */
  statistics: StatisticsPublisher;
  /** poao-tilgang decisions, only for NAV advisors (navAdvisorViaPoaoTilgang reads it). */
  poaoTilgang?: DataLoader<string, AccessDecision>;
  /** The person's NAV dialogue, as the NAV advisor writes to it; only for NAV advisors. */
  veilarbdialog?: VeilarbdialogClient;
  /** The Karrieresenter as the NAV advisor sees it (shared notes only); only for NAV advisors. */
  karrieresenter?: KarrieresenterClient;
}

/** Builds the context of one request: new clients and loaders, so nothing (grants above all) outlives the request. */
export function buildTrainingContext(base: BaseContext, upstreams: TrainingUpstreams, statistics: StatisticsPublisher, timeoutMs?: number): TrainingContext {
  const fagopplaering = createFagopplaeringClient(
    { baseUrl: upstreams.fagopplaering.url, timeoutMs },
    base.upstream(upstreams.fagopplaering.audience),
  );
  const digipost = upstreams.digipost.senderId
    ? createDigipostClient({ baseUrl: upstreams.digipost.url, senderId: upstreams.digipost.senderId, timeoutMs }, base.upstream(upstreams.digipost.audience))
    : digipostNotConfigured;
  const context: TrainingContext = { ...base, fagopplaering, loaders: createTrainingLoaders(fagopplaering, digipost, base.log), statistics };
  if (base.caller.role === 'nav-advisor') {
    const nav = createUpstreamHttp(
      { system: 'poao-tilgang', baseUrl: upstreams.nav.url, timeoutMs, correlationHeader: 'Nav-Call-Id', headers: { 'Nav-Consumer-Id': 'fagbrev-graph-training' } },
      base.upstream(upstreams.nav.audience),
    );
    context.poaoTilgang = createPoaoTilgangLoader(nav, base.caller.azureId);
    context.veilarbdialog = createVeilarbdialogClient({ baseUrl: upstreams.nav.url, timeoutMs }, base.upstream(upstreams.nav.audience));
    context.karrieresenter = createKarrieresenterClient({ baseUrl: upstreams.karrieresenter.url, timeoutMs }, base.upstream(upstreams.karrieresenter.audience));
  }
  return context;
}
