import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { TokenExchangeError } from '../auth/exchange.ts';
import { createLogger } from '../log.ts';
import { formatSubgraphError } from './server.ts';

const log = createLogger('test', 'silent');
/** A resolver's error as Apollo hands it to formatError: wrapped, with the path. */
const thrown = (original: Error) => {
  const error = new GraphQLError(original.message, { originalError: original, path: ['me', 'followUp'] });
  return formatSubgraphError({ message: error.message, path: error.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error, log);
};

describe('formatSubgraphError', () => {
  it('maps a token exchange failure that reached a resolver unmapped: the caller\'s token is UNAUTHENTICATED', () => {
    expect(thrown(new TokenExchangeError('refused', { status: 400, oauthError: 'invalid_grant' }))).toEqual({
      message: 'The bearer token is no longer valid; log in again.',
      path: ['me', 'followUp'],
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('maps the token service down to UPSTREAM_UNAVAILABLE, never INTERNAL_SERVER_ERROR', () => {
    expect(thrown(new TokenExchangeError('token endpoint unreachable')).extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', system: 'token-exchange' });
  });

  it('keeps anything unexpected an INTERNAL_SERVER_ERROR without its message', () => {
    expect(thrown(new TypeError('x is undefined for 23869823562'))).toEqual({ message: 'Internal error.', path: ['me', 'followUp'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});
