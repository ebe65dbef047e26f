import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { NextFunction, Request, Response } from 'express';
import {
  GraphQLError,
  Lexer,
  Source,
  TokenKind,
  getOperationAST,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { z } from 'zod';
import { ErrorCode } from '../lib/errors.ts';
import type { Logger } from '../lib/log.ts';
import { apiSchemaOf } from '../schema/compose.ts';
import { hideSuggestionsPlugin } from './hideSuggestions.ts';
import { costModelOf, operationCost, type CostModel } from './operationCost.ts';

/**
 * Limits on what one HTTP request may ask, so no client — whatever its token — can make the gateway block its event
 * loop or fan out to the subgraphs without bound. Every limit is a positive integer.
 */
export interface GatewayLimits {
  /** Deepest field nesting of an operation, through fragments (a spread adds no level). @default 15 */
  maxDepth: number;
  /** Most aliases in one operation, through fragments (aliases multiply upstream work). @default 30 */
  maxAliases: number;
  /** Most directives in one operation, through fragments. @default 50 */
  maxDirectives: number;
  /**
   * Most tokens (graphql-js lexer tokens) in one HTTP request: its document, or every document of a batch together.
   * graphql-js's validation is quadratic in the worst case (OverlappingFieldsCanBeMerged), so this bounds its time.
   * @default 400
   */
  maxTokens: number;
  /** Highest estimated cost of everything one HTTP request asks: one operation, or every operation of a batch together (gateway/operationCost.ts). @default 60000 */
  maxCost: number;
  /** The size the cost estimate assumes for a list without a slicing argument or `@listSize(assumedSize:)`. @default 10 */
  defaultListSize: number;
  /** Most operations in one batched HTTP request. @default 10 */
  maxBatchSize: number;
}

export const DEFAULT_LIMITS: GatewayLimits = {
  maxDepth: 15,
  maxAliases: 30,
  maxDirectives: 50,
  maxTokens: 400,
  maxCost: 60_000,
  defaultListSize: 10,
  maxBatchSize: 10,
};

/** The environment variable of each limit (gateway/main.ts and the embedded default). */
export const LIMIT_VARIABLES: Record<keyof GatewayLimits, string> = {
  maxDepth: 'GATEWAY_MAX_DEPTH',
  maxAliases: 'GATEWAY_MAX_ALIASES',
  maxDirectives: 'GATEWAY_MAX_DIRECTIVES',
  maxTokens: 'GATEWAY_MAX_TOKENS',
  maxCost: 'GATEWAY_MAX_COST',
  defaultListSize: 'GATEWAY_DEFAULT_LIST_SIZE',
  maxBatchSize: 'GATEWAY_MAX_BATCH_SIZE',
};

const limit = z.number().int().positive();
const limitsSchema = z.object(Object.fromEntries(Object.keys(DEFAULT_LIMITS).map((k) => [k, limit])) as Record<keyof GatewayLimits, typeof limit>);

/** The defaults overridden by `overrides`; a limit that is not a positive integer fails here, naming it. */
export function gatewayLimits(overrides: Partial<GatewayLimits> = {}): GatewayLimits {
  const merged = { ...DEFAULT_LIMITS, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) };
  const parsed = limitsSchema.safeParse(merged);
  if (!parsed.success) {
    throw new Error(`Bad gateway limits: ${parsed.error.issues.map((i) => `${i.path.join('.')} must be a positive integer`).join('; ')}`);
  }
  return parsed.data;
}

/** The limits set in the environment (GATEWAY_MAX_DEPTH, …); a bad value fails at start, naming the variable. */
export function gatewayLimitsFromEnv(env: Record<string, string | undefined> = process.env): Partial<GatewayLimits> {
  const overrides: Partial<GatewayLimits> = {};
  for (const [key, variable] of Object.entries(LIMIT_VARIABLES) as Array<[keyof GatewayLimits, string]>) {
    const raw = env[variable];
    if (raw === undefined || raw === '') continue;
    const value = z.coerce.number().int().positive().safeParse(raw);
    if (!value.success) throw new Error(`Bad configuration: ${variable} must be a positive integer (got "${raw}").`);
    overrides[key] = value.data;
  }
  return overrides;
}

