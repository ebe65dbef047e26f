import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GraphQLError } from 'graphql';
import { sign, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../lib/signing/gatewaySignature.ts';
import type { GatewayContext } from './context.ts';
import { subgraphHttpError } from './subgraphErrors.ts';

/** A subgraph's HTTP response as the data source hands it over. */
type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

/**
 * How the gateway calls a subgraph: the caller's own bearer token (each subgraph verifies it again), the call id,
 * so one request can be followed through every log and upstream, and — when a signing secret is configured — a
 * signature the subgraph checks, so it can refuse traffic that did not come through the gateway.
 */
export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  signingSecret?: string;

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!context || !('callId' in context) || !request.http) return; // health checks carry no caller
    const headers = request.http.headers;
    headers.set('authorization', context.authorization);
    headers.set('nav-call-id', context.callId);
    if (!this.signingSecret) return;
    const timestamp = String(Math.floor(Date.now() / 1000));
    headers.set(TIMESTAMP_HEADER, timestamp);
    headers.set(
      SIGNATURE_HEADER,
      sign(this.signingSecret, {
        timestamp,
        callId: context.callId,
        authorization: context.authorization,
        query: request.query ?? '',
        operationName: request.operationName ?? null,
        variables: request.variables ?? null,
      }),
    );
  }

  /** A subgraph's non-200 answer, without its URL or body (subgraphErrors.ts). */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body: unknown = await response.json().catch(() => null);
    return subgraphHttpError(response.status, body);
  }
}
