import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { SUBGRAPH_CLIENT, UPSTREAM_AUDIENCE } from '../lib/auth/audiences.ts';
import { createTokenExchanger } from '../lib/auth/exchange.ts';
import { createTokenVerifier } from '../lib/auth/verify.ts';
import { fileSink } from '../lib/audit/sink.ts';
import { GRAPH_AUDIENCE, PORT_OFFSET, type ProcessName } from '../lib/config.ts';
import type { RunningServer } from '../lib/http.ts';
import { createLogger } from '../lib/log.ts';
import { readSupergraph } from '../schema/compose.ts';
import { startGateway } from '../gateway/server.ts';
import { startNavSubgraph } from '../subgraphs/nav/index.ts';
import { startCareerSubgraph } from '../subgraphs/career/index.ts';
import { startTrainingSubgraph } from '../subgraphs/training/index.ts';
import { startLocalIssuer, type RunningIssuer } from '../stand-ins/issuer/index.ts';
import { startNavStandIn } from '../stand-ins/nav/index.ts';
import { startKarrieresenterStandIn } from '../stand-ins/karrieresenter/index.ts';
import { startFagopplaeringStandIn } from '../stand-ins/fagopplaering/index.ts';
import { startDigipostStandIn } from '../stand-ins/digipost/index.ts';
import type { StackOptions } from './options.ts';

/** Client secret of the subgraphs at the local issuer (the embedded default only). */
const LOCAL_CLIENT_SECRET = 'local-dev-secret';

export type Stack = Awaited<ReturnType<typeof startStack>>;

/**
 * The embedded default: the local issuer, the stand-ins of the four systems, the three subgraphs and the gateway,
 * in one Node process, each on its own port (as separate deployments would be), started in dependency order.
 */
export async function startStack(options: StackOptions) {
  const port = (name: ProcessName) => (options.port === 0 ? 0 : options.port + PORT_OFFSET[name]);
  const now = options.now ? () => new Date(options.now!) : () => new Date();
  const log = createLogger('fagbrev-graph', options.logLevel, options.logDestination);
  const started: RunningServer[] = [];
  const track = <T extends RunningServer>(server: T): T => (started.push(server), server);

  try {
    const issuer: RunningIssuer = track(await startLocalIssuer({ port: port('issuer'), fixturesDir: options.fixturesDir }));
    const jwksUrl = `${issuer.issuer}/jwks`;
    const standIn = { fixturesDir: options.fixturesDir, now, latencyMs: options.latencyMs, jwksUrl };
    const digipost = track(await startDigipostStandIn({ ...standIn, audience: UPSTREAM_AUDIENCE.digipost, port: port('digipostUpstream') }));
    const [nav, karrieresenter, fagopplaering] = await Promise.all([
      startNavStandIn({ ...standIn, audience: UPSTREAM_AUDIENCE.nav, port: port('navUpstream') }).then(track),
      startKarrieresenterStandIn({ ...standIn, audience: UPSTREAM_AUDIENCE.karrieresenter, port: port('karrieresenterUpstream') }).then(track),
      startFagopplaeringStandIn({
        ...standIn,
        audience: UPSTREAM_AUDIENCE.fagopplaering,
        port: port('fagopplaeringUpstream'),
        digipostUrl: digipost.url,
        // The county system sends letters with its own machine token (client credentials), not a person's.
        digipostToken: () => issuer.signToken({ role: 'FAGOPPLAERING', sub: 'fagopplaering-system' }, { audience: UPSTREAM_AUDIENCE.digipost, expiresInSeconds: 300 }),
      }).then(track),
    ]);

    const verifier = createTokenVerifier({ issuer: issuer.issuer, jwksUrl, audience: GRAPH_AUDIENCE });
    const exchanger = (clientId: string) => createTokenExchanger({ tokenUrl: `${issuer.issuer}/token`, clientId, clientSecret: LOCAL_CLIENT_SECRET });
    const auditSink = fileSink(resolve(options.auditLogFile));
    // Gateway signing is on in the embedded default: a subgraph refuses what the gateway did not sign.
    const gatewaySigningSecret = options.gatewaySigningSecret ?? randomBytes(32).toString('hex');
    const common = { verifier, log, timeoutMs: options.upstreamTimeoutMs, auditSink, now, gatewaySigningSecret };
    // The two subgraphs that publish statistics share the key, as replicas of one would.
    const statisticsRoundingKey = options.statisticsRoundingKey ?? randomBytes(32).toString('hex');
    const upstream = {
      nav: { url: nav.url, audience: UPSTREAM_AUDIENCE.nav },
      karrieresenter: { url: `${karrieresenter.url}/api/v1`, audience: UPSTREAM_AUDIENCE.karrieresenter },
      fagopplaering: { url: `${fagopplaering.url}/api/v1`, audience: UPSTREAM_AUDIENCE.fagopplaering },
      digipost: { url: digipost.url, audience: UPSTREAM_AUDIENCE.digipost, senderId: '900801' },
    };
    const [navSubgraph, careerSubgraph, trainingSubgraph] = await Promise.all([
      startNavSubgraph({ ...common, exchanger: exchanger(SUBGRAPH_CLIENT.nav), log: log.child({ process: 'nav' }), upstreams: { nav: upstream.nav }, caseloadOffices: nav.state.enheter.map((e) => e.enhetId), port: port('navSubgraph') }).then(track),
      startCareerSubgraph({
        ...common,
        exchanger: exchanger(SUBGRAPH_CLIENT.career),
        log: log.child({ process: 'career' }),
        upstreams: { karrieresenter: upstream.karrieresenter, nav: upstream.nav },
        statisticsRoundingKey,
        port: port('careerSubgraph'),
      }).then(track),
      startTrainingSubgraph({
        ...common,
        exchanger: exchanger(SUBGRAPH_CLIENT.training),
        log: log.child({ process: 'training' }),
        upstreams: { fagopplaering: upstream.fagopplaering, digipost: upstream.digipost, nav: upstream.nav, karrieresenter: upstream.karrieresenter },
        statisticsRoundingKey,
        port: port('trainingSubgraph'),
      }).then(track),
    ]);

    const subgraphUrls = { nav: navSubgraph.url, career: careerSubgraph.url, training: trainingSubgraph.url };
    const gateway = track(
      await startGateway({
        supergraphSdl: readSupergraph(),
        subgraphUrls,
        verifier,
        log: log.child({ process: 'gateway' }),
        port: port('gateway'),
        signingSecret: gatewaySigningSecret,
        timeouts: options.gatewayTimeouts,
        limits: options.gatewayLimits,
      }),
    );

    return {
      gateway,
      issuer,
      subgraphUrls,
      /** Each subgraph's server, so a test can stop one (readiness, one subgraph down). */
      subgraphs: { nav: navSubgraph, career: careerSubgraph, training: trainingSubgraph },
      /** For tests that call a subgraph directly, as the gateway would. */
      gatewaySigningSecret,
      upstreams: { nav, karrieresenter, fagopplaering, digipost },
      auditLogFile: resolve(options.auditLogFile),
      /** Stops every process, the gateway first. */
      close: () => closeAll(started),
    };
  } catch (error) {
    await closeAll(started);
    throw error;
  }
}

async function closeAll(servers: RunningServer[]): Promise<void> {
  for (const server of [...servers].reverse()) await server.close().catch(() => undefined);
}
