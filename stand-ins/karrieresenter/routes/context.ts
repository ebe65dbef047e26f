import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { KarrieresenterState } from '../state.ts';
import { sendInvalid, sendProblem } from '../problem.ts';

/** What every route module needs: the state and the injected clock. */
export interface RouteContext {
  state: KarrieresenterState;
  /** "Now" for everything time-dependent (upcoming vs past, reminders sent): never `new Date()` in routes. */
  now: () => Date;
}

/** Parses with zod; on failure answers 400 VALIDATION_FAILED and returns undefined. */
export function parseOr400<S extends z.ZodType>(res: Response, schema: S, value: unknown): z.infer<S> | undefined {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  sendInvalid(res, parsed.error);
  return undefined;
}

/** `ETag: "<version>"` as the contract writes it. */
export function setEtag(res: Response, version: number): void {
  res.set('ETag', `"${version}"`);
}

/**
 * Checks `If-Match` against the current version: a missing header is 428 PRECONDITION_REQUIRED, a stale or
 * unreadable one 412 VERSION_MISMATCH (RFC 9110: no matching ETag). Returns true when the request may go on.
 */
export function checkIfMatch(req: Request, res: Response, currentVersion: number): boolean {
  const header = req.get('If-Match');
  if (header === undefined || header.trim() === '') {
    sendProblem(res, 428, 'PRECONDITION_REQUIRED', 'Send If-Match with the ETag last read.');
    return false;
  }
  const match = /^"([0-9]+)"$/.exec(header.trim());
  if (!match || Number(match[1]) !== currentVersion) {
    sendProblem(res, 412, 'VERSION_MISMATCH', `The current version is ${currentVersion}.`);
    return false;
  }
  return true;
}
