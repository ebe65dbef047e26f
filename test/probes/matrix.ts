import { buildSubgraphSchema } from '@apollo/subgraph';
import { getIntrospectionQuery } from 'graphql';
import pLimit from 'p-limit';
import { DEFAULT_LIMITS } from '../../gateway/limits.ts';
import { subgraphTypeDefs } from '../../lib/subgraph/schema.ts';
import { apiSchemaOf, SUBGRAPHS } from '../../schema/compose.ts';
import type { Fixtures } from '../support/fixtures.ts';
import type { TestStack } from '../support/stack.ts';
import { callersFor, type ProbeCaller } from './callers.ts';
import { consentElements, fieldSubgraphs, type ConsentElement } from './discovery.ts';
import { evaluateResponse, scanFor, type GraphQLResponse, type ProbeSubject } from './evaluate.ts';
import { planFor, type ProbePlan } from './plan.ts';
import { MIN_SECRET_LENGTH, RECORD_KINDS } from './records.ts';
import { aliasesOf, probeOperation, renderElement, type Root, type Variant } from './render.ts';
import { Tally } from './tally.ts';
import { ProbeClient } from './transport.ts';

/** The paths of the matrix (issue 3 item 7): each is one way to ask for the same data. */
export const PATHS = ['gateway', 'gateway (me)', 'aliases', 'fragments', '_entities', 'batch', 'introspection'] as const;

/** What the probes know about the schema: its consent-bound elements and how to reach each. */
export interface ProbeSchema {
  elements: ConsentElement[];
  owners: Map<string, string>;
  /** Plans over the gateway's API schema, one per element. */
  plans: ProbePlan[];
  /** Plans over each owning subgraph's own schema, for `_entities` sent straight to it. */
  subgraphPlans: Map<string, ProbePlan[]>;
  supergraphSdl: string;
}

/** Discovers every consent-bound element of the supergraph and plans a probe for it; fails loudly on any gap. */
export function probeSchema(supergraphSdl: string): ProbeSchema {
  const elements = consentElements(supergraphSdl);
  if (!elements.length) throw new Error('the supergraph has no @consent: nothing to probe (was the directive dropped?)');
  const api = apiSchemaOf(supergraphSdl);
  const subgraphPlans = new Map<string, ProbePlan[]>();
  for (const name of new Set(elements.map((e) => e.subgraph))) {
    const subgraph = SUBGRAPHS.find((s) => s.name === name);
    if (!subgraph) throw new Error(`${name} resolves consent-bound data but is not in SUBGRAPHS (schema/compose.ts)`);
    const schema = buildSubgraphSchema(subgraphTypeDefs(subgraph.schemaPath));
    subgraphPlans.set(name, elements.filter((e) => e.subgraph === name).map((e) => planFor(schema, e)));
  }
  return { elements, owners: fieldSubgraphs(supergraphSdl), plans: elements.map((e) => planFor(api, e)), subgraphPlans, supergraphSdl };
}

export interface MatrixOptions {
  graph: TestStack;
  fx: Fixtures;
  schema: ProbeSchema;
  /** The persons probed (idents of the fixture set). */
  persons: string[];
  /** (person, caller) pairs probed at once. @default 4 */
  concurrency?: number;
}

/** Runs every element × caller × person × path and returns the figures and findings. */
export async function runMatrix(options: MatrixOptions): Promise<Tally> {
  const { graph, fx, schema, persons } = options;
  const client = new ProbeClient(graph);
  const limit = pLimit(options.concurrency ?? 4);
  const tallies: Tally[] = [];
  const jobs = persons.flatMap((ident, i) =>
    callersFor(fx, ident, persons[(i + 1) % persons.length]!).map((probeCaller) =>
      limit(async () => {
        const tally = new Tally();
        tallies.push(tally);
        await probePerson(client, { fx, ident, probeCaller, schema }, tally);
      }),
    ),
  );
  jobs.push(
    limit(async () => {
      tallies.push(await probeIntrospection(client, fx, schema, persons));
    }),
  );
  await Promise.all(jobs);
  const total = new Tally();
  for (const t of tallies) total.add(t);
  return total;
}

