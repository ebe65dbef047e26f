import type { IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { createTokenVerifier } from '../../lib/auth/verify.ts';
import { GRAPH_AUDIENCE } from '../../lib/config.ts';
import { listen, type RunningServer } from '../../lib/http.ts';
import { createLogger } from '../../lib/log.ts';
import { readSupergraph } from '../../schema/compose.ts';
import { startGateway, type GatewayOptions } from '../../gateway/server.ts';
import type { Stack } from '../../stack/index.ts';

/** A request a double received: headers and the body exactly as sent. */
export interface ReceivedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What a double answers: a status, a body (JSON unless `contentType` says otherwise), or never anything. */
export type DoubleAnswer = { status?: number; body: unknown; contentType?: string; headers?: Record<string, string> } | 'hang';

export interface SubgraphDouble extends RunningServer {
  /** Where the gateway sends GraphQL: `<url>/graphql`. */
  graphqlUrl: string;
  received: ReceivedRequest[];
}

/**
 * A stand-in for a subgraph behind the gateway, answering what the test scripts: garbage, a wrong-typed entity,
 * a delayed copy of a real subgraph's answer, or nothing at all (a hung subgraph). Closing it drops every open
 * connection, so a hung request ends with the test.
 */
export function useSubgraphDouble(answer: (request: ReceivedRequest) => DoubleAnswer | Promise<DoubleAnswer>): SubgraphDouble {
  const double = { received: [] as ReceivedRequest[] } as SubgraphDouble;
  beforeAll(async () => {
    const server = await listen(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const request = { path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      double.received.push(request);
      const scripted = await answer(request);
      if (scripted === 'hang') return;
      const contentType = scripted.contentType ?? 'application/json';
      res.writeHead(scripted.status ?? 200, { 'content-type': contentType, ...scripted.headers });
      res.end(typeof scripted.body === 'string' ? scripted.body : JSON.stringify(scripted.body));
    }, 0);
    Object.assign(double, { port: server.port, url: server.url, graphqlUrl: `${server.url}/graphql`, close: server.close });
  });
  afterAll(async () => double.close?.());
  return double;
}

/** The body of a GraphQL request a double received. */
export const graphqlBody = (request: ReceivedRequest) =>
  JSON.parse(request.body) as { query: string; variables?: { representations?: { __typename: string }[] } & Record<string, unknown> };

/** Passes a request on to a real subgraph of the stack, unchanged (signature included), and returns its answer. */
export async function forward(request: ReceivedRequest, url: string): Promise<DoubleAnswer> {
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([k, v]) => typeof v === 'string' && !['host', 'content-length', 'connection'].includes(k))) as Record<string, string>;
  const res = await fetch(url, { method: 'POST', headers, body: request.body });
  return { status: res.status, body: await res.text(), contentType: res.headers.get('content-type') ?? 'application/json' };
}

/**
 * A second gateway over the running stack (same issuer, same signing secret), with some subgraphs replaced by
 * doubles and its own timeouts — what the gateway does when one subgraph misbehaves.
 */
export function useGatewayOver(
  graph: { stack: Stack },
  options: () => { subgraphUrls?: Record<string, string>; timeouts?: GatewayOptions['timeouts'] },
): { readonly url: string } {
  let gateway: RunningServer | undefined;
  beforeAll(async () => {
    const { stack } = graph;
    const chosen = options();
    gateway = await startGateway({
      supergraphSdl: readSupergraph(),
      subgraphUrls: { ...stack.subgraphUrls, ...chosen.subgraphUrls },
      verifier: createTokenVerifier({ issuer: stack.issuer.issuer, jwksUrl: `${stack.issuer.issuer}/jwks`, audience: GRAPH_AUDIENCE }),
      log: createLogger('test-gateway', process.env.TEST_LOG_LEVEL ?? 'silent'),
      port: 0,
      signingSecret: stack.gatewaySigningSecret,
      timeouts: chosen.timeouts,
    });
  });
  afterAll(async () => gateway?.close());
  return {
    get url() {
      return gateway!.url;
    },
  };
}
