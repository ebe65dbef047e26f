/** The career subgraph alone (a separate deployment); configuration from the environment (README, Configuration). */
import { stopOnSignals, subgraphProcessConfig } from '../../lib/subgraph/processConfig.ts';
import { startCareerSubgraph } from './index.ts';

const config = subgraphProcessConfig('career');
const server = await startCareerSubgraph({ ...config, upstreams: { karrieresenter: config.upstreams.karrieresenter, nav: config.upstreams.nav } });
config.log.info({ url: server.url }, 'career subgraph ready');
stopOnSignals(server.close);
