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
  const subgraphCalls = new Counter({
    name: 'fagbrev_subgraph_calls_total',
    help: 'Calls from the gateway to a subgraph, by subgraph and outcome (ok, timeout, budget_spent, unavailable, http_<status>, contract_violation).',
    labelNames: ['subgraph', 'outcome'] as const,
    registers: [registry],
  });
  const subgraphCallDuration = new Histogram({
    name: 'fagbrev_subgraph_call_seconds',
    help: 'Time from sending a call to a subgraph to having its checked answer.',
    labelNames: ['subgraph'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return { registry, operations, duration, subgraphCalls, subgraphCallDuration };
}
export type GatewayMetrics = ReturnType<typeof createGatewayMetrics>;
