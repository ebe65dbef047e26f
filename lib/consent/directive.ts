import { valueFromASTUntyped, type ConstDirectiveNode, type GraphQLField, type GraphQLNamedType } from 'graphql';
import type { Organisation } from '../auth/caller.ts';
import type { ConsentPurpose } from './grants.ts';

/** The arguments of one @consent application. */
export interface ConsentSpec {
  purpose: ConsentPurpose;
  grantees: Organisation[];
}

type WithAst = Pick<GraphQLNamedType, 'astNode' | 'extensionASTNodes'> | Pick<GraphQLField<unknown, unknown>, 'astNode'>;

function directivesOf(element: WithAst): readonly ConstDirectiveNode[] {
  const own = element.astNode?.directives ?? [];
  const extensions = 'extensionASTNodes' in element ? element.extensionASTNodes.flatMap((n) => n.directives ?? []) : [];
  return [...own, ...extensions];
}

/** The @consent applied to a type or field, read from the schema's SDL (the subgraph's own schema.graphql). */
export function consentOf(element: WithAst): ConsentSpec | undefined {
  const node = directivesOf(element).find((d) => d.name.value === 'consent');
  if (!node) return undefined;
  const args = Object.fromEntries((node.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)]));
  return { purpose: args.purpose as ConsentPurpose, grantees: args.grantees as Organisation[] };
}

export function hasDirective(element: WithAst, name: string): boolean {
  return directivesOf(element).some((d) => d.name.value === name);
}
