import { composeServices } from '@apollo/composition';
import { execute, getIntrospectionQuery, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { apiSchemaOf, readSupergraph } from '../schema/compose.ts';
import { costModelOf, operationCost } from './operationCost.ts';

function estimator(supergraphSdl: string, defaultListSize = 10) {
  const schema = apiSchemaOf(supergraphSdl);
  const model = costModelOf(supergraphSdl, schema, defaultListSize);
  return (query: string, variables: Record<string, unknown> = {}) => {
    const document = parse(query);
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    return operationCost(schema, model, document, operation, variables);
  };
}

describe('the cost estimate of an operation', () => {
  const cost = estimator(readSupergraph());

  it('counts one per field, and a list without a size at the default size', () => {
    expect(cost('{ me { ident } }')).toBe(2);
    // me + 10 × (a booking + id + status)
    expect(cost('{ me { guidanceBookings { id status } } }')).toBe(1 + 10 * 3);
  });

  it("sizes a connection's nodes by its slicing argument (@listSize in the supergraph): a literal, a variable, the variable's default, the argument's default", () => {
    const page = (n: number) => 1 + 1 + n * 2; // myCaseload + totalCount + n × (a person + ident)
    expect(cost('{ myCaseload(first: 7) { totalCount nodes { ident } } }')).toBe(page(7));
    expect(cost('query Q($n: Int!) { myCaseload(first: $n) { totalCount nodes { ident } } }', { n: 42 })).toBe(page(42));
    expect(cost('query Q($n: Int! = 3) { myCaseload(first: $n) { totalCount nodes { ident } } }')).toBe(page(3));
    expect(cost('{ myCaseload { totalCount nodes { ident } } }')).toBe(page(20));
  });

  it('sizes a fragment by where it is spread, and counts it every time it is spread', () => {
    const query = '{ a: myCaseload(first: 5) { ...Page } b: myCaseload(first: 7) { ...Page } } fragment Page on CaseloadConnection { nodes { ident } }';
    expect(cost(query)).toBe(1 + 5 * 2 + (1 + 7 * 2));
  });

  it('gives the fragment bomb its exponential value, measuring each fragment once', () => {
    const bomb = (n: number) =>
      `query{...F0} ${Array.from({ length: n }, (_, i) => `fragment F${i} on Query{...F${i + 1} ...F${i + 1}}`).join(' ')} fragment F${n} on Query{__typename}`;
    expect(cost(bomb(20))).toBe(2 ** 20);
    expect(cost(bomb(40))).toBe(2 ** 40);
    expect(cost(bomb(500))).toBe(2 ** 500);
  });

  it('ends on cyclic fragments (validation refuses them) and counts unknown fields as 1', () => {
    expect(cost('query { ...A } fragment A on Query { ...B __typename } fragment B on Query { ...A }')).toBe(1);
    expect(cost('{ me { nonsense { deeper } } }')).toBe(1 + 1 + 1);
  });

  it('estimates the standard introspection query near its real answer, from the schema’s own sizes', () => {
    const schema = apiSchemaOf(readSupergraph());
    const answer = execute({ schema, document: parse(getIntrospectionQuery()) }) as { data: unknown };
    let fields = 0;
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') for (const v of Object.values(value)) (fields++, walk(v));
    };
    walk(answer.data);
    const estimate = cost(getIntrospectionQuery());
    expect(estimate).toBeGreaterThan(fields);
    expect(estimate).toBeLessThan(3 * fields);
  });
});

describe("the cost model reads Federation's demand-control directives from the supergraph", () => {
  const supergraph = composeServices([
    {
      name: 'shop',
      url: 'http://shop.invalid/graphql',
      typeDefs: parse(`
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@listSize", "@cost"])
        type Query {
          shelves: [Shelf!]! @listSize(assumedSize: 3)
          expensive: String @cost(weight: 50)
          items(limit: Int, first: Int): [Item!]! @listSize(slicingArguments: ["limit", "first"], assumedSize: 4)
        }
        type Shelf @key(fields: "id") { id: ID! heavy: Heavy }
        type Heavy @cost(weight: 7) { name: String }
        type Item { id: ID! }
      `),
    },
  ]).supergraphSdl!;
  const cost = estimator(supergraph, 100);

  it('uses @listSize(assumedSize:) over the default size, and @cost weights on fields and types', () => {
    expect(cost('{ shelves { id } }')).toBe(3 * 2);
    expect(cost('{ expensive }')).toBe(50);
    expect(cost('{ shelves { heavy { name } } }')).toBe(3 * (1 + 7 + 1));
  });

  it('takes the largest of several slicing arguments, and the assumed size when none is given', () => {
    expect(cost('{ items(limit: 2, first: 9) { id } }')).toBe(9 * 2);
    expect(cost('{ items { id } }')).toBe(4 * 2);
  });
});
