import { describe, expect, it } from 'vitest';
import { toCef } from '../../lib/audit/cef.ts';
import { auditMismatches } from './audit.ts';
import type { AuditExpectation } from './tally.ts';

const base = { actor: 'Z990001', subject: '23869823562', callId: 'c1', source: 'career', at: 0 };
const line = (decision: 'Permit' | 'Deny', coordinate: string, recordId?: string) => toCef({ ...base, decision, coordinate, ...(recordId ? { recordId } : {}) });
const expect1 = (decision: 'Permit' | 'Deny', coordinate: string, recordId?: string): AuditExpectation => ({ ...base, decision, coordinate, ...(recordId ? { recordId } : {}) });

describe('the probe suite\'s audit check', () => {
  it('accepts exactly one record of each expected decision', () => {
    expect(auditMismatches([line('Permit', 'Person.careerNotes'), line('Deny', 'CareerNote', 'n1')], [expect1('Permit', 'Person.careerNotes'), expect1('Deny', 'CareerNote', 'n1')])).toEqual([]);
  });

  it('reports a refusal written as both Permit and Deny', () => {
    const problems = auditMismatches([line('Permit', 'Person.completedSubjects'), line('Deny', 'Person.completedSubjects')], [expect1('Deny', 'Person.completedSubjects')]);
    expect(problems).toHaveLength(1);
  });

  it('reports a refusal that left no record, and one recorded twice', () => {
    expect(auditMismatches([], [expect1('Deny', 'CareerNote', 'n1')])).toHaveLength(1);
    expect(auditMismatches([line('Deny', 'CareerNote', 'n1'), line('Deny', 'CareerNote', 'n1')], [expect1('Deny', 'CareerNote', 'n1')])).toHaveLength(1);
  });

  it('tells two records of one person apart by their ids', () => {
    expect(auditMismatches([line('Deny', 'CareerNote', 'n1')], [expect1('Deny', 'CareerNote', 'n2')])).toHaveLength(1);
  });

  it('reports an unexpected decision recorded both ways', () => {
    expect(auditMismatches([line('Permit', 'GuidanceBooking', 'b1'), line('Deny', 'GuidanceBooking', 'b1')], [expect1('Permit', 'Person.careerNotes')])).toHaveLength(2);
  });
});
