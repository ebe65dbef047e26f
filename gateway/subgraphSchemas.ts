import { Supergraph } from '@apollo/federation-internals';
import type { GraphQLSchema } from 'graphql';

/**
 * Each subgraph's own schema, derived from the supergraph (the same extraction the query planner uses), by its
 * name in the supergraph: what a subgraph answers is checked against the schema it promised, not against the API
 * schema, which knows nothing of `_entities` or of which subgraph owns a field.
 */
export function subgraphSchemas(supergraphSdl: string): Map<string, GraphQLSchema> {
  const supergraph = Supergraph.build(supergraphSdl);
  return new Map(supergraph.subgraphs().values().map((subgraph) => [subgraph.name, subgraph.schema.toGraphQLJSSchema()] as const));
}
