import { describe, expect, it } from 'vitest';
import { readSupergraph } from '../../schema/compose.ts';
import { signatureHeaders } from '../../lib/signing/gatewaySignature.ts';
import { DEMO_FIXTURES_DIR } from '../../stand-ins/common/fixtures.ts';
import { navAdvisor, readFixtures } from '../support/fixtures.ts';
import { DEMO, useStack } from '../support/stack.ts';
import { scanFor } from './evaluate.ts';
import { probeSchema } from './matrix.ts';
import { MIN_SECRET_LENGTH, RECORD_KINDS } from './records.ts';
import { probeOperation, renderElement } from './render.ts';
import { badTokens } from './tokens.ts';

const fx = readFixtures(DEMO_FIXTURES_DIR);
const schema = probeSchema(readSupergraph());
/** P01 shares her note and has a mapping with a plan: a valid NAV token would see data, so "no data" means something. */
const ident = DEMO.P01;
const caller = navAdvisor(fx, 'Z990001');
const secrets = new Set(
  Object.values(RECORD_KINDS).flatMap((kind) => kind.records(fx, ident).flatMap((r) => kind.secrets(r))).filter((s) => s.length >= MIN_SECRET_LENGTH),
);

async function post(
  url: string,
  authorization: string | undefined,
  operation: { query: string; variables: Record<string, unknown> },
  signed?: { secret: string; subgraph: string },
) {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'nav-call-id': 'token-probe' };
  if (authorization) headers.authorization = authorization;
  const body = JSON.stringify(operation);
  // Signed as the gateway would sign it: the subgraph must refuse on the token alone.
  if (signed) Object.assign(headers, signatureHeaders(signed.secret, { subgraph: signed.subgraph, callId: 'token-probe', authorization: authorization ?? '', body }));
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> } };
}

describe('token probes: a request without a valid token gets UNAUTHENTICATED and no data', () => {
  const graph = useStack();
  const gatewayOperation = () => probeOperation('person', ident, schema.plans.map((p, i) => renderElement(p, i, 'plain', { ident, fx })), 'plain');
  const entitiesOperation = (subgraph: string) => {
    const plans = schema.subgraphPlans.get(subgraph) ?? [];
    if (plans.length) return probeOperation('entities', ident, plans.map((p, i) => renderElement(p, i, 'plain', { ident, fx })), 'plain');
    return { query: 'query Probe($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { ident } } }', variables: { representations: [{ __typename: 'Person', ident }] } };
  };

  it('a valid token sees P01\'s shared data (the probes below are not vacuous)', async () => {
    const res = await post(graph.stack.gateway.url, `Bearer ${await graph.token(caller)}`, gatewayOperation());
    expect(res.status).toBe(200);
    expect(scanFor(res.body, secrets).length).toBeGreaterThan(0);
  });

  for (const target of ['gateway', 'nav', 'career', 'training'] as const) {
    it(`${target === 'gateway' ? 'the gateway' : `the ${target} subgraph, called directly,`} refuses every bad token`, async () => {
      const tokens = await badTokens(graph.stack, caller);
      const answers = await Promise.all(
        tokens.map(async ({ name, authorization }) => {
          const res =
            target === 'gateway'
              ? await post(graph.stack.gateway.url, authorization, gatewayOperation())
              : await post(graph.stack.subgraphUrls[target], authorization, entitiesOperation(target), { secret: graph.stack.gatewaySigningSecret, subgraph: target });
          return { name, status: res.status, codes: (res.body.errors ?? []).map((e) => e.extensions?.code), data: res.body.data ?? null, leaked: scanFor(res.body, secrets) };
        }),
      );
      expect(answers).toEqual(tokens.map(({ name }) => ({ name, status: 401, codes: ['UNAUTHENTICATED'], data: null, leaked: [] })));
    });
  }
});
