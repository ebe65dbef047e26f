import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '../errors.ts';
import type { Logger } from '../log.ts';
import { isValidSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './gatewaySignature.ts';

/**
 * The subgraph half of gateway signing: an express middleware (after the JSON body parser) that answers 401
 * UNAUTHENTICATED to any GraphQL request the gateway did not sign — whatever token it carries.
 */
export function requireGatewaySignature(secret: string, log: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const body = req.body as { query?: unknown; operationName?: unknown; variables?: unknown } | undefined;
    const signed =
      body !== undefined &&
      typeof body === 'object' &&
      !Array.isArray(body) &&
      typeof body.query === 'string' &&
      isValidSignature(
        secret,
        {
          timestamp: req.get(TIMESTAMP_HEADER) ?? '',
          callId: req.get('nav-call-id') ?? '',
          authorization: req.get('authorization') ?? '',
          query: body.query,
          operationName: typeof body.operationName === 'string' ? body.operationName : null,
          variables: body.variables && typeof body.variables === 'object' ? (body.variables as Record<string, unknown>) : null,
        },
        req.get(SIGNATURE_HEADER),
      );
    if (signed) return next();
    log.warn('request refused: not signed by the gateway');
    res.status(401).json({
      errors: [{ message: 'Requests must come through the gateway.', extensions: { code: ErrorCode.UNAUTHENTICATED } }],
    });
  };
}
