import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { Kind, NoUnusedVariablesRule, TypeInfo, getNamedType, parse, specifiedRules, validate, visit, visitWithTypeInfo, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { subgraphTypeDefs } from '../../../lib/subgraph/schema.ts';
import { NAV_SCHEMA_PATH } from '../index.ts';

/** The Person fields this subgraph owns; the operations' other Person fields belong to career and training. */
const NAV_PERSON_FIELDS = new Set(['ident', 'age', 'inTargetGroup', 'followUp', 'activityPlan']);

const schema = buildSubgraphSchema([{ typeDefs: subgraphTypeDefs(NAV_SCHEMA_PATH) }]);
// Variables of the other subgraphs' fields (AdvisorPersonOverview's $trade) are unused in the nav part.
const rules = specifiedRules.filter((rule) => rule !== NoUnusedVariablesRule);

/** One operation of a client's file, with the Person fields of other subgraphs left out. */
function navPartOf(file: string, operationName: string): DocumentNode {
  const document = parse(readFileSync(fileURLToPath(new URL(`../../../operations/${file}`, import.meta.url)), 'utf8'));
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === operationName);
  if (!operation) throw new Error(`${operationName} not in ${file}`);
  const typeInfo = new TypeInfo(schema);
  return visit(
    { ...document, definitions: [operation] },
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (parent && getNamedType(parent).name === 'Person' && !NAV_PERSON_FIELDS.has(node.name.value)) return null;
        return undefined;
      },
    }),
  );
}

// The operations are the clients' real queries: their nav part must be valid against this subgraph as it is.
describe('the clients operations against the nav subgraph', () => {
  it.each([
    ['nav-advisor.graphql', 'AdvisorPersonOverview', ['followUp', 'activityPlan']],
    ['citizen.graphql', 'CitizenOverview', ['followUp', 'activityPlan']],
  ])('%s %s selects only fields the nav subgraph serves', (file, operation, navFields) => {
    const document = navPartOf(file, operation);
    expect(validate(schema, document, rules).map((e) => e.message)).toEqual([]);
    // The filter must not have emptied the nav part: the fields the client needs from NAV are still asked for.
    for (const field of navFields) expect(JSON.stringify(document)).toContain(`"value":"${field}"`);
  });
});
