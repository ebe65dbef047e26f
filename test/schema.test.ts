import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { Kind, parse, validate, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { protectionProblems } from '../lib/consent/enforce.ts';
import { subgraphTypeDefs } from '../lib/subgraph/schema.ts';
import { apiSchemaOf, compose, readSupergraph, SUBGRAPHS } from '../schema/compose.ts';

const OPERATIONS_DIR = fileURLToPath(new URL('../operations/', import.meta.url));

/**
 * Operations of the clients that later issues implement. A pending operation that starts to validate fails this
 * test, so the list is kept honest: remove it from here when its issue lands.
 */
const PENDING: Record<string, string> = {
};

function operations() {
  return readdirSync(OPERATIONS_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .flatMap((file) =>
      parse(readFileSync(`${OPERATIONS_DIR}${file}`, 'utf8')).definitions.map((d) => ({
        file,
        name: (d as OperationDefinitionNode).name?.value ?? '(anonymous)',
        document: { kind: Kind.DOCUMENT, definitions: [d] } as DocumentNode,
      })),
    );
}

describe('the supergraph', () => {
  const composition = compose();

  it('composes without errors or hints', () => {
    expect(composition.errors).toEqual([]);
    expect(composition.hints).toEqual([]);
  });

  it('is committed as composed (run `npm run compose` after changing a subgraph schema)', () => {
    expect(readSupergraph()).toBe(`${composition.supergraphSdl}\n`);
  });

  it('carries the @consent directive under the project\'s own @link', () => {
    expect(composition.supergraphSdl).toContain('@link(url: "https://specs.fagbrev-graph.no/consent/v1.0", import: ["@consent"])');
    expect(composition.supergraphSdl).toMatch(/directive @consent\([\s\S]*?purpose: ConsentPurpose![\s\S]*?grantees: \[Organisation!\]![\s\S]*?\) on FIELD_DEFINITION \| OBJECT/);
    expect(composition.supergraphSdl).toContain('@consent(purpose: CAREER_NOTE_SHARING, grantees: [NAV])');
  });

  describe('validates the clients\' operations', () => {
    const api = apiSchemaOf(readSupergraph());
    for (const op of operations()) {
      const pending = PENDING[op.name];
      it(`${op.file} ${op.name}${pending ? ` (pending: ${pending})` : ''}`, () => {
        const errors = validate(api, op.document).map((e) => e.message);
        if (pending) expect(errors, `${op.name} validates now: remove it from PENDING`).not.toEqual([]);
        else expect(errors).toEqual([]);
      });
    }
  });
});

describe('each subgraph schema', () => {
  for (const subgraph of SUBGRAPHS) {
    it(`${subgraph.name} keeps the data-protection rules (consent-bound fields nullable, no consent-bound entity)`, () => {
      const schema = buildSubgraphSchema(subgraphTypeDefs(subgraph.schemaPath));
      expect(protectionProblems(schema)).toEqual([]);
    });
  }
});