/** One operation of an HTTP request, as Apollo Server reads it from a POST body or GET parameters. */
export interface RequestedOperation {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

/** Why a request was refused: a stable code, a message for the client, and the limit it exceeded. */
export class LimitRefusal extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly limit: number,
  ) {
    super(message);
  }
}

/**
 * The gateway's operation limits: an express middleware that runs before Apollo Server — before it parses,
 * validates (graphql-js's OverlappingFieldsCanBeMerged is superlinear), plans or executes anything — and refuses the
 * whole HTTP request with 400 and one error with a stable code when any operation in it exceeds a limit, or all of
 * them together exceed the cost budget; plus the Apollo Server settings the limits rely on.
 *
 * Depth, aliases and directives are graphql-armor's rules (linear: each fragment is measured once); tokens are
 * counted with graphql-js's lexer, as armor's max-tokens does (its Apollo plugin answers HTTP 500), over the whole
 * request like the cost; the cost is our own
 * estimate (operationCost.ts: armor's cost-limit reads only literal `first`/`last`, no variables, no schema, and cannot
 * span a batch).
 */
export function operationLimits(options: { limits: GatewayLimits; supergraphSdl: string; log: Logger }) {
  const { limits, log } = options;
  const schema = apiSchemaOf(options.supergraphSdl);
  const model = costModelOf(options.supergraphSdl, schema, limits.defaultListSize);
  const rules = armorRules(limits);

  /** The first limit the operations of one HTTP request exceed, or undefined when they keep within every limit. */
  const check = (operations: RequestedOperation[]): LimitRefusal | undefined => {
    try {
      if (operations.length > limits.maxBatchSize) {
        throw new LimitRefusal(ErrorCode.BATCH_LIMIT_EXCEEDED, `A batch may hold at most ${limits.maxBatchSize} operations; this one holds ${operations.length}.`, limits.maxBatchSize);
      }
      let cost = 0;
      let tokens = 0;
      for (const [index, operation] of operations.entries()) {
        tokens += tokensOf(operation, limits.maxTokens - tokens);
        if (tokens > limits.maxTokens) {
          const what = operations.length > 1 ? `The batch's documents have more than ${limits.maxTokens} tokens together` : `The document has more than ${limits.maxTokens} tokens`;
          throw new LimitRefusal(ErrorCode.TOKEN_LIMIT_EXCEEDED, `${what}; at most ${limits.maxTokens} per request are allowed.`, limits.maxTokens);
        }
        try {
          cost += measure(operation, { schema, model, rules });
        } catch (error) {
          if (error instanceof LimitRefusal && operations.length > 1) error.message = `Operation ${index + 1} of the batch: ${error.message}`;
          throw error;
        }
      }
      if (cost > limits.maxCost) {
        const what = operations.length > 1 ? `The batch's ${operations.length} operations together have` : 'The operation has';
        throw new LimitRefusal(ErrorCode.COST_LIMIT_EXCEEDED, `${what} an estimated cost of ${Math.ceil(cost)}; at most ${limits.maxCost} per request is allowed.`, limits.maxCost);
      }
      return undefined;
    } catch (error) {
      if (error instanceof LimitRefusal) return error;
      throw error;
    }
  };

  const middleware = (req: Request, res: Response, next: NextFunction) => {
    const operations = requestedOperations(req);
    const refusal = check(operations);
    if (!refusal) return next();
    log.info({ callId: res.get('Nav-Call-Id'), code: refusal.code, limit: refusal.limit, operations: operations.length }, 'request refused: operation limits');
    res.status(400).json({ errors: [{ message: refusal.message, extensions: { code: refusal.code, limit: refusal.limit } }] });
  };

  return {
    check,
    /** Runs after express.json() and before Apollo's expressMiddleware: refuses with 400 and one error. */
    middleware,
    /** Options for the ApolloServer constructor. */
    apolloConfig: {
      // A persisted-query hash carries no query text the limits could measure.
      persistedQueries: false as const,
      plugins: [hideSuggestionsPlugin()],
    },
  };
}

