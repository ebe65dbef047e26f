import { inspect } from 'node:util';
import type { Caller, VerifiedToken } from './caller.ts';

const HIDDEN = '[VerifiedToken]';

/**
 * A VerifiedToken whose raw JWT cannot leak by accident: it is not enumerable (JSON.stringify, pino and spread
 * skip it) and toString, toJSON and util.inspect print a placeholder.
 */
export function hiddenToken(caller: Caller, token: string, expiresAt: number): VerifiedToken {
  const verified = { caller, expiresAt } as VerifiedToken;
  Object.defineProperties(verified, {
    token: { value: token, enumerable: false },
    toString: { value: () => HIDDEN, enumerable: false },
    toJSON: { value: () => HIDDEN, enumerable: false },
    [inspect.custom]: { value: () => HIDDEN, enumerable: false },
  });
  return Object.freeze(verified);
}
