import {
  Kind,
  parse,
  valueFromASTUntyped,
  type ConstDirectiveNode,
  type DocumentNode,
  type EnumTypeDefinitionNode,
  type ObjectTypeDefinitionNode,
  type ObjectTypeExtensionNode,
} from 'graphql';

/** One consent-bound element of the supergraph: a field with @consent, or an object type with @consent. */
export interface ConsentElement {
  /** "Type.field" for a field, "Type" for an object type. */
  coordinate: string;
  kind: 'field' | 'object';
  typeName: string;
  /** Only for kind "field". */
  fieldName?: string;
  purpose: string;
  grantees: string[];
  /** The subgraph that resolves it (its name in join__Graph), where `_entities` probes are sent. */
  subgraph: string;
}

const argsOf = (directive: ConstDirectiveNode): Record<string, unknown> =>
  Object.fromEntries((directive.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)]));

const named = (directives: readonly ConstDirectiveNode[] | undefined, name: string) => (directives ?? []).filter((d) => d.name.value === name);

/**
 * Every consent-bound element of a supergraph SDL. The supergraph keeps composed directive applications (the
 * gateway's API schema drops them), so this is where a new @consent in any subgraph shows up first.
 */
export function consentElements(supergraphSdl: string): ConsentElement[] {
  const document: DocumentNode = parse(supergraphSdl);
  const graphNames = joinGraphNames(document);
  const graphOf = (directives: readonly ConstDirectiveNode[] | undefined, which: 'join__type' | 'join__field'): string | undefined => {
    const graph = named(directives, which).map((d) => argsOf(d).graph as string | undefined).find(Boolean);
    return graph ? graphNames.get(graph) : undefined;
  };

  const elements: ConsentElement[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const type = definition as ObjectTypeDefinitionNode | ObjectTypeExtensionNode;
    const typeName = type.name.value;
    const typeGraph = graphOf(type.directives, 'join__type');
    for (const consent of named(type.directives, 'consent')) {
      elements.push(element({ coordinate: typeName, kind: 'object', typeName }, consent, typeGraph));
    }
    for (const field of type.fields ?? []) {
      for (const consent of named(field.directives, 'consent')) {
        const fieldGraph = graphOf(field.directives, 'join__field') ?? typeGraph;
        elements.push(element({ coordinate: `${typeName}.${field.name.value}`, kind: 'field', typeName, fieldName: field.name.value }, consent, fieldGraph));
      }
    }
  }
  return elements;
}

function element(base: Pick<ConsentElement, 'coordinate' | 'kind' | 'typeName' | 'fieldName'>, consent: ConstDirectiveNode, graph: string | undefined): ConsentElement {
  const args = argsOf(consent);
  if (typeof args.purpose !== 'string' || !Array.isArray(args.grantees)) throw new Error(`${base.coordinate}: @consent without purpose and grantees`);
  if (!graph) throw new Error(`${base.coordinate}: no @join__type/@join__field says which subgraph resolves it`);
  return { ...base, purpose: args.purpose, grantees: args.grantees as string[], subgraph: graph };
}

/** join__Graph enum value → the subgraph's name (`@join__graph(name:)`). */
function joinGraphNames(document: DocumentNode): Map<string, string> {
  const graphs = document.definitions.find(
    (d): d is EnumTypeDefinitionNode => d.kind === Kind.ENUM_TYPE_DEFINITION && d.name.value === 'join__Graph',
  );
  if (!graphs) throw new Error('not a supergraph: no join__Graph enum');
  return new Map(
    (graphs.values ?? []).flatMap((v) => named(v.directives, 'join__graph').map((d) => [v.name.value, String(argsOf(d).name)] as const)),
  );
}

/** "Type.field" → the subgraph that resolves it, for every object field of the supergraph. */
export function fieldSubgraphs(supergraphSdl: string): Map<string, string> {
  const document = parse(supergraphSdl);
  const graphNames = joinGraphNames(document);
  const owners = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const typeGraphs = named(definition.directives, 'join__type').map((d) => graphNames.get(String(argsOf(d).graph)));
    for (const field of definition.fields ?? []) {
      const graph = named(field.directives, 'join__field').map((d) => argsOf(d).graph as string | undefined).find(Boolean);
      const owner = graph ? graphNames.get(graph) : typeGraphs.length === 1 ? typeGraphs[0] : undefined;
      if (owner) owners.set(`${definition.name.value}.${field.name.value}`, owner);
    }
  }
  return owners;
}
