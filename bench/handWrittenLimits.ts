/**
 * The gateway's hand-written depth/alias rule as it was before issue 10 (gateway/limits.ts at 8428d58), kept only
 * so bench/validation.ts can measure the "before": it walks a fragment again at every spread, so the issue's
 * fragment bomb costs 2^n. Not used by the gateway.
 */
import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';

/** A validation rule: the operation's depth (through fragments) and alias count within the limits. */
export function handWrittenLimitsRule(limits: { maxDepth: number; maxAliases: number }) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const measure = (set: SelectionSetNode, depth: number, seen: Set<string>): { depth: number; aliases: number } => {
      let deepest = depth;
      let aliases = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.alias) aliases++;
          if (selection.selectionSet) {
            const inner = measure(selection.selectionSet, depth + 1, seen);
            deepest = Math.max(deepest, inner.depth);
            aliases += inner.aliases;
          }
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const inner = measure(selection.selectionSet, depth, seen);
          deepest = Math.max(deepest, inner.depth);
          aliases += inner.aliases;
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (!fragment || seen.has(name)) continue; // unknown or cyclic fragments are reported by the standard rules
          const inner = measure(fragment.selectionSet, depth, new Set([...seen, name]));
          deepest = Math.max(deepest, inner.depth);
          aliases += inner.aliases;
        }
      }
      return { depth: deepest, aliases };
    };
    return {
      OperationDefinition(node) {
        const { depth, aliases } = measure(node.selectionSet, 1, new Set());
        if (depth > limits.maxDepth) {
          context.reportError(new GraphQLError(`The operation is nested ${depth} levels deep; at most ${limits.maxDepth} are allowed.`, { nodes: [node] }));
        }
        if (aliases > limits.maxAliases) {
          context.reportError(new GraphQLError(`The operation uses ${aliases} aliases; at most ${limits.maxAliases} are allowed.`, { nodes: [node] }));
        }
      },
    };
  };
}
