import { createServer, type Server, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A process's HTTP server, started on a port (0 = any free port). */
export interface RunningServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

export async function listen(handler: RequestListener, port: number, host = process.env.HOST): Promise<RunningServer & { server: Server }> {
  const server = createServer(handler);
  // Keep-alive sockets would hold close() open; servers here are stopped by their owner.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // No host: every interface, IPv4 and IPv6, so `localhost` works whichever way it resolves.
    if (host) server.listen(port, host, () => resolve());
    else server.listen(port, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    server,
    port: actual,
    url: `http://localhost:${actual}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Serves a GraphQL app (gateway or subgraph) on a port; closing stops the HTTP server, then the Apollo server. */
export async function serveGraphQL(handler: RequestListener, port: number, apollo: { stop(): Promise<void> }): Promise<RunningServer> {
  const server = await listen(handler, port);
  return {
    port: server.port,
    url: `${server.url}/graphql`,
    close: async () => {
      await server.close();
      await apollo.stop();
    },
  };
}
