import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FIXTURES_DIR } from '../../stand-ins/common/fixtures.ts';
import { readSupergraph } from '../../schema/compose.ts';
import { readFixtures } from '../support/fixtures.ts';
import { DEMO, useStack } from '../support/stack.ts';
import { auditMismatches } from './audit.ts';
import { probeSchema, runMatrix } from './matrix.ts';
import { matrixSummary } from './summary.ts';
import type { Tally } from './tally.ts';

const fx = readFixtures(DEMO_FIXTURES_DIR);
const schema = probeSchema(readSupergraph());
const persons = Object.values(DEMO);

describe('the consent probe matrix on the demo personas', () => {
  const graph = useStack();
  let tally: Tally;

  beforeAll(async () => {
    tally = await runMatrix({ graph, fx, schema, persons });
  }, 120_000);

  afterAll(() => {
    if (tally) console.log(matrixSummary('demo', schema, persons.length, tally));
  });

  it('finds no leak on any path, for any role and person', () => {
    expect(tally.leaks).toEqual([]);
  });

  it('discloses exactly what the fixtures and ARCHITECTURE.md §3–4 say, with the right error codes', () => {
    expect(tally.mismatches).toEqual([]);
  });

  it('records every decision it caused exactly once, as the final decision, on the audit trail', () => {
    expect(tally.audit.length).toBeGreaterThan(0);
    expect(auditMismatches(graph.auditLines(), tally.audit)).toEqual([]);
  });
});