async function probePerson(client: ProbeClient, at: { fx: Fixtures; ident: string; probeCaller: ProbeCaller; schema: ProbeSchema }, tally: Tally) {
  const { fx, ident, probeCaller, schema } = at;
  const { caller } = probeCaller;
  const subject: ProbeSubject = { fx, caller, label: probeCaller.label, ident, elements: schema.elements, owners: schema.owners };
  const context = { ident, fx };
  const render = (plans: ProbePlan[], variant: Variant) => plans.map((plan, i) => renderElement(plan, i, variant, context));

  const viaGateway = async (path: string, root: Root, variant: Variant) => {
    // Within the gateway's alias limit (the root takes one): as many elements per operation as fit.
    const groups = variant === 'aliases' ? chunk(render(schema.plans, variant), (e) => aliasesOf(e.plan), DEFAULT_LIMITS.maxAliases - 1) : [render(schema.plans, variant)];
    for (const rendered of groups) {
      const operation = probeOperation(root, ident, rendered, variant);
      const sent = await client.gateway(caller, operation);
      tally.requests++;
      if (sent.status !== 200) tally.mismatches.push(`[${path}] ${probeCaller.label} → ${ident}: HTTP ${sent.status}`);
      evaluateResponse(subject, { path, root, callId: sent.callId, rootPath: operation.rootPath }, rendered, sent.body, tally);
    }
  };

  await viaGateway('gateway', 'person', 'plain');
  if (caller.role === 'citizen' && caller.ident === ident) await viaGateway('gateway (me)', 'me', 'plain');
  await viaGateway('aliases', 'person', 'aliases');
  await viaGateway('fragments', 'person', 'fragments');
  await viaGateway('introspection', 'person', 'typename');

  for (const [name, plans] of schema.subgraphPlans) {
    const rendered = render(plans, 'plain');
    const operation = probeOperation('entities', ident, rendered, 'plain');
    const sent = await client.subgraph(name, caller, operation);
    tally.requests++;
    if (sent.status !== 200) tally.mismatches.push(`[_entities ${name}] ${probeCaller.label} → ${ident}: HTTP ${sent.status}`);
    evaluateResponse(subject, { path: `_entities ${name}`, root: 'entities', callId: sent.callId, rootPath: operation.rootPath }, rendered, sent.body, tally);
  }

  // One operation per element, as many in one HTTP request as the gateway takes.
  const operations = schema.plans.map((plan, i) => {
    const rendered = [renderElement(plan, i, 'plain', context)];
    return { rendered, operation: probeOperation('person', ident, rendered, 'plain') };
  });
  for (const batch of chunk(operations, () => 1, DEFAULT_LIMITS.maxBatchSize)) {
    const sent = await client.gateway(
      caller,
      batch.map((b) => b.operation),
    );
    tally.requests++;
    const answers = sent.body as unknown;
    if (!Array.isArray(answers) || answers.length !== batch.length) {
      tally.mismatches.push(`[batch] ${probeCaller.label} → ${ident}: not one answer per operation (HTTP ${sent.status})`);
      continue;
    }
    batch.forEach((b, i) =>
      evaluateResponse(subject, { path: 'batch', root: 'person', callId: sent.callId, rootPath: b.operation.rootPath }, b.rendered, answers[i] as GraphQLResponse, tally),
    );
  }
}

/** Splits items into groups whose cost stays within a budget (an item over budget goes alone). */
function chunk<T>(items: T[], cost: (item: T) => number, budget: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let spent = 0;
  for (const item of items) {
    if (current.length && spent + cost(item) > budget) {
      groups.push(current);
      current = [];
      spent = 0;
    }
    current.push(item);
    spent += cost(item);
  }
  if (current.length) groups.push(current);
  return groups;
}

/**
 * Introspection: every role gets the schema (so clients see which fields are consent-bound) and never data — the
 * answer names every consent-bound element and contains no value of any person's records.
 */
async function probeIntrospection(client: ProbeClient, fx: Fixtures, schema: ProbeSchema, persons: string[]): Promise<Tally> {
  const tally = new Tally();
  const secrets = new Set<string>();
  for (const ident of persons) {
    for (const kind of Object.values(RECORD_KINDS)) {
      for (const record of kind.records(fx, ident)) {
        for (const s of kind.secrets(record)) if (s.length >= MIN_SECRET_LENGTH && !schema.supergraphSdl.includes(s)) secrets.add(s);
      }
    }
  }
  const callers = callersFor(fx, persons[0]!, persons[1] ?? persons[0]!).filter((c) => c.label !== 'citizen (another person)');
  for (const { label, caller } of callers) {
    const sent = await client.gateway(caller, { query: getIntrospectionQuery(), variables: {} });
    tally.requests++;
    tally.probes++;
    const body = sent.body;
    const types = (body.data?.__schema?.types ?? []) as Array<{ name: string; fields?: Array<{ name: string }> | null }>;
    for (const element of schema.elements) {
      const type = types.find((t) => t.name === element.typeName);
      if (!type || (element.fieldName && !type.fields?.some((f) => f.name === element.fieldName))) {
        tally.mismatches.push(`[introspection] ${label}: the schema does not show ${element.coordinate}`);
      }
    }
    if (body.errors?.length) tally.mismatches.push(`[introspection] ${label}: errors ${body.errors.map((e) => e.extensions?.code).join(', ')}`);
    const found = scanFor(body, secrets);
    if (found.length) tally.leaks.push(`[introspection] ${label}: the schema answer contains record values ${found.join(', ')}`);
  }
  return tally;
}
