import type { z } from 'zod';
import { TokenExchangeError } from '../auth/exchange.ts';
import { exchangeFailureReason, exchangeRefusal } from '../auth/refusal.ts';
import type { Logger } from '../log.ts';
import { UpstreamHttpError, upstreamContractViolation, upstreamTimeout, upstreamUnavailable } from './errors.ts';

/** How a subgraph reaches one upstream system. Only client modules use this; resolvers never see raw JSON. */
export interface UpstreamOptions {
  /** The system's name in errors, logs and metrics, e.g. "veilarbaktivitet". */
  system: string;
  /** Base URL from configuration; pointing it at the real system changes no code. */
  baseUrl: string;
  /** Abort every call after this many milliseconds. @default 5000 */
  timeoutMs?: number;
  /** NAV reads Nav-Call-Id, the county systems and Digipost X-Correlation-ID. */
  correlationHeader: 'Nav-Call-Id' | 'X-Correlation-ID';
  /** Headers every call carries (Nav-Consumer-Id, X-Digipost-UserId...). */
  headers?: Record<string, string>;
}

/** Per request: the call id and a token issued for this upstream carrying the caller's identity. */
export interface UpstreamRequestScope {
  callId: string;
  log: Logger;
  token: () => Promise<string>;
  /** Counts calls per system, for tests and benchmarks. */
  onCall?: (system: string, operation: string) => void;
}

export interface UpstreamCall<S extends z.ZodType> {
  /** The contract's operationId, for logs and errors. */
  operation: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /** zod schema of the 2xx body; `null` bodies (204) are parsed as `null`. */
  schema: S;
  /**
   * 5xx statuses by which this operation's contract gives a business answer for the client to map (fagopplæring's
   * `502 DIGIPOST_FEILET`): they become UpstreamHttpError like a 4xx. @default none
   */
  clientHandles?: readonly number[];
}

export interface UpstreamResponse<T> {
  status: number;
  data: T;
  headers: Headers;
}

export type UpstreamHttp = <S extends z.ZodType>(call: UpstreamCall<S>) => Promise<UpstreamResponse<z.output<S>>>;

/**
 * An HTTP client for one upstream in one request: global fetch (nock intercepts it), a timeout on every call,
 * the call id and bearer token on every call, zod on every 2xx body. 4xx → UpstreamHttpError (for the client to
 * map); a failed token exchange, timeouts, 5xx, 401 and contract breaches → GraphQL errors with a stable code.
 */
export function createUpstreamHttp(options: UpstreamOptions, scope: UpstreamRequestScope): UpstreamHttp {
  const timeoutMs = options.timeoutMs ?? 5000;
  return async (call) => {
    const url = new URL(call.path.replace(/^\//, ''), options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
    for (const [k, v] of Object.entries(call.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...options.headers,
      ...call.headers,
      [options.correlationHeader]: scope.callId,
      authorization: `Bearer ${await upstreamToken(scope, options.system)}`,
    };
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    scope.onCall?.(options.system, call.operation);
    const started = performance.now();
    let response: Response;
    try {
      response = await fetch(url, {
        method: call.method,
        headers,
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      scope.log.warn({ system: options.system, operation: call.operation, timedOut }, 'upstream call failed');
      throw timedOut ? upstreamTimeout(options.system) : upstreamUnavailable(options.system);
    }
    const text = await response.text().catch(() => '');
    const ms = Math.round(performance.now() - started);
    scope.log.debug({ system: options.system, operation: call.operation, status: response.status, ms }, 'upstream call');
    const body = parseBody(text, response.headers.get('content-type'));

    if ((response.status >= 500 && !call.clientHandles?.includes(response.status)) || response.status === 401) {
      scope.log.warn({ system: options.system, operation: call.operation, status: response.status }, 'upstream error');
      throw upstreamUnavailable(options.system);
    }
    if (response.status >= 400) {
      throw new UpstreamHttpError(options.system, call.operation, response.status, errorCode(body), body);
    }
    const parsed = call.schema.safeParse(response.status === 204 || text === '' ? null : body);
    if (!parsed.success) {
      // Paths and issue codes only: the values may be personal data.
      const issues = parsed.error.issues.slice(0, 5).map((i) => ({ path: i.path.join('.'), code: i.code }));
      scope.log.error({ system: options.system, operation: call.operation, issues }, 'upstream contract violation');
      throw upstreamContractViolation(options.system);
    }
    return { status: response.status, data: parsed.data, headers: response.headers };
  };
}

/**
 * The caller's token for this upstream. A failed exchange is the caller's UNAUTHENTICATED or the token service's
 * UPSTREAM_UNAVAILABLE / UPSTREAM_TIMEOUT on the fields that needed it — never an internal error.
 */
async function upstreamToken(scope: UpstreamRequestScope, system: string): Promise<string> {
  try {
    return await scope.token();
  } catch (error) {
    if (!(error instanceof TokenExchangeError)) throw error;
    scope.log.warn({ system, ...exchangeFailureReason(error) }, 'token exchange failed');
    throw exchangeRefusal(error);
  }
}

function parseBody(text: string, contentType: string | null): unknown {
  if (!text) return undefined;
  if (contentType && /json/.test(contentType)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** The error code in the systems' error bodies: problem+json `code`/`kode`, Digipost `errorCode`. */
function errorCode(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  for (const key of ['code', 'kode', 'errorCode']) if (typeof b[key] === 'string') return b[key] as string;
  return undefined;
}
