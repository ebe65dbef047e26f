import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode } from '../lib/errors.ts';

/** Why a subgraph call gave nothing usable, as the client sees it on every field the call was asked for. */
export interface CallFailure {
  code: ErrorCode;
  message: string;
}

export const CALL_FAILURES = {
  unavailable: { code: ErrorCode.UPSTREAM_UNAVAILABLE, message: 'A part of the graph is unavailable; try again.' },
  timedOut: { code: ErrorCode.UPSTREAM_TIMEOUT, message: 'A part of the graph did not answer in time; try again.' },
  budgetSpent: { code: ErrorCode.UPSTREAM_TIMEOUT, message: 'The request ran out of time before this part of the graph was asked; try again.' },
  contractViolation: { code: ErrorCode.UPSTREAM_CONTRACT_VIOLATION, message: 'A part of the graph answered outside its contract.' },
} satisfies Record<string, CallFailure>;

/** Codes by which a subgraph refuses an operation's input before running it (Apollo Server, 400). */
const INPUT_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']);

// graphql-js echoes the value a variable got; the value stays with the caller who sent it.
const ECHOED_VALUE = /^(Variable "\$\w+") got invalid value .*?; /s;

/**
 * A subgraph's non-200 answer as the client sees it. Never the subgraph's URL or body (Apollo's default puts
 * both in `extensions.response`): they name internal hosts and may carry data. A 400 on input the gateway could
 * not check itself — a custom scalar (Date, Quarter) only the subgraph parses — is the client's BAD_USER_INPUT
 * with the scalar's own reason; a 401 is UNAUTHENTICATED; anything else is UPSTREAM_UNAVAILABLE.
 */
export function subgraphHttpError(status: number, body: unknown): CallFailure {
  const first = firstError(body);
  if (status === 400 && first && INPUT_CODES.has(String(first.extensions?.code)) && typeof first.message === 'string') {
    return { code: ErrorCode.BAD_USER_INPUT, message: first.message.replace(ECHOED_VALUE, '$1: ') };
  }
  if (status === 401) return { code: ErrorCode.UNAUTHENTICATED, message: 'A valid bearer token is required.' };
  return CALL_FAILURES.unavailable;
}

function firstError(body: unknown): { message?: unknown; extensions?: { code?: unknown } } | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const errors = (body as { errors?: unknown }).errors;
  return Array.isArray(errors) ? (errors[0] as { message?: unknown; extensions?: { code?: unknown } }) : undefined;
}

/** Extensions a client may see; anything else a library adds (exception, response, stacktrace) stays inside. */
const PUBLIC_EXTENSIONS = new Set(['code', 'purpose', 'serviceName', 'field', 'system']);

/**
 * The gateway's last word on every error: only public extensions, and a failure without a stable code (a subgraph
 * that could not be reached: "request to http://… failed") becomes UPSTREAM_UNAVAILABLE without the address.
 */
export function formatGatewayError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const extensions = Object.fromEntries(Object.entries(formatted.extensions ?? {}).filter(([k]) => PUBLIC_EXTENSIONS.has(k)));
  if (code === undefined || code === ErrorCode.INTERNAL_SERVER_ERROR) {
    const unreachable = /request to .* failed|ECONNREFUSED|fetch failed|socket hang up/i.test(formatted.message);
    return {
      message: unreachable ? 'A part of the graph is unavailable; try again.' : 'Internal error.',
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { ...extensions, code: unreachable ? ErrorCode.UPSTREAM_UNAVAILABLE : ErrorCode.INTERNAL_SERVER_ERROR },
    };
  }
  return { ...formatted, extensions };
}
