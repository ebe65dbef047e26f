import {
  isAbstractType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLScalarType,
} from 'graphql';
import { scalarResolvers } from '../lib/scalars.ts';
import { SelectedFields } from './selectedFields.ts';

/** A place in a subgraph's answer that broke its contract; `reason` names the kind of breach, never the value. */
export interface Violation {
  path: (string | number)[];
  reason: string;
}

export interface CheckedData {
  /** The answer with every broken value nulled (up to the nearest nullable field, as graphql-js does). */
  data: Record<string, unknown> | undefined;
  violations: Violation[];
}

type Path = (string | number)[];
type JsonObject = Record<string, unknown>;

/** Marks a value that is not what the schema promised: its nearest nullable parent becomes null. */
const BROKEN = Symbol('broken');

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/** Strict output checks: a value graphql-js itself would have serialized, nothing it would merely coerce. */
const SCALAR_CHECKS: Record<string, (value: unknown) => boolean> = {
  String: (v) => typeof v === 'string',
  ID: (v) => typeof v === 'string', // graphql-js serializes every ID as a string
  Int: (v) => Number.isInteger(v) && (v as number) >= INT_MIN && (v as number) <= INT_MAX,
  Float: (v) => typeof v === 'number' && Number.isFinite(v),
  Boolean: (v) => typeof v === 'boolean',
  ...Object.fromEntries(Object.entries(scalarResolvers).map(([name, scalar]) => [name, (v: unknown) => parses(scalar, v)])),
};

