/** The training subgraph alone (a separate deployment); configuration from the environment (README, Configuration). */
import { stopOnSignals, subgraphProcessConfig } from '../../lib/subgraph/processConfig.ts';
import { startTrainingSubgraph } from './index.ts';

const config = subgraphProcessConfig('training');
const server = await startTrainingSubgraph({ ...config, upstreams: { fagopplaering: config.upstreams.fagopplaering, digipost: config.upstreams.digipost, nav: config.upstreams.nav, karrieresenter: config.upstreams.karrieresenter } });
config.log.info({ url: server.url }, 'training subgraph ready');
stopOnSignals(server.close);
