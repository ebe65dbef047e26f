import type { z } from 'zod';
import { UpstreamHttpError } from '../../../lib/upstream/errors.ts';

/** The TrainingUserErrorCode values of schema.graphql. */
export type TrainingUserErrorCode =
  | 'INVALID_INPUT'
  | 'UNKNOWN_TRADE'
  | 'OPEN_REQUEST_EXISTS'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'REQUEST_IN_PROGRESS'
  | 'REQUEST_NOT_FOUND'
  | 'VERSION_CONFLICT'
  | 'INVALID_STATUS_CHANGE'
  | 'CONSENT_WITHDRAWN'
  | 'TRADE_NOT_REQUESTED'
  | 'ROUTE_NOT_ELIGIBLE'
  | 'CONSENT_SCOPE_INSUFFICIENT'
  | 'PLAN_ALREADY_SENT'
  | 'DELIVERY_FAILED'
  | 'CONSENT_BY_PERSON_ONLY'
  | 'CONSENT_BACKDATED'
  | 'PERSON_MUST_CONSENT'
  | 'CAREER_NOTE_NOT_ATTACHABLE'
  | 'PERSON_NOT_NOTIFIED'
  | 'SCOPE_NOT_REQUESTED';

/** A business refusal: nothing was changed. Messages are fixed texts, never input values or upstream bodies. */
export interface TrainingUserError {
  code: TrainingUserErrorCode;
  message: string;
  field: string | null;
}

export const userError = (code: TrainingUserErrorCode, message: string, field: string | null = null): TrainingUserError => ({ code, message, field });

/** Each invalid input field once, as a path from `input`; the value itself is never echoed. */
export function invalidInput(error: z.ZodError): TrainingUserError[] {
  const fields = [...new Set(error.issues.map((i) => i.path.join('.') || 'input'))];
  return fields.map((field) => userError('INVALID_INPUT', 'The field is missing, malformed or out of range.', field));
}

/**
 * The business answer of an upstream refusal (its contract's `kode`), or the error itself when it is no business
 * failure — then it is mapped to a stable GraphQL code in one place (lib/upstream/errors.ts).
 */
export function refusalOf(error: unknown, byCode: Partial<Record<string, TrainingUserError>>): TrainingUserError {
  if (error instanceof UpstreamHttpError && error.code) {
    const refusal = byCode[error.code];
    if (refusal) return refusal;
  }
  throw error;
}
