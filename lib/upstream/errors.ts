import { GraphQLError } from 'graphql';
import { ErrorCode, graphError } from '../errors.ts';

/**
 * A 4xx answer from an upstream system. Its body is kept for the client that called (to map a business failure
 * to a userError) but never put in a message: upstream bodies may hold personal data.
 */
export class UpstreamHttpError extends Error {
  constructor(
    readonly system: string,
    readonly operation: string,
    readonly status: number,
    /** The system's own error code (problem `code`/`kode`, Digipost `errorCode`), when it sent one. */
    readonly code: string | undefined,
    readonly body: unknown,
  ) {
    super(`${system} ${operation} answered ${status}${code ? ` ${code}` : ''}`);
    this.name = 'UpstreamHttpError';
  }
}

/** The one place an upstream failure becomes a GraphQL error code (like RemoteGraphQLDataSource.errorFromResponse). */
export function upstreamFailureToGraphError(error: UpstreamHttpError): GraphQLError {
  switch (error.status) {
    case 403:
      return graphError(ErrorCode.FORBIDDEN, 'You do not have access to this data.');
    case 404:
      return graphError(ErrorCode.NOT_FOUND, 'Not found.');
    case 409:
    case 412:
      return graphError(ErrorCode.CONFLICT, 'The data changed since it was read.');
    default:
      // Any other 4xx means we sent something the system refused: our fault, not the caller's.
      return graphError(ErrorCode.UPSTREAM_UNAVAILABLE, `${error.system} refused the request.`, { system: error.system });
  }
}

export const upstreamTimeout = (system: string) =>
  graphError(ErrorCode.UPSTREAM_TIMEOUT, `${system} did not answer in time.`, { system });
export const upstreamUnavailable = (system: string) =>
  graphError(ErrorCode.UPSTREAM_UNAVAILABLE, `${system} is unavailable.`, { system });
export const upstreamContractViolation = (system: string) =>
  graphError(ErrorCode.UPSTREAM_CONTRACT_VIOLATION, `${system} answered outside its contract.`, { system });
