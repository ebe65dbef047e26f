import {
  Kind,
  isAbstractType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/**
 * What one subgraph operation asks, object by object: the response keys it selects on an object of a given runtime
 * type, through inline fragments, named fragments and @skip/@include, as graphql-js collects them when it executes.
 */
export class SelectedFields {
  readonly operation: OperationDefinitionNode;
  private readonly fragments = new Map<string, FragmentDefinitionNode>();

  constructor(
    readonly schema: GraphQLSchema,
    document: DocumentNode,
    private readonly variables: Record<string, unknown>,
  ) {
    let operation: OperationDefinitionNode | undefined;
    for (const definition of document.definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION) operation ??= definition;
      else if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
    }
    if (!operation) throw new Error('A subgraph operation without an operation definition.');
    this.operation = operation;
  }

  rootType(): GraphQLObjectType {
    const type = this.schema.getRootType(this.operation.operation);
    if (!type) throw new Error(`The subgraph has no ${this.operation.operation} type.`);
    return type;
  }

  /** Response key → the field nodes selected under it on an object of `type` (merged as graphql-js merges them). */
  collect(type: GraphQLObjectType, selectionSets: readonly SelectionSetNode[]): Map<string, FieldNode[]> {
    const fields = new Map<string, FieldNode[]>();
    for (const set of selectionSets) this.collectInto(type, set, fields, new Set());
    return fields;
  }

  /** The representations of an entity fetch (`_entities(representations: $representations)`); undefined for a root fetch. */
  representations(): readonly unknown[] | undefined {
    const asksEntities = this.operation.selectionSet.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '_entities');
    const given = this.variables.representations;
    return asksEntities && Array.isArray(given) ? given : undefined;
  }

  /** The object type a representation of an entity fetch names, when this subgraph has it. */
  representationType(representation: unknown): GraphQLObjectType | undefined {
    const typename = typeof representation === 'object' && representation !== null ? (representation as { __typename?: unknown }).__typename : undefined;
    const type = typeof typename === 'string' ? this.schema.getType(typename) : undefined;
    return type && isObjectType(type) ? type : undefined;
  }

  /**
   * The path of every field the operation asks, as the subgraph would answer it: `[key]` for a root field,
   * `['_entities', i, key]` for each field asked of the i-th representation — where the gateway places an error of
   * this subgraph in the client's answer (an error on `['_entities', i]` itself would land on the whole entity).
   */
  askedPaths(representations: readonly unknown[] | undefined): (string | number)[][] {
    const rootFields = this.collect(this.rootType(), [this.operation.selectionSet]);
    if (!representations) return [...rootFields.keys()].map((key) => [key]);
    const selections = SelectedFields.subSelections(rootFields.get('_entities') ?? []);
    return representations.flatMap((representation, i) => {
      const type = this.representationType(representation);
      return type ? [...this.collect(type, selections).keys()].map((key) => ['_entities', i, key]) : [['_entities', i]];
    });
  }

  /** The selection sets under `nodes` (one response key), for the next level down. */
  static subSelections(nodes: readonly FieldNode[]): SelectionSetNode[] {
    return nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
  }

  private collectInto(type: GraphQLObjectType, set: SelectionSetNode, fields: Map<string, FieldNode[]>, spread: Set<string>): void {
    for (const selection of set.selections) {
      if (!this.included(selection.directives ?? [])) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const list = fields.get(key);
        if (list) list.push(selection);
        else fields.set(key, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!selection.typeCondition || this.applies(selection.typeCondition.name.value, type)) this.collectInto(type, selection.selectionSet, fields, spread);
      } else {
        const name = selection.name.value;
        const fragment = this.fragments.get(name);
        if (!fragment || spread.has(name) || !this.applies(fragment.typeCondition.name.value, type)) continue;
        this.collectInto(type, fragment.selectionSet, fields, new Set([...spread, name]));
      }
    }
  }

  private applies(condition: string, type: GraphQLObjectType): boolean {
    if (condition === type.name) return true;
    const conditionType = this.schema.getType(condition);
    return !!conditionType && isAbstractType(conditionType) && this.schema.isSubType(conditionType, type);
  }

  private included(directives: readonly { name: { value: string }; arguments?: readonly { name: { value: string }; value: ValueNode }[] }[]): boolean {
    for (const directive of directives) {
      const name = directive.name.value;
      if (name !== 'skip' && name !== 'include') continue;
      const condition = this.booleanOf(directive.arguments?.find((a) => a.name.value === 'if')?.value);
      if (name === 'skip' && condition) return false;
      if (name === 'include' && !condition) return false;
    }
    return true;
  }

  private booleanOf(value: ValueNode | undefined): boolean {
    if (!value) return false;
    if (value.kind === Kind.BOOLEAN) return value.value;
    if (value.kind !== Kind.VARIABLE) return false;
    const name = value.name.value;
    if (Object.hasOwn(this.variables, name)) return this.variables[name] === true;
    const definition = this.operation.variableDefinitions?.find((d) => d.variable.name.value === name);
    return definition?.defaultValue?.kind === Kind.BOOLEAN ? definition.defaultValue.value : false;
  }
}
