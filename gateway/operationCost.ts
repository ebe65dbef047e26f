import { COST_VERSIONS, Supergraph, costIdentity } from '@apollo/federation-internals';
import {
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/** Federation's demand-control directives of one field (`@listSize`, `@cost`), as composed into the supergraph. */
interface FieldCost {
  weight?: number;
  assumedSize?: number;
  slicingArguments?: string[];
  sizedFields?: string[];
}

/**
 * What the supergraph says about cost: `@cost(weight:)` on fields and types, `@listSize(slicingArguments:,
 * sizedFields:, assumedSize:)` on fields (https://specs.apollo.dev/cost/v0.1, Federation 2.9). Read from the
 * supergraph because the API schema the gateway serves drops them.
 */
export interface CostModel {
  fields: ReadonlyMap<string, FieldCost>;
  types: ReadonlyMap<string, number>;
  /** The size assumed for a list the schema gives no size for. */
  defaultListSize: number;
}

export function costModelOf(supergraphSdl: string, apiSchema: GraphQLSchema, defaultListSize: number): CostModel {
  const schema = Supergraph.build(supergraphSdl).schema;
  const fields = new Map<string, FieldCost>(introspectionSizes(apiSchema));
  const types = new Map<string, number>();
  const feature = schema.coreFeatures?.getByIdentity(costIdentity);
  const spec = feature && COST_VERSIONS.find(feature.url.version);
  if (spec) {
    for (const application of spec.listSizeDirective(schema)?.applications() ?? []) {
      const { assumedSize, slicingArguments, sizedFields } = application.arguments();
      const coordinate = coordinateOf(application.parent);
      fields.set(coordinate, { ...fields.get(coordinate), assumedSize, slicingArguments, sizedFields });
    }
    for (const application of spec.costDirective(schema)?.applications() ?? []) {
      const coordinate = coordinateOf(application.parent);
      const { weight } = application.arguments();
      if (coordinate.includes('(')) continue; // argument costs: arguments here are scalars and enums, free to send
      if (coordinate.includes('.')) fields.set(coordinate, { ...fields.get(coordinate), weight });
      else types.set(coordinate, weight);
    }
  }
  return { fields, types, defaultListSize };
}

/** "Type.field", "Type" or "Type.field(arg:)" of the element a directive is applied to (federation-internals). */
const coordinateOf = (element: unknown): string => String((element as { coordinate?: unknown }).coordinate);

/**
 * Introspection lists are sized from the schema itself: their mean length over the schema, so the standard
 * introspection query is estimated at about its real answer, and nested `fields { type { fields … } }` grows by the
 * schema's mean number of fields per level, as its answer does.
 */
function introspectionSizes(schema: GraphQLSchema): Array<[string, FieldCost]> {
  const types = Object.values(schema.getTypeMap());
  const directives = schema.getDirectives();
  const fieldsOf = (t: GraphQLNamedType) => (isObjectType(t) || isInterfaceType(t) ? Object.values(t.getFields()) : []);
  const allFields = types.flatMap(fieldsOf);
  const mean = (total: number, over: number) => ({ assumedSize: over ? total / over : 0 });
  const sum = <T>(items: readonly T[], size: (item: T) => number) => items.reduce((n, item) => n + size(item), 0);
  return [
    ['__Schema.types', { assumedSize: types.length }],
    ['__Schema.directives', { assumedSize: directives.length }],
    ['__Type.fields', mean(allFields.length, types.length)],
    ['__Type.interfaces', mean(sum(types, (t) => (isObjectType(t) || isInterfaceType(t) ? t.getInterfaces().length : 0)), types.length)],
    ['__Type.possibleTypes', mean(sum(types, (t) => (isAbstractType(t) ? schema.getPossibleTypes(t).length : 0)), types.length)],
    ['__Type.enumValues', mean(sum(types, (t) => (isEnumType(t) ? t.getValues().length : 0)), types.length)],
    ['__Type.inputFields', mean(sum(types, (t) => (isInputObjectType(t) ? Object.keys(t.getFields()).length : 0)), types.length)],
    ['__Field.args', mean(sum(allFields, (f) => f.args.length), allFields.length)],
    ['__Directive.args', mean(sum(directives, (d) => d.args.length), directives.length)],
    ['__Directive.locations', mean(sum(directives, (d) => d.locations.length), directives.length)],
  ];
}

/**
 * The estimated cost of the operation a request runs: each field the answer can hold counts its weight (1 unless
 * `@cost` says otherwise; `__typename` too, so a document of spreads only is not free), a list counts its contents
 * once per element it may hold — the slicing argument's value (`first`, from a literal, the request's variables or
 * the defaults), else `@listSize(assumedSize:)`, else the model's default list size. A fragment spread counts its
 * fragment's full cost every time it is spread, as an expanding executor or query planner would do the work, but
 * each fragment is measured once per spread context (memoized), so the estimate is linear in the document even when
 * its value is exponential. Unknown fields and types count 1 and are left to validation; a cyclic spread counts
 * nothing here (validation refuses the document).
 */
export function operationCost(
  schema: GraphQLSchema,
  model: CostModel,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const variableDefaults = new Map(operation.variableDefinitions?.map((v) => [v.variable.name.value, v.defaultValue]) ?? []);
  const memo = new Map<string, number>();
  const inProgress = new Set<string>();

  const intValue = (node: ValueNode | undefined): number | undefined => {
    if (!node) return undefined;
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.VARIABLE) {
      const value = variables[node.name.value];
      if (Number.isInteger(value)) return value as number;
      return value === undefined ? intValue(variableDefaults.get(node.name.value)) : undefined;
    }
    return undefined;
  };

  /** The size of the list a field returns from its slicing arguments; undefined when none is given. */
  const slicedSize = (field: FieldNode, definition: GraphQLField<unknown, unknown>, cost: FieldCost): number | undefined => {
    const sizes = (cost.slicingArguments ?? []).map((name) => {
      const given = intValue(field.arguments?.find((a) => a.name.value === name)?.value);
      const fallback = definition.args.find((a) => a.name === name)?.defaultValue;
      return given ?? (Number.isInteger(fallback) ? (fallback as number) : undefined);
    });
    const known = sizes.filter((s): s is number => s !== undefined);
    return known.length ? Math.max(0, ...known) : undefined;
  };

  const fieldDefinition = (parent: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined => {
    if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
    if (parent === schema.getQueryType()) {
      if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
      if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
    }
    return parent && 'getFields' in parent ? (parent.getFields() as Record<string, GraphQLField<unknown, unknown>>)[name] : undefined;
  };

  const listDepth = (type: GraphQLType): number => {
    let depth = 0;
    for (let t: GraphQLType = type; ; t = (t as { ofType: GraphQLType }).ofType) {
      if (isListType(t)) depth++;
      else if (!isNonNullType(t)) return depth;
    }
  };

  const fieldCost = (field: FieldNode, parent: GraphQLNamedType | undefined, sized: ReadonlyMap<string, number> | undefined): number => {
    const definition = fieldDefinition(parent, field.name.value);
    if (!definition) return 1 + (field.selectionSet ? selectionSetCost(field.selectionSet, undefined, undefined) : 0);
    const type = getNamedType(definition.type);
    const cost = (parent && model.fields.get(`${parent.name}.${field.name.value}`)) ?? {};
    const weight = cost.weight ?? model.types.get(type.name) ?? 1;
    const sliced = slicedSize(field, definition, cost);
    // A connection's slicing argument sizes its sized fields (`nodes`), not the connection itself.
    const childSizes = cost.sizedFields?.length ? new Map(cost.sizedFields.map((f) => [f, sliced ?? cost.assumedSize ?? model.defaultListSize])) : undefined;
    let multiplier = 1;
    const lists = listDepth(definition.type);
    if (lists > 0) {
      const size = sized?.get(field.name.value) ?? (childSizes ? undefined : sliced) ?? cost.assumedSize ?? model.defaultListSize;
      multiplier = size * model.defaultListSize ** (lists - 1);
    }
    const children = field.selectionSet ? selectionSetCost(field.selectionSet, type, childSizes) : 0;
    return multiplier * (weight + children);
  };

  const spreadCost = (name: string, sized: ReadonlyMap<string, number> | undefined): number => {
    const fragment = fragments.get(name);
    if (!fragment) return 0;
    const key = sized ? `${name}|${[...sized].join(',')}` : name;
    const known = memo.get(key);
    if (known !== undefined) return known;
    if (inProgress.has(key)) return 0;
    inProgress.add(key);
    const cost = selectionSetCost(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? undefined, sized);
    inProgress.delete(key);
    memo.set(key, cost);
    return cost;
  };

  const selectionSetCost = (set: SelectionSetNode, parent: GraphQLNamedType | undefined, sized: ReadonlyMap<string, number> | undefined): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) total += fieldCost(selection, parent, sized);
      else if (selection.kind === Kind.FRAGMENT_SPREAD) total += spreadCost(selection.name.value, sized);
      else {
        const condition = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) ?? undefined) : parent;
        total += selectionSetCost(selection.selectionSet, condition, sized);
      }
    }
    return total;
  };

  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  return selectionSetCost(operation.selectionSet, root ?? undefined, undefined);
}
