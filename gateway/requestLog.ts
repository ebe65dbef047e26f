import type { ApolloServerPlugin } from '@apollo/server';
import { maskIdents } from '../lib/ident.ts';
import type { GatewayContext } from './context.ts';
import type { GatewayMetrics } from './metrics.ts';

/**
 * One JSON log line and one metric sample per operation: call id, actor, operation name, duration and error codes.
 * Never variables or results: they hold fødselsnumre and free text.
 */
export function requestLogPlugin(metrics: GatewayMetrics): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ contextValue: ctx, operationName, response }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const errorCodes = [...new Set(errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN')))];
          const seconds = (performance.now() - started) / 1000;
          // Operation names come from clients: only a safe, bounded set of characters reaches labels and logs, and
          // never an identity number (`query Q23869823562`): metrics labels are not log lines the logger masks.
          const operation = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(operationName ?? '') ? maskIdents(operationName!) : 'anonymous';
          metrics.operations.inc({ operation, error: errorCodes[0] ?? 'none' });
          metrics.duration.observe({ operation }, seconds);
          ctx.log?.info({ operation, ms: Math.round(seconds * 1000), errorCodes }, 'graphql request');
        },
      };
    },
  };
}
