import type { Response } from 'express';
import type { z } from 'zod';

/** The `code` values of the contract's Problem schema. */
export type ProblemCode =
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'VALIDATION_FAILED'
  | 'SLOT_TAKEN'
  | 'MODE_NOT_OFFERED'
  | 'COURSE_FULL'
  | 'ACTIVE_BOOKING_EXISTS'
  | 'ALREADY_CANCELLED'
  | 'BOOKING_NOT_CANCELLABLE'
  | 'NOTE_EXISTS'
  | 'NOTE_FINAL'
  | 'NOTE_NOT_FINAL'
  | 'GRANT_ALREADY_ACTIVE'
  | 'GRANT_ALREADY_WITHDRAWN'
  | 'VERSION_MISMATCH'
  | 'PRECONDITION_REQUIRED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'IDEMPOTENCY_IN_PROGRESS'
  | 'INTERNAL_ERROR';

export interface FieldError {
  field: string;
  message: string;
}

const PROBLEM_BASE = 'https://karrieresenter.simulator.trondelagsmodellen.test/problems';

const TITLES: Record<ProblemCode, string> = {
  UNAUTHORIZED: 'Missing or invalid bearer token',
  FORBIDDEN: 'Not allowed for this caller',
  NOT_FOUND: 'Not found',
  VALIDATION_FAILED: 'The request is not valid',
  SLOT_TAKEN: 'Slot is no longer free',
  MODE_NOT_OFFERED: 'The slot does not offer this mode',
  COURSE_FULL: 'The course already has three sessions',
  ACTIVE_BOOKING_EXISTS: 'An upcoming session is already booked in this course',
  ALREADY_CANCELLED: 'The booking is already cancelled',
  BOOKING_NOT_CANCELLABLE: 'The booking can no longer be cancelled',
  NOTE_EXISTS: 'The course already has a note',
  NOTE_FINAL: 'The note is final',
  NOTE_NOT_FINAL: 'The note is not final',
  GRANT_ALREADY_ACTIVE: 'The note is already shared',
  GRANT_ALREADY_WITHDRAWN: 'The grant is already withdrawn',
  VERSION_MISMATCH: 'The resource has changed',
  PRECONDITION_REQUIRED: 'If-Match is required',
  IDEMPOTENCY_KEY_REUSED: 'The Idempotency-Key was used for another request',
  IDEMPOTENCY_IN_PROGRESS: 'The first request with this Idempotency-Key is still running',
  INTERNAL_ERROR: 'Internal error',
};

/**
 * Writes an RFC 9457 problem (application/problem+json) with the system's `code` and the caller's
 * X-Correlation-ID. `detail` must never carry a fødselsnummer or free text from the request.
 */
export function sendProblem(res: Response, status: number, code: ProblemCode, detail?: string, errors?: FieldError[]): void {
  const correlationId = res.req.get('X-Correlation-ID');
  const body = {
    type: `${PROBLEM_BASE}/${code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[code],
    status,
    code,
    ...(detail ? { detail } : {}),
    instance: res.req.originalUrl,
    ...(correlationId ? { correlationId } : {}),
    ...(errors?.length ? { errors } : {}),
  };
  res.status(status).type('application/problem+json').send(JSON.stringify(body));
}

/** 401 in the system's shape; given to createStandInApp as `unauthorized`. */
export function sendUnauthorized(res: Response): void {
  res.set('WWW-Authenticate', 'Bearer');
  sendProblem(res, 401, 'UNAUTHORIZED', 'A bearer token with a known role is required.');
}

/** 400 VALIDATION_FAILED listing the fields zod rejected (paths only; values are never echoed). */
export function sendInvalid(res: Response, error: z.ZodError, status = 400): void {
  const errors = error.issues.map((i) => ({ field: i.path.join('.') || '(body)', message: i.message }));
  sendProblem(res, status, 'VALIDATION_FAILED', 'The request does not match the contract.', errors);
}

/** 404 NOT_FOUND: also used where a record exists but the caller may not know that. */
export function sendNotFound(res: Response, what: string): void {
  sendProblem(res, 404, 'NOT_FOUND', `${what} not found.`);
}
