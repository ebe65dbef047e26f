import { ROLE_COUNT } from './callers.ts';
import { PATHS, type ProbeSchema } from './matrix.ts';
import type { Tally } from './tally.ts';

/** One line with the matrix size and the run's figures, for the test output and the report. */
export function matrixSummary(name: string, schema: ProbeSchema, persons: number, tally: Tally): string {
  const size = schema.elements.length * ROLE_COUNT * persons * PATHS.length;
  return (
    `probe matrix (${name}): ${schema.elements.length} consent-bound elements × ${ROLE_COUNT} roles × ${persons} persons × ${PATHS.length} paths = ${size}; ` +
    `${tally.requests} requests, ${tally.probes} probes, ${tally.disclosures} disclosures, ${tally.withholdings} withholdings, ` +
    `${tally.leaks.length} leaks, ${tally.mismatches.length} mismatches, ${tally.audit.length} audit events expected`
  );
}
