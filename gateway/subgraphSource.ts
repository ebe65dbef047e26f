import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayContext } from './context.ts';

/**
 * How the gateway calls a subgraph: the caller's own bearer token (each subgraph verifies it again) and the
 * call id, so one request can be followed through every log and upstream.
 */
export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!context || !('callId' in context)) return; // health checks and schema loading carry no caller
    request.http?.headers.set('authorization', context.authorization);
    request.http?.headers.set('nav-call-id', context.callId);
  }
}
