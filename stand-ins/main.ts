/**
 * The stand-ins of the existing systems, alone (without subgraphs and gateway): `tsx stand-ins/main.ts [system…]`
 * with systems nav, karrieresenter, fagopplaering, digipost (default: all four), on the ports of the embedded
 * default's layout. Same configuration as npm start: PORT, FIXTURES_DIR, FIXTURES_NOW, UPSTREAM_LATENCY_MS.
 */
import { UPSTREAM_AUDIENCE } from '../lib/auth/audiences.ts';
import { defaultPort, stackUrls } from '../lib/config.ts';
import type { RunningServer } from '../lib/http.ts';
import { stackOptionsFromEnv } from '../stack/options.ts';
import { startDigipostStandIn } from './digipost/index.ts';
import { startFagopplaeringStandIn } from './fagopplaering/index.ts';
import { startKarrieresenterStandIn } from './karrieresenter/index.ts';
import { startNavStandIn } from './nav/index.ts';

const options = stackOptionsFromEnv();
const now = options.now ? () => new Date(options.now!) : () => new Date();
const common = { fixturesDir: options.fixturesDir, now, latencyMs: options.latencyMs, jwksUrl: process.env.STANDIN_JWKS_URL };
const systems = {
  nav: () => startNavStandIn({ ...common, audience: UPSTREAM_AUDIENCE.nav, port: defaultPort('navUpstream') }),
  karrieresenter: () => startKarrieresenterStandIn({ ...common, audience: UPSTREAM_AUDIENCE.karrieresenter, port: defaultPort('karrieresenterUpstream') }),
  fagopplaering: () => startFagopplaeringStandIn({ ...common, audience: UPSTREAM_AUDIENCE.fagopplaering, port: defaultPort('fagopplaeringUpstream'), digipostUrl: stackUrls().upstreams.digipost }),
  digipost: () => startDigipostStandIn({ ...common, audience: UPSTREAM_AUDIENCE.digipost, port: defaultPort('digipostUpstream') }),
};
type System = keyof typeof systems;

const wanted = (process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(systems)) as System[];
const unknown = wanted.filter((s) => !(s in systems));
if (unknown.length) {
  console.error(`Unknown system(s): ${unknown.join(', ')}. Choose from: ${Object.keys(systems).join(', ')}.`);
  process.exit(2);
}
const servers: RunningServer[] = [];
for (const system of wanted) {
  const server = await systems[system]();
  servers.push(server);
  console.log(`${system} stand-in: ${server.url}`);
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    for (const s of servers) await s.close();
    process.exit(0);
  });
}
