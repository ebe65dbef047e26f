import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, type DocumentNode } from 'graphql';

/** schema/shared.graphql: the @link imports, the @consent directive and the scalars every subgraph shares. */
export const SHARED_SCHEMA_PATH = fileURLToPath(new URL('../../schema/shared.graphql', import.meta.url));

/** The SDL a subgraph serves: the shared definitions followed by its own schema.graphql. */
export function subgraphSdl(schemaPath: string): string {
  return `${readFileSync(SHARED_SCHEMA_PATH, 'utf8')}\n${readFileSync(schemaPath, 'utf8')}`;
}

export function subgraphTypeDefs(schemaPath: string): DocumentNode {
  return parse(subgraphSdl(schemaPath));
}
