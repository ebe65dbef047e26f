import { freshCallId } from '../../lib/callId.ts';
import type { Caller } from '../../lib/auth/caller.ts';
import { signatureHeaders } from '../../lib/signing/gatewaySignature.ts';
import type { TestStack } from '../support/stack.ts';
import type { GraphQLResponse } from './evaluate.ts';

export interface Operation {
  query: string;
  variables: Record<string, unknown>;
}

export interface Sent<T> {
  status: number;
  body: T;
  /** The call id the request carried (Nav-Call-Id): the audit trail's `sproc`. */
  callId: string;
}

/**
 * How probes reach the graph: the gateway with a real token from the stack's issuer (one operation, or a batch as a
 * JSON array), and a subgraph directly with the caller's real token — signed as the gateway signs, so the subgraph
 * judges the request on the token alone (what a stolen or forged gateway signature would get).
 */
export class ProbeClient {
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(private readonly graph: TestStack) {}

  private token(caller: Caller): Promise<string> {
    const key = JSON.stringify(caller);
    let token = this.tokens.get(key);
    if (!token) this.tokens.set(key, (token = this.graph.token(caller)));
    return token;
  }

  async gateway(caller: Caller, operation: Operation): Promise<Sent<GraphQLResponse>>;
  async gateway(caller: Caller, operations: Operation[]): Promise<Sent<GraphQLResponse[]>>;
  async gateway(caller: Caller, payload: Operation | Operation[]): Promise<Sent<GraphQLResponse | GraphQLResponse[]>> {
    // The graph's own kind of call id: one the graph would take for an identity number is replaced, and lost.
    const callId = `probe-${freshCallId()}`;
    const res = await fetch(this.graph.stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await this.token(caller)}`, 'nav-call-id': callId },
      body: JSON.stringify(payload),
    });
    return { status: res.status, body: (await res.json()) as GraphQLResponse, callId };
  }

  async subgraph(name: string, caller: Caller, operation: Operation): Promise<Sent<GraphQLResponse>> {
    const url = (this.graph.stack.subgraphUrls as Record<string, string>)[name];
    if (!url) throw new Error(`the stack runs no subgraph ${name}`);
    const callId = `probe-${freshCallId()}`;
    const authorization = `Bearer ${await this.token(caller)}`;
    const headers: Record<string, string> = { 'content-type': 'application/json', authorization, 'nav-call-id': callId };
    const body = JSON.stringify(operation);
    const secret = this.graph.stack.gatewaySigningSecret;
    if (secret) Object.assign(headers, signatureHeaders(secret, { subgraph: name, callId, authorization, body }));
    const res = await fetch(url, { method: 'POST', headers, body });
    return { status: res.status, body: (await res.json()) as GraphQLResponse, callId };
  }
}
