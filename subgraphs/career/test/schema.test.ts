import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  Kind,
  isEnumType,
  isInputObjectType,
  isObjectType,
  parse,
  print,
  validate,
  visit,
  type FieldNode,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { protectionProblems } from '../../../lib/consent/enforce.ts';
import { subgraphTypeDefs } from '../../../lib/subgraph/schema.ts';
import { CAREER_SCHEMA_PATH } from '../index.ts';

const schema = buildSubgraphSchema([{ typeDefs: subgraphTypeDefs(CAREER_SCHEMA_PATH) }]);
const OWN_SDL = parse(readFileSync(CAREER_SCHEMA_PATH, 'utf8'));
const OPERATIONS_DIR = fileURLToPath(new URL('../../../operations/', import.meta.url));
const PERSON_FIELDS = ['guidanceBookings', 'careerNotes'];
const QUERY_FIELDS = ['careerCentres', 'availableSlots'];

/** Every selection the clients' operations make of this subgraph's fields, as a query this subgraph alone can answer. */
function selectionsOfThisSubgraph(): Array<{ file: string; query: string }> {
  const found: Array<{ file: string; query: string }> = [];
  for (const file of readdirSync(OPERATIONS_DIR).filter((f) => f.endsWith('.graphql'))) {
    const document = parse(readFileSync(`${OPERATIONS_DIR}${file}`, 'utf8'));
    for (const operation of document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)) {
      const variables = (operation.variableDefinitions ?? []).map(print).join(', ');
      visit(operation, {
        Field(node: FieldNode) {
          const root = operation.selectionSet.selections.includes(node);
          if (root && operation.operation === 'query' && QUERY_FIELDS.includes(node.name.value)) {
            found.push({ file, query: `query (${variables}) { ${print(node)} }` });
          } else if (!root && PERSON_FIELDS.includes(node.name.value)) {
            found.push({ file, query: `query { _entities(representations: []) { ... on Person { ${print(node)} } } }` });
          }
        },
      });
    }
  }
  return found;
}

describe('the career schema', () => {
  it("makes valid every selection the clients' operations make of its fields", () => {
    const selections = selectionsOfThisSubgraph();
    expect(selections.length).toBeGreaterThanOrEqual(4);
    for (const { file, query } of selections) {
      // Variables are unused in _entities queries; only field and argument validity matters here.
      const errors = validate(schema, parse(query)).filter((e) => !/Variable ".*" is never used/.test(e.message));
      expect(errors.map((e) => `${file}: ${e.message}`)).toEqual([]);
    }
  });

  it('keeps the data-protection rules: consent-bound data nullable, Person fields nullable, no consent-bound entity', () => {
    expect(protectionProblems(schema)).toEqual([]);
  });

  it('describes every type, field, argument and enum value it defines', () => {
    const missing: string[] = [];
    const own = OWN_SDL.definitions.flatMap((d) => ('name' in d && d.name ? [d.name.value] : []));
    for (const type of own.map((name) => schema.getType(name)!)) {
      if (!type.description && type.name !== 'Query') missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (type.name === 'Query' && field.name.startsWith('_')) continue; // federation's own fields
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });
});
