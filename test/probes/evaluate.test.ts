import { describe, expect, it } from 'vitest';
import { readSupergraph } from '../../schema/compose.ts';
import { DEMO_FIXTURES_DIR } from '../../stand-ins/common/fixtures.ts';
import { navAdvisor, readFixtures } from '../support/fixtures.ts';
import { DEMO } from '../support/stack.ts';
import { evaluateResponse, type ProbeSubject } from './evaluate.ts';
import { probeSchema } from './matrix.ts';
import { renderElement } from './render.ts';
import { Tally } from './tally.ts';

type Json = Record<string, any>;
const fx = readFixtures(DEMO_FIXTURES_DIR);
const schema = probeSchema(readSupergraph());
const notes = schema.plans.find((p) => p.element.coordinate === 'CareerNote')!;
/** P02's note was never shared: NAV must not see it, nor learn that it exists. */
const unshared = (fx.karrieresenter.notes as Json[]).find((n) => n.owner.fnr === DEMO.P02)!;
const subject: ProbeSubject = { fx, caller: navAdvisor(fx, 'Z990001'), label: 'nav-advisor Z990001', ident: DEMO.P02, elements: schema.elements, owners: schema.owners };

function evaluate(response: Json, variant: 'plain' | 'typename' = 'plain') {
  const tally = new Tally();
  const rendered = [renderElement(notes, 0, variant, { ident: DEMO.P02, fx })];
  evaluateResponse(subject, { path: 'test', root: 'person', callId: 'c', rootPath: ['person'] }, rendered, response, tally);
  return tally;
}

describe('the probe evaluator', () => {
  it('accepts the right answer: NAV sees none of P02\'s notes; the access to her notes and the refusal of the note are each audited once', () => {
    const tally = evaluate({ data: { person: { careerNotes: [] } } });
    expect(tally.leaks).toEqual([]);
    expect(tally.mismatches).toEqual([]);
    expect(tally.audit.map((a) => `${a.decision} ${a.coordinate} ${a.recordId ?? '-'}`)).toEqual(['Permit Person.careerNotes -', `Deny CareerNote ${unshared.id}`]);
  });

  it('reports an unshared note in the list as a leak', () => {
    const tally = evaluate({ data: { person: { careerNotes: [{ id: unshared.id }] } } });
    expect(tally.leaks.join('\n')).toContain(unshared.id);
  });

  it('reports a count that gives an unshared note away, even when only __typename is asked', () => {
    const tally = evaluate({ data: { person: { careerNotes: [{ __typename: 'CareerNote' }] } } }, 'typename');
    expect(tally.leaks).toHaveLength(1);
  });

  it('reports a withheld value in an error message as a leak', () => {
    const tally = evaluate({ data: { person: { careerNotes: [] } }, errors: [{ message: `No grant for: ${unshared.sections.interests}`, path: ['person', 'careerNotes'], extensions: { code: 'CONSENT_REQUIRED' } }] });
    expect(tally.leaks).toHaveLength(1);
    expect(tally.mismatches.join('\n')).toContain('unexpected CONSENT_REQUIRED at person.careerNotes');
  });
});
