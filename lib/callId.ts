import { randomUUID } from 'node:crypto';

/** Headers that carry the call id in: NAV's, then the county systems'. */
export const CALL_ID_HEADERS = ['nav-call-id', 'x-correlation-id'] as const;
const SAFE = /^[A-Za-z0-9._:-]{1,100}$/;

/** The caller's call id when it is a safe token, else a fresh UUID (a header is untrusted input). */
export function callIdFrom(headers: Record<string, string | string[] | undefined>): string {
  for (const name of CALL_ID_HEADERS) {
    const value = headers[name];
    const first = Array.isArray(value) ? value[0] : value;
    if (first && SAFE.test(first)) return first;
  }
  return randomUUID();
}
