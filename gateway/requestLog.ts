import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from './context.ts';

/**
 * One JSON log line per operation: call id, actor, operation name, duration and error codes. Never variables or
 * results: they hold fødselsnumre and free text.
 */
export function requestLogPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ contextValue: ctx, operationName, response }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          ctx.log.info(
            {
              operation: operationName ?? null,
              ms: Math.round(performance.now() - started),
              errorCodes: [...new Set(errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN')))],
            },
            'graphql request',
          );
        },
      };
    },
  };
}
