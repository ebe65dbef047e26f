import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSupergraph } from '../../schema/compose.ts';
import { GENERATED_FIXTURES_DIR, readFixtures } from '../support/fixtures.ts';
import { useStack } from '../support/stack.ts';
import { auditMismatches } from './audit.ts';
import { probeSchema, runMatrix } from './matrix.ts';
import { matrixSummary } from './summary.ts';
import { samplePersons } from './sample.ts';
import type { Tally } from './tally.ts';

const fx = readFixtures(GENERATED_FIXTURES_DIR);
const schema = probeSchema(readSupergraph());
/** Every case the oracle distinguishes, then an even spread: 18 of the 300 persons keep the file within CI time. */
const persons = samplePersons(fx, 18);

describe('the consent probe matrix on a sample of the generated set (300 persons)', () => {
  const graph = useStack({ fixturesDir: GENERATED_FIXTURES_DIR });
  let tally: Tally;

  beforeAll(async () => {
    tally = await runMatrix({ graph, fx, schema, persons });
  }, 120_000);

  afterAll(() => {
    if (tally) console.log(matrixSummary('generated sample', schema, persons.length, tally));
  });

  it('finds no leak on any path, for any role and person', () => {
    expect(tally.leaks).toEqual([]);
  });

  it('discloses exactly what the fixtures and ARCHITECTURE.md §3–4 say, with the right error codes', () => {
    expect(tally.mismatches).toEqual([]);
  });

  it('records every decision it caused exactly once, as the final decision, on the audit trail', () => {
    expect(auditMismatches(graph.auditLines(), tally.audit)).toEqual([]);
  });
});
