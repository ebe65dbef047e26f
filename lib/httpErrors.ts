import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from './errors.ts';
import type { Logger } from './log.ts';

const answer = (res: Response, status: number, code: string, message: string) =>
  res.status(status).json({ errors: [{ message, extensions: { code } }] });

/** What the body parser (body-parser's http-errors) says about a request body it could not read. */
interface BodyError {
  status: number;
  type: string;
}

function bodyError(err: unknown): BodyError | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const { status, type, expose } = err as { status?: unknown; type?: unknown; expose?: unknown };
  // http-errors marks client errors `expose`; a decompression failure (gzip header on a plain body) has no type.
  if (typeof status !== 'number' || status < 400 || status > 499 || expose !== true) return undefined;
  return { status, type: typeof type === 'string' ? type : '' };
}

/** The client's fault, in words that never echo what it sent. */
function bodyErrorAnswer({ status, type }: BodyError): [number, string] {
  switch (type) {
    case 'entity.parse.failed':
      return [400, 'The request body is not valid JSON.'];
    case 'entity.too.large':
      return [413, 'The request body is too large.'];
    case 'encoding.unsupported':
      return [415, 'The request body must be sent without Content-Encoding or with gzip, deflate or br.'];
    case 'charset.unsupported':
      return [415, 'The request body must be UTF-8 JSON.'];
    case '':
      return [400, 'The request body does not match its Content-Encoding.'];
    default:
      return [status === 413 || status === 415 ? status : 400, 'The request body could not be read.'];
  }
}

/**
 * The last express handlers of the gateway and every subgraph: a body that cannot be read (not JSON, too large, an
 * unknown Content-Encoding or one the body does not match, another charset) is the client's BAD_USER_INPUT with
 * 400/413/415, an unknown path is 404, anything else is INTERNAL_SERVER_ERROR — always as a GraphQL error body,
 * never express's HTML page with a stack trace.
 */
export function graphqlHttpErrors(log: Logger) {
  return [
    (_req: Request, res: Response) => answer(res, 404, ErrorCode.NOT_FOUND, 'No such path.'),
    (err: unknown, _req: Request, res: Response, _next: NextFunction) => {
      const refused = bodyError(err);
      if (refused) {
        const [status, message] = bodyErrorAnswer(refused);
        return answer(res, status, ErrorCode.BAD_USER_INPUT, message);
      }
      log.error({ err: err instanceof Error ? { type: err.name } : 'unknown' }, 'unexpected HTTP error');
      return answer(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal error.');
    },
  ];
}
