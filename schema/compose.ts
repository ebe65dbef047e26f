import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { parse, type GraphQLSchema } from 'graphql';
import { subgraphSdl } from '../lib/subgraph/schema.ts';

/** The subgraphs of the graph, in composition order, with the URL the embedded default serves each on. */
export const SUBGRAPHS = [
  { name: 'nav', schemaPath: fileURLToPath(new URL('../subgraphs/nav/schema.graphql', import.meta.url)), url: 'http://localhost:4001/graphql' },
  { name: 'career', schemaPath: fileURLToPath(new URL('../subgraphs/career/schema.graphql', import.meta.url)), url: 'http://localhost:4002/graphql' },
  { name: 'training', schemaPath: fileURLToPath(new URL('../subgraphs/training/schema.graphql', import.meta.url)), url: 'http://localhost:4003/graphql' },
] as const;

export const SUPERGRAPH_PATH = fileURLToPath(new URL('./supergraph.graphql', import.meta.url));

export interface Composition {
  supergraphSdl?: string;
  errors: string[];
  hints: string[];
}

/** Composes the subgraphs' SDL (schema/shared.graphql + each schema.graphql) with @apollo/composition. */
export function compose(): Composition {
  const result = composeServices(
    SUBGRAPHS.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(subgraphSdl(s.schemaPath)) })),
  );
  return {
    supergraphSdl: result.errors ? undefined : result.supergraphSdl,
    errors: (result.errors ?? []).map((e) => e.message),
    hints: (result.hints ?? []).map((h) => `${h.definition.code}: ${h.message}`),
  };
}

/** The committed supergraph, as the gateway loads it. */
export function readSupergraph(): string {
  return readFileSync(SUPERGRAPH_PATH, 'utf8');
}

/** The API schema clients see (the supergraph without federation's join machinery), for validating operations. */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}
