import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';

/**
 * A document whose operation cannot be chosen — several operations and no `operationName`, or an `operationName` it
 * does not hold — is the client's error: 400 OPERATION_RESOLUTION_FAILURE, as Apollo Server answers it without a
 * gateway. Without this, Apollo Server hands @apollo/gateway no operation and the gateway answers 500 INVALID_GRAPHQL.
 */
export function operationResolutionPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation) return;
          const message = request.operationName
            ? 'The document holds no operation by the given operationName.'
            : 'The document holds several operations: name the one to run in operationName.';
          throw new GraphQLError(message, {
            extensions: { code: ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE, http: { status: 400 } },
          });
        },
      };
    },
  };
}
