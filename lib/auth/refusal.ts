import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors.ts';
import { AuthError } from './errors.ts';

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