/** The operations of a request: a POST body (one object or a batch array) or GET parameters. */
function requestedOperations(req: Request): RequestedOperation[] {
  if (req.method === 'GET') {
    const { query, operationName, variables } = req.query as Record<string, unknown>;
    let parsed: unknown = variables;
    if (typeof variables === 'string') {
      try {
        parsed = JSON.parse(variables);
      } catch {
        parsed = undefined; // Apollo Server refuses it
      }
    }
    return [{ query, operationName, variables: parsed }];
  }
  if (Array.isArray(req.body)) return req.body as RequestedOperation[];
  return req.body && typeof req.body === 'object' ? [req.body as RequestedOperation] : [];
}

/**
 * One operation's estimated cost, after its depth, aliases and directives are checked (LimitRefusal). A body
 * Apollo Server would refuse anyway (no query, a syntax error, an unknown operation) counts 0 and is left to it,
 * so its errors stay Apollo's.
 */
function measure(operation: RequestedOperation, at: { schema: GraphQLSchema; model: CostModel; rules: ValidationRule[] }): number {
  if (!operation || typeof operation.query !== 'string') return 0;
  let document: DocumentNode;
  try {
    document = parse(operation.query, { noLocation: true });
  } catch {
    return 0;
  }
  const [refused] = validate(at.schema, document, at.rules);
  if (refused) throw new LimitRefusal(refused.extensions.code as ErrorCode, refused.message, refused.extensions.limit as number);
  const selected = getOperationAST(document, typeof operation.operationName === 'string' ? operation.operationName : undefined);
  if (!selected) return 0;
  const variables = operation.variables && typeof operation.variables === 'object' ? (operation.variables as Record<string, unknown>) : {};
  return operationCost(at.schema, at.model, document, selected, variables);
}

/**
 * The graphql-js lexer tokens of an operation's document, counted up to one past `max` (the lexer armor's
 * max-tokens counts with). A document that does not lex counts what was read before the error: parsing stops there.
 */
function tokensOf(operation: RequestedOperation, max: number): number {
  if (!operation || typeof operation.query !== 'string') return 0;
  const lexer = new Lexer(new Source(operation.query));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) if (++count > max) break;
  } catch {
    // a syntax error: Apollo Server reports it
  }
  return count;
}

type ArmorConfig = NonNullable<ConstructorParameters<typeof ApolloArmor>[0]>;
const ALL_OFF: ArmorConfig = {
  // Suggestions are hidden by hideSuggestions.ts; tokens are counted here; the cost is operationCost.ts.
  blockFieldSuggestion: { enabled: false },
  maxTokens: { enabled: false },
  costLimit: { enabled: false },
  maxAliases: { enabled: false },
  maxDirectives: { enabled: false },
  maxDepth: { enabled: false },
};

/** Reports an armor refusal with our code and the limit, in armor's own words (without its "Syntax Error: "). */
const reportAs = (code: ErrorCode, limit: number) => (context: ValidationContext | null, error: GraphQLError) =>
  context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code, limit } }));

/** graphql-armor's depth, alias and directive rules, one armor per protection (nothing else enabled). */
function armorRules(limits: GatewayLimits): ValidationRule[] {
  const only = (config: ArmorConfig) => new ApolloArmor({ ...ALL_OFF, ...config }).protect().validationRules;
  const common = { exposeLimits: true, propagateOnRejection: false };
  return [
    // A spread adds no level (armor's default counts one per spread). Under `__schema` armor does not count depth:
    // graphql-js's own introspection query is 15 deep (TypeRef's ofType chain) and other tools' go deeper; the cost
    // estimate sizes introspection lists from the schema, so a nested `fields { type { fields … } }` is still bounded.
    ...only({ maxDepth: { ...common, n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: true, onReject: [reportAs(ErrorCode.DEPTH_LIMIT_EXCEEDED, limits.maxDepth)] } }),
    ...only({ maxAliases: { ...common, n: limits.maxAliases, onReject: [reportAs(ErrorCode.ALIAS_LIMIT_EXCEEDED, limits.maxAliases)] } }),
    ...only({ maxDirectives: { ...common, n: limits.maxDirectives, onReject: [reportAs(ErrorCode.DIRECTIVE_LIMIT_EXCEEDED, limits.maxDirectives)] } }),
  ];
}
