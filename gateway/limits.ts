import type { NextFunction, Request, Response } from 'express';
import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';
import { ErrorCode } from '../lib/errors.ts';

/** Limits on what one request may ask, so a single client cannot make the gateway fan out without bound. */
export interface GatewayLimits {
  /** Deepest selection nesting. @default 15 */
  maxDepth: number;
  /** Most aliases in one operation (aliases multiply upstream work). @default 30 */
  maxAliases: number;
  /** Most operations in one batched HTTP request. @default 10 */
  maxBatchSize: number;
}

export const DEFAULT_LIMITS: GatewayLimits = { maxDepth: 15, maxAliases: 30, maxBatchSize: 10 };

/** A validation rule: the operation's depth (through fragments) and alias count within the limits. */
export function operationLimitsRule(limits: GatewayLimits) {
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

/** Express middleware: a batched request (JSON array) may hold at most maxBatchSize operations. */
export function batchSizeLimit(limits: GatewayLimits) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (Array.isArray(req.body) && req.body.length > limits.maxBatchSize) {
      res.status(400).json({
        errors: [{ message: `A batch may hold at most ${limits.maxBatchSize} operations.`, extensions: { code: ErrorCode.BAD_USER_INPUT } }],
      });
      return;
    }
    next();
  };
}
