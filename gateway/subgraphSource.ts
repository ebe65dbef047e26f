import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { parse, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { z } from 'zod';
import { ErrorCode } from '../lib/errors.ts';
import { signatureHeaders } from '../lib/signing/gatewaySignature.ts';
import type { GatewayContext } from './context.ts';
import type { GatewayMetrics } from './metrics.ts';
import { checkSubgraphData, type Violation } from './responseContract.ts';
import { SelectedFields } from './selectedFields.ts';
import { CALL_FAILURES, subgraphHttpError, type CallFailure } from './subgraphErrors.ts';

type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;
type Request = GraphQLDataSourceProcessOptions<GatewayContext>['request'];

export interface SubgraphSourceOptions {
  /** The subgraph's name in the supergraph; signatures are made for it. */
  name: string;
  url: string;
  /** The subgraph's own schema (subgraphSchemas.ts): every answer is checked against it. */
  schema: GraphQLSchema;
  /** Longest wait for one call (GatewayTimeouts.subgraphTimeoutMs). */
  timeoutMs: number;
  /** Signs every request with this secret (lib/signing). @default off */
  signingSecret?: string;
  metrics: GatewayMetrics;
}

/** A GraphQL response body: only its envelope; `data` is checked against the operation (responseContract.ts). */
const envelope = z.object({
  data: z.unknown().optional(),
  errors: z
    .array(
      z.looseObject({
        message: z.string(),
        path: z.array(z.union([z.string(), z.int()])).optional(),
        extensions: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .optional(),
});

const JSON_TYPE = /^application\/(graphql-response\+)?json\b/i;

/**
 * How the gateway calls a subgraph — Node's global fetch, nothing else (no make-fetch-happen, no cache, no retry):
 * the caller's own bearer token (each subgraph verifies it again), the call id, a signature for this subgraph when
 * a secret is configured, and a bound on the wait (the call's timeout and the request's budget, budget.ts).
 *
 * Whatever goes wrong stays on the fields this call was asked for: a timeout, an unreachable subgraph, an error
 * status or an answer outside the subgraph's contract becomes an error on each of those fields, with its path, and
 * the gateway answers with the other subgraphs' data. A broken value inside an otherwise good answer is nulled
 * (up to its nearest nullable field) with UPSTREAM_CONTRACT_VIOLATION, and nothing the call was not asked for is
 * handed on, so one subgraph can never overwrite another's field.
 */
export class SubgraphSource implements GraphQLDataSource<GatewayContext> {
  constructor(private readonly options: SubgraphSourceOptions) {}

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<SubgraphResponse> {
    // The supergraph is static (no health checks, no schema loading through the sources).
    if (!('incomingRequestContext' in options)) throw new Error(`${options.kind} is not supported.`);
    const { request, context } = options;
    const selected = new SelectedFields(this.options.schema, options.document ?? parse(request.query ?? ''), request.variables ?? {});
    const started = performance.now();
    const { outcome, response } = await this.call(request, context, selected);
    const subgraph = this.options.name;
    this.options.metrics.subgraphCalls.inc({ subgraph, outcome });
    if (outcome !== 'budget_spent') this.options.metrics.subgraphCallDuration.observe({ subgraph }, (performance.now() - started) / 1000);
    if (outcome !== 'ok') context.log.warn({ subgraph, outcome, ms: Math.round(performance.now() - started) }, 'subgraph call failed');
    return response;
  }

  private async call(request: Request, context: GatewayContext, selected: SelectedFields): Promise<{ outcome: string; response: SubgraphResponse }> {
    const failed = (outcome: string, failure: CallFailure) => ({ outcome, response: { errors: fieldErrors(selected, failure) } });
    if (context.budget.spent()) return failed('budget_spent', CALL_FAILURES.budgetSpent);

    const body = JSON.stringify({ query: request.query, operationName: request.operationName, variables: request.variables, extensions: request.extensions });
    const { name, url, signingSecret, timeoutMs } = this.options;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      accept: 'application/json',
      authorization: context.authorization,
      'nav-call-id': context.callId,
      ...(signingSecret ? signatureHeaders(signingSecret, { subgraph: name, callId: context.callId, authorization: context.authorization, body }) : {}),
    };
    const signal = context.budget.signalFor(timeoutMs);
    let res: Response;
    let text: string;
    try {
      // No redirects: a subgraph answers where it is configured, and the caller's token goes nowhere else.
      res = await fetch(url, { method: 'POST', headers, body, signal, redirect: 'error' });
    } catch {
      return signal.aborted ? failed('timeout', CALL_FAILURES.timedOut) : failed('unavailable', CALL_FAILURES.unavailable);
    }
    try {
      text = await res.text();
    } catch {
      // A body that cannot be read to the end in time, or not decoded (a Content-Encoding it does not match).
      return signal.aborted ? failed('timeout', CALL_FAILURES.timedOut) : failed('contract_violation', CALL_FAILURES.contractViolation);
    }
    if (!res.ok) return failed(`http_${res.status}`, subgraphHttpError(res.status, parseJson(text)));

    const parsed = JSON_TYPE.test(res.headers.get('content-type') ?? '') ? envelope.safeParse(parseJson(text)) : undefined;
    if (!parsed?.success || (parsed.data.data === undefined && !parsed.data.errors?.length)) {
      return failed('contract_violation', CALL_FAILURES.contractViolation);
    }
    const checked = checkSubgraphData(selected, parsed.data.data);
    if (checked.violations.length > 0) logViolations(context, name, checked.violations);
    const subgraphErrors = (parsed.data.errors ?? []) as GraphQLFormattedError[];
    // Without data, an error the subgraph gave no path (it failed as a whole) belongs on every field it was asked.
    const ownErrors = checked.data === undefined ? subgraphErrors.flatMap((e) => (e.path ? [e] : onEachAskedField(selected, e))) : subgraphErrors;
    const errors = [...ownErrors, ...checked.violations.map((v) => violationError(v))];
    return {
      outcome: checked.violations.length > 0 ? 'contract_violation' : 'ok',
      response: { data: checked.data, ...(errors.length > 0 ? { errors } : {}) },
    };
  }
}

/** One error per field the call was asked for, at the path the gateway places in the client's answer. */
function fieldErrors(selected: SelectedFields, failure: CallFailure): GraphQLFormattedError[] {
  return selected.askedPaths(selected.representations()).map((path) => ({ message: failure.message, path, extensions: { code: failure.code } }));
}

function onEachAskedField(selected: SelectedFields, error: GraphQLFormattedError): GraphQLFormattedError[] {
  return selected.askedPaths(selected.representations()).map((path) => ({ ...error, path }));
}

function violationError(violation: Violation): GraphQLFormattedError {
  return { message: CALL_FAILURES.contractViolation.message, path: violation.path, extensions: { code: ErrorCode.UPSTREAM_CONTRACT_VIOLATION } };
}

/** Paths and kinds of breach only: the values may be personal data. */
function logViolations(context: GatewayContext, subgraph: string, violations: Violation[]): void {
  const sample = violations.slice(0, 5).map((v) => ({ path: v.path.join('.'), reason: v.reason }));
  context.log.warn({ subgraph, violations: sample, count: violations.length }, 'subgraph answer outside its contract');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
