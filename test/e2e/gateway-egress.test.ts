import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createTokenVerifier } from '../../lib/auth/verify.ts';
import { createLogger } from '../../lib/log.ts';
import { readSupergraph } from '../../schema/compose.ts';
import { startGateway } from '../../gateway/server.ts';

const LOCAL = /^(localhost|127\.0\.0\.1|::1|\[::1\])$/;

/** Every host a socket of this process tries to connect to, while recording. */
function recordConnections() {
  const hosts: string[] = [];
  const original = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    const first = args[0] as { host?: string; hostname?: string; path?: string } | number | string;
    if (typeof first === 'object' && first !== null && !first.path) hosts.push(String(first.hostname ?? first.host ?? 'localhost'));
    if (typeof first === 'number') hosts.push(typeof args[1] === 'string' ? args[1] : 'localhost');
    return (original as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;
  return { hosts, stop: () => void (net.Socket.prototype.connect = original) };
}

describe('what the gateway reaches on its own', () => {
  let recording: ReturnType<typeof recordConnections> | undefined;
  afterEach(() => recording?.stop());

  it('starting and stopping it connects nowhere (regression: @apollo/gateway probed cloud metadata services and reported host figures to Apollo)', async () => {
    recording = recordConnections();
    const gateway = await startGateway({
      supergraphSdl: readSupergraph(),
      subgraphUrls: { nav: 'http://localhost:1/graphql', career: 'http://localhost:1/graphql', training: 'http://localhost:1/graphql' },
      verifier: createTokenVerifier({ issuer: 'http://localhost:1/issuer', jwksUrl: 'http://localhost:1/issuer/jwks', audience: 'fagbrev-graph' }),
      log: createLogger('test-gateway', 'silent'),
      port: 0,
    });
    // The metadata probes start when the gateway is created and take a moment; the report to Apollo goes on stop.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await gateway.close();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(recording.hosts.filter((host) => !LOCAL.test(host))).toEqual([]);
  });
});
