import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from './errors.ts';
import type { Logger } from './log.ts';

const answer = (res: Response, status: number, code: string, message: string) =>
  res.status(status).json({ errors: [{ message, extensions: { code } }] });

/**
 * The last express handlers of the gateway and every subgraph: a body that is not JSON or too large is the
 * client's BAD_USER_INPUT, an unknown path is 404, anything else is INTERNAL_SERVER_ERROR — always as a GraphQL
 * error body, never express's HTML page with a stack trace.
 */
export function graphqlHttpErrors(log: Logger) {
  return [
    (_req: Request, res: Response) => answer(res, 404, ErrorCode.NOT_FOUND, 'No such path.'),
    (err: unknown, _req: Request, res: Response, _next: NextFunction) => {
      const type = err && typeof err === 'object' && 'type' in err ? String((err as { type: unknown }).type) : '';
      if (type === 'entity.parse.failed') return answer(res, 400, ErrorCode.BAD_USER_INPUT, 'The request body is not valid JSON.');
      if (type === 'entity.too.large') return answer(res, 413, ErrorCode.BAD_USER_INPUT, 'The request body is too large.');
      if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
        return answer(res, 415, ErrorCode.BAD_USER_INPUT, 'The request body must be UTF-8 JSON.');
      }
      log.error({ err: err instanceof Error ? { type: err.name } : 'unknown' }, 'unexpected HTTP error');
      return answer(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal error.');
    },
  ];
}
