import { Counter, Registry } from 'prom-client';

/** One Prometheus registry per process (several processes share one Node process in tests). */
export function createMetrics(processName: string) {
  const registry = new Registry();
  registry.setDefaultLabels({ process: processName });
  const upstreamCalls = new Counter({
    name: 'fagbrev_upstream_calls_total',
    help: 'Calls from a subgraph to an upstream system, by system and operation.',
    labelNames: ['system', 'operation'] as const,
    registers: [registry],
  });
  return { registry, upstreamCalls };
}
export type Metrics = ReturnType<typeof createMetrics>;
