/** The nav subgraph alone (a separate deployment); configuration from the environment (README, Configuration). */
import { stopOnSignals, subgraphProcessConfig } from '../../lib/subgraph/processConfig.ts';
import { startNavSubgraph } from './index.ts';

const config = subgraphProcessConfig('nav');
const server = await startNavSubgraph({ ...config, upstreams: { nav: config.upstreams.nav } });
config.log.info({ url: server.url }, 'nav subgraph ready');
stopOnSignals(server.close);
