/** The nav subgraph alone (a separate deployment); configuration from the environment (README, Configuration). */
import { stopOnSignals, subgraphProcessConfig } from '../../lib/subgraph/processConfig.ts';
import { startNavSubgraph } from './index.ts';

const config = subgraphProcessConfig('nav');
// NAV_CASELOAD_OFFICES: the programme's NAV offices, comma-separated enhet ids (e.g. 5701,5702).
const caseloadOffices = (process.env.NAV_CASELOAD_OFFICES ?? '').split(',').map((o) => o.trim()).filter(Boolean);
const server = await startNavSubgraph({ ...config, upstreams: { nav: config.upstreams.nav }, caseloadOffices });
config.log.info({ url: server.url }, 'nav subgraph ready');
stopOnSignals(server.close);