function parses(scalar: GraphQLScalarType, value: unknown): boolean {
  try {
    scalar.parseValue(value);
    return true;
  } catch {
    return false;
  }
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a subgraph's `data` against the operation the query plan sent it, in the subgraph's own schema: types,
 * nullability, lists, enum values, scalars, every asked key present and no key that was not asked (a key the
 * gateway did not ask for would be merged over another subgraph's field), and each `_entities` item of the type
 * of its representation. Broken values are nulled in place, so the rest of the answer stays usable.
 */
export function checkSubgraphData(selected: SelectedFields, data: unknown): CheckedData {
  return new Checker(selected).root(data, selected.representations());
}

class Checker {
  readonly violations: Violation[] = [];
  /** The fields asked under one response key, per runtime type: computed once for all items of a list. */
  private readonly collected = new WeakMap<FieldNode[], Map<GraphQLObjectType, Map<string, FieldNode[]>>>();

  constructor(private readonly selected: SelectedFields) {}

  root(data: unknown, representations: readonly unknown[] | undefined): CheckedData {
    if (data === null || data === undefined) return { data: undefined, violations: [] };
    const rootType = this.selected.rootType();
    const fields = this.selected.collect(rootType, [this.selected.operation.selectionSet]);
    const checked = representations ? this.entities(data, representations, fields) : this.object(data, rootType, fields, []);
    if (checked === BROKEN) {
      // Nothing of it can be used: each field the operation asked carries the breach.
      const reason = this.violations[0]?.reason ?? 'not the shape of the operation';
      return { data: undefined, violations: this.selected.askedPaths(representations).map((path) => ({ path, reason })) };
    }
    return { data: checked as JsonObject, violations: this.violations };
  }

  /** `{ _entities: [...] }`: one item per representation, in order, each of its representation's type. */
  private entities(data: unknown, representations: readonly unknown[], rootFields: Map<string, FieldNode[]>): JsonObject | typeof BROKEN {
    const nodes = rootFields.get('_entities');
    if (!nodes || rootFields.size !== 1) return BROKEN;
    if (!isObject(data) || Object.keys(data).length !== 1) return this.violate([], 'not an _entities answer');
    const items = data._entities;
    if (!Array.isArray(items) || items.length !== representations.length) return this.violate([], 'not one _entities item per representation');
    const selections = SelectedFields.subSelections(nodes);
    for (let i = 0; i < items.length; i++) {
      if (items[i] === null) continue; // the subgraph's own error at this path says why
      const type = this.selected.representationType(representations[i]);
      const path = ['_entities', i];
      if (!type) {
        items[i] = null;
        this.violate(path, 'an entity of a type this subgraph does not have');
        continue;
      }
      const fields = this.selected.collect(type, selections);
      if (this.object(items[i], type, fields, path) === BROKEN) {
        // An item is not a field: its breach is reported on each field asked of it, where the client sees it.
        items[i] = null;
        this.coverFields(path, [...fields.keys()]);
      }
    }
    return data;
  }

  /** A violation on each of `keys` under `prefix` that has none at or below it yet, replacing one at `prefix`. */
  private coverFields(prefix: Path, keys: string[]): void {
    const here = this.violations.filter((v) => samePath(v.path, prefix));
    const inherited = here[0]?.reason ?? 'left out with the rest of its entity';
    for (const v of here) this.violations.splice(this.violations.indexOf(v), 1);
    for (const key of keys) {
      const path = [...prefix, key];
      if (!this.violations.some((v) => startsWith(v.path, path))) this.violations.push({ path, reason: inherited });
    }
  }

  private violate(path: Path, reason: string): typeof BROKEN {
    this.violations.push({ path, reason });
    return BROKEN;
  }

  /** A value in a position of `type`: null where the position allows it, BROKEN where a non-null one is broken. */
  private value(value: unknown, type: GraphQLOutputType, nodes: FieldNode[], path: Path): unknown {
    if (isNonNullType(type)) {
      if (value === null || value === undefined) return this.violate(path, value === null ? 'null in a non-null position' : 'missing');
      return this.nullable(value, type.ofType, nodes, path);
    }
    if (value === undefined) {
      this.violate(path, 'missing');
      return null;
    }
    if (value === null) return null;
    const checked = this.nullable(value, type, nodes, path);
    return checked === BROKEN ? null : checked;
  }

  private nullable(value: unknown, type: GraphQLOutputType, nodes: FieldNode[], path: Path): unknown {
    if (isNonNullType(type)) return this.value(value, type, nodes, path);
    if (isListType(type)) {
      if (!Array.isArray(value)) return this.violate(path, 'expected a list');
      for (let i = 0; i < value.length; i++) {
        const item = this.value(value[i], type.ofType, nodes, [...path, i]);
        if (item === BROKEN) return BROKEN;
        value[i] = item;
      }
      return value;
    }
    if (isEnumType(type)) return typeof value === 'string' && type.getValue(value) ? value : this.violate(path, `expected ${type.name}`);
    if (isScalarType(type)) return (SCALAR_CHECKS[type.name]?.(value) ?? true) ? value : this.violate(path, `expected ${type.name}`);
    const runtime = isAbstractType(type) ? this.runtimeType(value, type, path) : type;
    if (runtime === BROKEN) return BROKEN;
    return this.object(value, runtime, this.fieldsUnder(nodes, runtime), path);
  }

  private fieldsUnder(nodes: FieldNode[], type: GraphQLObjectType): Map<string, FieldNode[]> {
    let byType = this.collected.get(nodes);
    if (!byType) this.collected.set(nodes, (byType = new Map()));
    let fields = byType.get(type);
    if (!fields) byType.set(type, (fields = this.selected.collect(type, SelectedFields.subSelections(nodes))));
    return fields;
  }

  private runtimeType(value: unknown, type: GraphQLOutputType & { name: string }, path: Path): GraphQLObjectType | typeof BROKEN {
    const typename = isObject(value) ? value.__typename : undefined;
    const runtime = typeof typename === 'string' ? this.selected.schema.getType(typename) : undefined;
    if (!runtime || !isObjectType(runtime) || !isAbstractType(type) || !this.selected.schema.isSubType(type, runtime)) {
      return this.violate(path, `expected a __typename of ${type.name}`);
    }
    return runtime;
  }

  private object(value: unknown, type: GraphQLObjectType, fields: Map<string, FieldNode[]>, path: Path): unknown {
    if (!isObject(value)) return this.violate(path, 'expected an object');
    for (const key of Object.keys(value)) if (!fields.has(key)) return this.violate(path, 'a field that was not asked for');
    const definitions = type.getFields();
    for (const [key, nodes] of fields) {
      const name = nodes[0]!.name.value;
      if (name === '__typename') {
        if (value[key] !== type.name) return this.violate([...path, key], 'a wrong __typename');
        continue;
      }
      const definition = definitions[name];
      if (!definition) return this.violate([...path, key], 'a field outside the schema');
      const checked = this.value(value[key], definition.type, nodes, [...path, key]);
      if (checked === BROKEN) return BROKEN;
      value[key] = checked;
    }
    return value;
  }
}

const samePath = (a: Path, b: Path) => a.length === b.length && a.every((p, i) => p === b[i]);
const startsWith = (path: Path, prefix: Path) => path.length >= prefix.length && prefix.every((p, i) => p === path[i]);

