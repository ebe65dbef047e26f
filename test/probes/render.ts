import { argumentsText, type ArgumentContext, type ProbePlan } from './plan.ts';
import { RECORD_KINDS } from './records.ts';

/** How an element is asked for: plainly, under aliases, through fragments, or only its `__typename`. */
export type Variant = 'plain' | 'aliases' | 'fragments' | 'typename';

/** Where a probe starts: Query.person(ident:), Query.me, or `_entities` straight at a subgraph. */
export type Root = 'person' | 'me' | 'entities';

/** Where one element's data sits in a response: the response key of each step, and of each selected leaf. */
export interface Location {
  stepKeys: string[];
  /** Response key of the identifying leaf selected at each step's object (undefined: none selected). */
  recordKeys: Array<string | undefined>;
  /** Leaf name → response key, at the element's object. Empty when only `__typename` was asked for. */
  leafKeys: Record<string, string>;
}

export interface RenderedElement {
  plan: ProbePlan;
  /** The selection inside the Person (or `... on Person`) selection set. */
  selection: string;
  fragments: string[];
  /** One per copy of the element in the selection (the alias variant asks twice under different names). */
  locations: Location[];
}

/** The selection of one element in one variant, for one person (argument values depend on the person). */
export function renderElement(plan: ProbePlan, index: number, variant: Variant, context: ArgumentContext): RenderedElement {
  const aliased = variant === 'aliases';
  const stepKey = (depth: number, copy = '') => (aliased ? `e${index}_${depth}${copy}` : plan.steps[depth]!.field);
  // Leaves keep their names: the gateway limits aliases per operation, and aliasing the path is what matters.
  const leafKey = (leaf: string) => leaf;
  const field = (depth: number, copy = '') => {
    const step = plan.steps[depth]!;
    const key = stepKey(depth, copy);
    return `${key === step.field ? '' : `${key}: `}${step.field}${argumentsText(step, context)}`;
  };
  const leafSelection = (leaves: string[]) => leaves.join(' ');

  const last = plan.steps.length - 1;
  const target = plan.steps[last]!;
  const targetKey = RECORD_KINDS[target.returnType]?.key;
  const leaves = variant === 'typename' ? [] : [...new Set([...(targetKey ? [targetKey] : []), ...plan.leaves])];
  const targetBody = () => {
    if (!target.returnsObject) return '';
    const inner = variant === 'typename' ? '__typename' : leafSelection(leaves);
    return ` { ${variant === 'fragments' ? `... on ${target.returnType} { ${inner} }` : inner} }`;
  };
  const copies = aliased ? ['_x', '_y'] : [''];
  const lastSelection = copies
    .map((copy) => {
      const text = `${field(last, copy)}${targetBody()}`;
      // A scalar element is asked for inside an inline fragment on its parent type.
      return variant === 'fragments' && !target.returnsObject ? `... on ${target.parentType} { ${text} }` : text;
    })
    .join(' ');

  let selection = lastSelection;
  for (let depth = last - 1; depth >= 0; depth--) {
    const key = RECORD_KINDS[plan.steps[depth]!.returnType]?.key;
    selection = `${field(depth)} { ${key ? `${leafSelection([key])} ` : ''}${selection} }`;
  }
  const fragments: string[] = [];
  if (variant === 'fragments') {
    fragments.push(`fragment E${index} on Person { ${selection} }`);
    selection = `...E${index}`;
  }
  const prefix = plan.steps.slice(0, last).map((_, depth) => stepKey(depth));
  return {
    plan,
    selection,
    fragments,
    locations: copies.map((copy) => ({
      stepKeys: [...prefix, stepKey(last, copy)],
      recordKeys: plan.steps.map((step, depth) => {
        const key = RECORD_KINDS[step.returnType]?.key;
        return key && (depth < last || leaves.includes(key)) ? leafKey(key) : undefined;
      }),
      leafKeys: Object.fromEntries(leaves.map((l) => [l, leafKey(l)])),
    })),
  };
}

/** Aliases an element takes in the alias variant (each step, the last one twice), to keep within the gateway's limit. */
export const aliasesOf = (plan: ProbePlan): number => plan.steps.length + 1;

export interface ProbeOperation {
  query: string;
  variables: Record<string, unknown>;
  /** The response path of the Person object. */
  rootPath: (string | number)[];
}

/** One operation asking for the rendered elements of one person. */
export function probeOperation(root: Root, ident: string, elements: RenderedElement[], variant: Variant): ProbeOperation {
  const selections = elements.map((e) => e.selection).join(' ');
  const fragments = elements.flatMap((e) => e.fragments).join(' ');
  switch (root) {
    case 'person': {
      const key = variant === 'aliases' ? 'who' : 'person';
      return {
        query: `query Probe($ident: ID!) { ${key === 'person' ? '' : `${key}: `}person(ident: $ident) { ${selections} } } ${fragments}`,
        variables: { ident },
        rootPath: [key],
      };
    }
    case 'me':
      return { query: `query Probe { me { ${selections} } } ${fragments}`, variables: {}, rootPath: ['me'] };
    case 'entities':
      return {
        query: `query Probe($representations: [_Any!]!) { _entities(representations: $representations) { ... on Person { ${selections} } } } ${fragments}`,
        variables: { representations: [{ __typename: 'Person', ident }] },
        rootPath: ['_entities', 0],
      };
  }
}
