import type { z } from 'zod';
import { UpstreamHttpError } from '../../../lib/upstream/errors.ts';

/** CareerUserErrorCode of the schema. */
export type CareerUserErrorCode =
  | 'INVALID_INPUT'
  | 'SLOT_NOT_FOUND'
  | 'SLOT_IN_PAST'
  | 'SLOT_TAKEN'
  | 'MODE_NOT_OFFERED'
  | 'PHONE_REQUIRED'
  | 'ACTIVE_BOOKING_EXISTS'
  | 'COURSE_NOT_FOUND'
  | 'COURSE_FULL'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'REQUEST_IN_PROGRESS'
  | 'BOOKING_NOT_FOUND'
  | 'ALREADY_CANCELLED'
  | 'BOOKING_NOT_CANCELLABLE'
  | 'SESSION_NOT_STARTED'
  | 'OUTCOME_ALREADY_REGISTERED'
  | 'SESSION_NOT_COMPLETED'
  | 'NOTE_NOT_FOUND'
  | 'NOTE_FINAL'
  | 'NOTE_NOT_FINAL'
  | 'VERSION_CONFLICT';

/** A refused change: a stable code, a message without personal data, the input field at fault. */
export interface CareerUserError {
  code: CareerUserErrorCode;
  message: string;
  field: string | null;
}

export const userError = (code: CareerUserErrorCode, message: string, field: string | null = null): CareerUserError => ({ code, message, field });

/** A mutation's answer: the result, or why it was refused (then the result is null and nothing changed). */
export type Payload<K extends string, T> = { [key in K]: T | null } & { userErrors: CareerUserError[] };

/** The refusal as a payload. */
export function refused<K extends string>(key: K, ...errors: CareerUserError[]): Payload<K, never> {
  return { [key]: null, userErrors: errors } as Payload<K, never>;
}

/**
 * zod's verdict on an input as userErrors, one per field. zod's messages name the rule, never the value, so no
 * personal data is echoed.
 */
export function inputErrors(error: z.ZodError): CareerUserError[] {
  const seen = new Set<string>();
  return error.issues.flatMap((issue) => {
    const field = issue.path.map(String).join('.') || null;
    if (seen.has(field ?? '')) return [];
    seen.add(field ?? '');
    return [userError('INVALID_INPUT', issue.message, field)];
  });
}

/** The booking system's business codes this mutation expects, as userErrors. */
export type BusinessFailures = Partial<Record<string, CareerUserError | ((error: UpstreamHttpError) => CareerUserError)>>;

/**
 * The booking system's refusal of a change (409/412/422 with a code) as a userError, when it is one the mutation
 * expects; undefined for anything else, which the caller rethrows (a system fault, mapped in one place).
 */
export function businessFailure(error: unknown, expected: BusinessFailures): CareerUserError | undefined {
  if (!(error instanceof UpstreamHttpError) || ![409, 412, 422].includes(error.status) || !error.code) return undefined;
  const mapped = expected[error.code];
  return typeof mapped === 'function' ? mapped(error) : mapped;
}

/** Whether the system refused with this business code (a conflict the mutation treats as done). */
export function hasBusinessCode(error: unknown, code: string): boolean {
  return error instanceof UpstreamHttpError && error.code === code;
}

/** The first field the system named in a VALIDATION_FAILED problem (`errors[].field`), if any. */
export function problemField(error: UpstreamHttpError): string | undefined {
  const errors = (error.body as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors)) return undefined;
  const first = errors[0] as { field?: unknown } | undefined;
  return typeof first?.field === 'string' ? first.field : undefined;
}

/** Expected everywhere a key is sent: the key reused for another request, or its first request still running. */
export const IDEMPOTENCY_FAILURES: BusinessFailures = {
  IDEMPOTENCY_KEY_REUSED: userError('IDEMPOTENCY_KEY_REUSED', 'This idempotency key was used for another request.', 'idempotencyKey'),
  IDEMPOTENCY_IN_PROGRESS: userError('REQUEST_IN_PROGRESS', 'The same request is still being processed; try again shortly.', 'idempotencyKey'),
};
