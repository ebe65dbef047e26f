import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors.ts';
import { AuthError } from './errors.ts';
import { TokenExchangeError } from './exchange.ts';

/**
 * The answer to a request whose token could not be verified: 401 UNAUTHENTICATED — or, when the issuer's keys
 * could not be fetched, 503 UPSTREAM_UNAVAILABLE, so a client retries instead of asking its user to log in again.
 */
export function authRefusal(error: unknown): GraphQLError {
  if (error instanceof AuthError && error.reason === 'keys-unavailable') {
    return new GraphQLError('The token issuer is unavailable; try again.', {
      extensions: { code: ErrorCode.UPSTREAM_UNAVAILABLE, http: { status: 503 } },
    });
  }
  return new GraphQLError('A valid bearer token is required.', { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
}

/** The refusal reason for logs: safe, never the token. */
export function refusalReason(error: unknown): string {
  return error instanceof AuthError ? error.reason : 'unknown';
}

/** The system name failed token exchanges carry in `extensions.system`. */
export const TOKEN_EXCHANGE_SYSTEM = 'token-exchange';

/**
 * A failed token exchange as the error on the fields that needed it: UNAUTHENTICATED when the caller's token was
 * refused (log in again), UPSTREAM_TIMEOUT or UPSTREAM_UNAVAILABLE when the token service failed (try again).
 */
export function exchangeRefusal(error: TokenExchangeError): GraphQLError {
  if (error.subjectRefused) {
    return new GraphQLError('The bearer token is no longer valid; log in again.', { extensions: { code: ErrorCode.UNAUTHENTICATED } });
  }
  if (error.timedOut) {
    return new GraphQLError('The token service did not answer in time; try again.', { extensions: { code: ErrorCode.UPSTREAM_TIMEOUT, system: TOKEN_EXCHANGE_SYSTEM } });
  }
  return new GraphQLError('The token service is unavailable; try again.', { extensions: { code: ErrorCode.UPSTREAM_UNAVAILABLE, system: TOKEN_EXCHANGE_SYSTEM } });
}

/** Why an exchange failed, for logs: safe, never the token. */
export function exchangeFailureReason(error: TokenExchangeError): Record<string, unknown> {
  return { status: error.status, oauthError: error.oauthError, timedOut: error.timedOut, subjectRefused: error.subjectRefused };
}
