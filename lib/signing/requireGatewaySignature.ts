import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '../errors.ts';
import type { Logger } from '../log.ts';
import { DEFAULT_MAX_SKEW_SECONDS, isValidSignature, NONCE_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './gatewaySignature.ts';
import { memoryNonceStore, type NonceStore } from './nonces.ts';

export interface GatewaySigningOptions {
  /** The secret shared with the gateway (GATEWAY_SIGNING_SECRET). */
  secret: string;
  /** This subgraph's name in the supergraph: only requests signed for it pass. */
  subgraph: string;
  log: Logger;
  /** Nonces already used. @default one per process (see nonces.ts for several replicas) */
  nonces?: NonceStore;
  /** @default 60 */
  maxSkewSeconds?: number;
  now?: () => Date;
}

/**
 * The subgraph half of gateway signing. `recordBody` goes into the JSON body parser (`verify`) to keep the bytes the
 * signature covers; `check` runs after it and answers 401 UNAUTHENTICATED to any request the gateway did not sign
 * for this subgraph, or signed already once — whatever token it carries.
 */
export function gatewaySigning(options: GatewaySigningOptions) {
  const rawBodies = new WeakMap<IncomingMessage, Buffer>();
  const nonces = options.nonces ?? memoryNonceStore();
  const maxSkewSeconds = options.maxSkewSeconds ?? DEFAULT_MAX_SKEW_SECONDS;
  const now = options.now ?? (() => new Date());

  const refuse = (res: Response, reason: string) => {
    options.log.warn({ reason }, 'request refused: not signed by the gateway');
    res.status(401).json({ errors: [{ message: 'Requests must come through the gateway.', extensions: { code: ErrorCode.UNAUTHENTICATED } }] });
  };

  return {
    recordBody: (req: IncomingMessage, _res: unknown, body: Buffer) => void rawBodies.set(req, body),
    check: async (req: Request, res: Response, next: NextFunction) => {
      const body = rawBodies.get(req);
      if (!body) return refuse(res, 'no body');
      const parts = {
        timestamp: req.get(TIMESTAMP_HEADER) ?? '',
        nonce: req.get(NONCE_HEADER) ?? '',
        subgraph: options.subgraph,
        callId: req.get('nav-call-id') ?? '',
        authorization: req.get('authorization') ?? '',
        body,
      };
      if (!isValidSignature(options.secret, parts, req.get(SIGNATURE_HEADER), { maxSkewSeconds, now })) return refuse(res, 'bad signature');
      // Claimed only after the signature holds, so nobody can use up the gateway's nonces.
      const expiresAtMs = (Number(parts.timestamp) + maxSkewSeconds) * 1000;
      if (!(await nonces.claim(parts.nonce, expiresAtMs))) return refuse(res, 'replayed');
      next();
    },
  };
}
