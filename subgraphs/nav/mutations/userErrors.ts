import type { z } from 'zod';

/** NavUserErrorCode of the schema. */
export type NavUserErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'NO_OPEN_FOLLOW_UP_PERIOD'
  | 'CONFLICT'
  | 'ACTIVITY_FINAL'
  | 'THREAD_HISTORIC'
  | 'PERSON_CANNOT_BE_NOTIFIED'
  | 'NOT_A_MEETING'
  | 'SUMMARY_NOT_SHARED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'REQUEST_IN_PROGRESS';

/** A business failure of a mutation. Messages are ours, never an upstream body, never personal data. */
export interface NavUserError {
  code: NavUserErrorCode;
  message: string;
  field: string | null;
  currentVersion: string | null;
}

export function userError(code: NavUserErrorCode, message: string, field: string | null = null, currentVersion: string | null = null): NavUserError {
  return { code, message, field, currentVersion };
}

/** A payload that carries only userErrors (nothing was written). */
export function failed<K extends string>(resultField: K, ...errors: NavUserError[]): Record<K, null> & { userErrors: NavUserError[] } {
  return { [resultField]: null, userErrors: errors } as Record<K, null> & { userErrors: NavUserError[] };
}

/** One INVALID_INPUT per broken rule, naming the input field; the messages are the schemas' own (no values echoed). */
export function inputErrors(error: z.ZodError): NavUserError[] {
  return error.issues.map((issue) => userError('INVALID_INPUT', issue.message, issue.path.map(String).join('.') || null));
}
