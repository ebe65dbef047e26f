import type { Caller } from '../auth/caller.ts';
import { forbidden } from '../errors.ts';

/**
 * The partnership's figures are for reporting clients only (ARCHITECTURE.md §3, partner-reporting). Staff roles
 * are left out on purpose: they work with persons and have their own views of them, and small aggregates put next
 * to what a caseload or a centre's day already shows identify people more easily than they do for an outsider.
 * Every subgraph that contributes figures checks this itself, on the root field, on `__resolveReference` and on
 * each field, so a direct subgraph call or an `_entities` request gets no further than the gateway would.
 */
export function requireReportingClient(caller: Caller): void {
  if (caller.role !== 'partner-reporting') throw forbidden('Programme statistics are only for reporting clients.');
}
