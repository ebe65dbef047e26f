/** The nav subgraph alone (a separate deployment); configuration from the environment (README, Configuration). */
import { z } from 'zod';
import { stopOnSignals, subgraphProcessConfig } from '../../lib/subgraph/processConfig.ts';
import { startNavSubgraph } from './index.ts';

const config = subgraphProcessConfig('nav');
// How long and how many sendDialogueMessage idempotency keys this process remembers (README, Configuration).
const parsed = z
  .object({
    DIALOGUE_IDEMPOTENCY_TTL_SECONDS: z.coerce.number().int().min(60).max(7 * 86_400).default(86_400),
    DIALOGUE_IDEMPOTENCY_MAX_KEYS: z.coerce.number().int().min(100).max(10_000_000).default(10_000),
  })
  .safeParse(process.env);
if (!parsed.success) throw new Error(`Bad configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
const idempotency = parsed.data;
// NAV_CASELOAD_OFFICES: the programme's NAV offices, comma-separated enhet ids (e.g. 5701,5702).
const caseloadOffices = (process.env.NAV_CASELOAD_OFFICES ?? '').split(',').map((o) => o.trim()).filter(Boolean);
const server = await startNavSubgraph({
  ...config,
  upstreams: { nav: config.upstreams.nav },
  caseloadOffices,
  dialogueIdempotency: { ttlSeconds: idempotency.DIALOGUE_IDEMPOTENCY_TTL_SECONDS, maxKeys: idempotency.DIALOGUE_IDEMPOTENCY_MAX_KEYS },
});
config.log.info({ url: server.url }, 'nav subgraph ready');
stopOnSignals(server.close);
