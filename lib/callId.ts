import { randomUUID } from 'node:crypto';
import { containsIdent } from './ident.ts';

/** Headers that carry the call id in: NAV's, then the county systems'. */
export const CALL_ID_HEADERS = ['nav-call-id', 'x-correlation-id'] as const;
const SAFE = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Whether a client's call id may be used as ours: a short token of safe characters that holds nothing the log
 * masking would take for an identity number (lib/ident.ts). A call id is logged, sent to every upstream and
 * written to the audit trail; one that carries a fødselsnummer, in any form, would put it everywhere.
 */
export function isUsableCallId(value: string): boolean {
  return SAFE.test(value) && !containsIdent(value);
}

/** The caller's call id from the first header that holds a usable one, else a fresh one (headers are untrusted input). */
export function callIdFrom(headers: Record<string, string | string[] | undefined>): string {
  for (const name of CALL_ID_HEADERS) {
    const value = headers[name];
    const first = Array.isArray(value) ? value[0] : value;
    if (first && isUsableCallId(first)) return first;
  }
  return freshCallId();
}

/**
 * A new call id: a UUID, drawn again in the rare case (about one in 100 000) that its digits hold a fødselsnummer.
 * @param draw @default randomUUID
 */
export function freshCallId(draw: () => string = randomUUID): string {
  for (;;) {
    const id = draw();
    if (!containsIdent(id)) return id;
  }
}
