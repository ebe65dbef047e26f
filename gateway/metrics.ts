import { Counter, Histogram, Registry } from 'prom-client';

/** The gateway's Prometheus metrics at /internal/metrics: operations by name and outcome, and their duration. */
export function createGatewayMetrics() {
  const registry = new Registry();
  registry.setDefaultLabels({ process: 'gateway' });
  const operations = new Counter({
    name: 'fagbrev_graphql_operations_total',
    help: 'GraphQL operations served, by operation name and first error code (none when it had no errors).',
    labelNames: ['operation', 'error'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'fagbrev_graphql_operation_seconds',
    help: 'Time to answer a GraphQL operation.',
    labelNames: ['operation'] as const,
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return { registry, operations, duration };
}
export type GatewayMetrics = ReturnType<typeof createGatewayMetrics>;
