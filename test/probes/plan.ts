import {
  astFromValue,
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  print,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import type { Fixtures } from '../support/fixtures.ts';
import type { ConsentElement } from './discovery.ts';

/** One field on the way from Person to a consent-bound element. */
export interface PlanStep {
  field: string;
  parentType: string;
  /** The named type the field returns. */
  returnType: string;
  returnsObject: boolean;
  list: boolean;
  /** Arguments the field requires (non-null, no default), filled per person from ARGUMENT_VALUES. */
  args: Array<{ name: string; type: GraphQLInputType }>;
}

/** How to reach one element from a Person, and what to select there. */
export interface ProbePlan {
  element: ConsentElement;
  steps: PlanStep[];
  /** Scalar and enum fields of the element's object (empty when the last step is a leaf itself). */
  leaves: string[];
}

/** What an argument value may depend on: the person probed and the fixture set. */
export interface ArgumentContext {
  ident: string;
  fx: Fixtures;
}

type Json = Record<string, any>;

/** The trade a probe asks about for a person: one they want mapped, else the catalogue's first. */
function tradeOf({ ident, fx }: ArgumentContext): string {
  const wanted = (fx.fagopplaering.kartlegginger as Json[]).find((k) => k.fnr === ident)?.onsketLaerefag?.[0];
  return wanted ?? (fx.fagopplaering.laerefag as Json[])[0]!.programomradekode;
}

/**
 * Values for required arguments on a probe path, keyed by argument name. A path needing an argument not listed here
 * fails the suite at planning time, so whoever adds such a field decides what the probes ask with.
 */
export const ARGUMENT_VALUES: Record<string, (context: ArgumentContext) => unknown> = {
  trade: tradeOf,
  tradeCode: tradeOf,
  ident: ({ ident }) => ident,
  first: () => 100,
};

const stepOf = (parent: GraphQLObjectType, name: string): PlanStep => {
  const field = parent.getFields()[name]!;
  const required = field.args.filter((a: GraphQLArgument) => isNonNullType(a.type) && a.defaultValue === undefined);
  for (const arg of required) {
    if (!ARGUMENT_VALUES[arg.name]) {
      throw new Error(`No probe value for the required argument ${parent.name}.${name}(${arg.name}:): add one to ARGUMENT_VALUES in test/probes/plan.ts`);
    }
  }
  const named = getNamedType(field.type);
  return {
    field: name,
    parentType: parent.name,
    returnType: named.name,
    returnsObject: isObjectType(named),
    list: isListType(getNullableType(field.type)),
    args: required.map((a) => ({ name: a.name, type: a.type })),
  };
};

/** Leaf fields of a type a probe can select without arguments. */
function leavesOf(type: GraphQLObjectType): string[] {
  return Object.values(type.getFields())
    .filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined))
    .map((f) => f.name);
}

/**
 * The shortest selection path from `from` (Person) to the element, by breadth-first search over the schema's object
 * fields (field order breaks ties). Throws when the element cannot be reached: a probe that cannot be sent is a gap.
 */
export function planFor(schema: GraphQLSchema, element: ConsentElement, from = 'Person'): ProbePlan {
  const start = schema.getType(from);
  if (!isObjectType(start)) throw new Error(`${from} is not an object type of the schema`);
  const queue: Array<{ type: GraphQLObjectType; steps: PlanStep[] }> = [{ type: start, steps: [] }];
  const seen = new Set([from]);
  while (queue.length) {
    const { type, steps } = queue.shift()!;
    if (element.kind === 'field' && type.name === element.typeName) {
      const last = stepOf(type, element.fieldName!);
      const target = schema.getType(last.returnType);
      return { element, steps: [...steps, last], leaves: isObjectType(target) ? leavesOf(target) : [] };
    }
    for (const field of Object.values(type.getFields())) {
      const named = getNamedType(field.type);
      if (!isObjectType(named)) continue;
      if (element.kind === 'object' && named.name === element.typeName) {
        return { element, steps: [...steps, stepOf(type, field.name)], leaves: leavesOf(named) };
      }
      if (seen.has(named.name)) continue;
      seen.add(named.name);
      queue.push({ type: named, steps: [...steps, stepOf(type, field.name)] });
    }
  }
  throw new Error(`${element.coordinate} cannot be reached from ${from}: the probe suite cannot ask for it`);
}

/** `(name: value, …)` for a step, with values for this person; empty when the field takes no required argument. */
export function argumentsText(step: PlanStep, context: ArgumentContext): string {
  if (!step.args.length) return '';
  const printed = step.args.map(({ name, type }) => {
    const ast = astFromValue(ARGUMENT_VALUES[name]!(context), type);
    if (!ast) throw new Error(`The probe value for ${step.parentType}.${step.field}(${name}:) does not fit its type`);
    return `${name}: ${print(ast)}`;
  });
  return `(${printed.join(', ')})`;
}
