import type { Request, Response } from 'express';
import type { UpstreamCaller } from '../../common/app.ts';
import { canonicalJson, type StoredResponse } from '../idempotency.ts';
import { sendProblem } from '../problem.ts';
import { idempotencyKeySchema } from '../schemas.ts';
import type { KarrieresenterState } from '../state.ts';

/** A reserved Idempotency-Key: complete it with the success response, or release it when the request failed. */
export interface IdempotentRequest {
  complete(response: StoredResponse): void;
  release(): void;
}

/**
 * Applies the Idempotency-Key rules to a validated request. Answers (and returns undefined) when the key is
 * missing or malformed (400), reused for another request (422), still running (409), or a replay (the first
 * response with `Idempotent-Replayed: true`). Only successes are kept: a refused request may be corrected and
 * retried with the same key.
 */
export function beginIdempotent(req: Request, res: Response, state: KarrieresenterState, operation: string, caller: UpstreamCaller, now: Date): IdempotentRequest | undefined {
  const key = req.get('Idempotency-Key');
  if (!idempotencyKeySchema.safeParse(key).success) {
    sendProblem(res, 400, 'VALIDATION_FAILED', 'Idempotency-Key (a UUID) is required.', [{ field: 'Idempotency-Key', message: 'required, a UUID' }]);
    return undefined;
  }
  const storeKey = `${operation}:${key!.toLowerCase()}`;
  // The caller is part of the fingerprint: one client's key never replays another caller's response.
  const fingerprint = canonicalJson({ caller: [caller.role, caller.pid, caller.NAVident, caller.counsellorId, caller.sub], body: req.body });
  const found = state.idempotency.begin(storeKey, fingerprint, now.getTime());
  switch (found.kind) {
    case 'reused':
      sendProblem(res, 422, 'IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with another request.');
      return undefined;
    case 'in-progress':
      sendProblem(res, 409, 'IDEMPOTENCY_IN_PROGRESS', 'The first request with this Idempotency-Key is still running.');
      return undefined;
    case 'replay':
      res.set('Idempotent-Replayed', 'true');
      if (found.response.etag) res.set('ETag', found.response.etag);
      res.status(found.response.status).json(found.response.body);
      return undefined;
    case 'new': {
      let settled = false;
      // A request that ends without settling its key (a thrown error) must not hold it "in progress" for 24 h.
      res.on('close', () => {
        if (!settled) state.idempotency.release(storeKey);
      });
      return {
        complete: (response) => {
          settled = true;
          state.idempotency.complete(storeKey, response);
        },
        release: () => {
          settled = true;
          state.idempotency.release(storeKey);
        },
      };
    }
  }
}
