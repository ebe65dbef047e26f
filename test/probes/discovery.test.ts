import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { subgraphSdl } from '../../lib/subgraph/schema.ts';
import { apiSchemaOf, readSupergraph, SUBGRAPHS } from '../../schema/compose.ts';
import { DEMO_FIXTURES_DIR } from '../../stand-ins/common/fixtures.ts';
import { navAdvisor, readFixtures } from '../support/fixtures.ts';
import { DEMO } from '../support/stack.ts';
import { callersFor, ROLE_COUNT } from './callers.ts';
import { consentElements } from './discovery.ts';
import { consentVerdict, systemAccessVerdict } from './oracle.ts';
import { planFor } from './plan.ts';
import { purposeOracle } from './consent.ts';

const fx = readFixtures(DEMO_FIXTURES_DIR);

/** Composes the subgraphs with extra SDL appended to one of them, as a developer adding a field would. */
function composeWith(subgraph: string, extra: string): string {
  const result = composeServices(
    SUBGRAPHS.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(`${subgraphSdl(s.schemaPath)}\n${s.name === subgraph ? extra : ''}`) })),
  );
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.supergraphSdl;
}

describe('probe discovery', () => {
  it('finds every @consent of the subgraph schemas in the supergraph, with the subgraph that resolves it', () => {
    const elements = consentElements(readSupergraph());
    const applications = SUBGRAPHS.flatMap((s) => [...readFileSync(s.schemaPath, 'utf8').matchAll(/@consent\(/g)].map(() => s.name));
    expect(elements.map((e) => e.subgraph).sort()).toEqual(applications.sort());
    for (const element of elements) expect(element.grantees.length).toBeGreaterThan(0);
  });

  it('plans a path from Person to every element over the gateway\'s API schema', () => {
    const sdl = readSupergraph();
    const api = apiSchemaOf(sdl);
    for (const element of consentElements(sdl)) {
      const plan = planFor(api, element);
      expect(plan.steps[0]!.parentType).toBe('Person');
      expect(plan.steps.at(-1)![element.kind === 'field' ? 'field' : 'returnType']).toBe(element.fieldName ?? element.typeName);
    }
  });

  it('probes a consent-bound field added to a subgraph without anyone writing a test', () => {
    const sdl = composeWith('training', 'extend type SkillsMappingRequest { "Probe test." creditedPractice: [Practice!] @consent(purpose: SKILLS_MAPPING, grantees: [NAV]) }');
    const added = consentElements(sdl).find((e) => e.coordinate === 'SkillsMappingRequest.creditedPractice');
    expect(added).toMatchObject({ kind: 'field', purpose: 'SKILLS_MAPPING', grantees: ['NAV'], subgraph: 'training' });
    const plan = planFor(apiSchemaOf(sdl), added!);
    expect(plan.steps.map((s) => s.field)).toEqual(['skillsMappingRequests', 'creditedPractice']);
    // The oracle decides it for every role from the purpose alone: FAGOPPLAERING is no grantee here.
    const fr01 = callersFor(fx, DEMO.P01, DEMO.P02).find((c) => c.caller.role === 'training-advisor')!.caller;
    expect(consentVerdict(fx, added!, fr01, DEMO.P01, { valueType: 'Practice' })).toMatchObject({ disclose: false, code: 'FORBIDDEN' });
    expect(consentVerdict(fx, added!, navAdvisor(fx, 'Z990001'), DEMO.P10, { valueType: 'Practice' })).toEqual({ disclose: true });
  });

  it('fails loudly when a path needs an argument it has no value for', () => {
    const sdl = composeWith('training', 'extend type Person { "Probe test." practiceSince(year: Int!): [Practice!] @consent(purpose: SKILLS_MAPPING, grantees: [FAGOPPLAERING]) }');
    const added = consentElements(sdl).find((e) => e.coordinate === 'Person.practiceSince')!;
    expect(() => planFor(apiSchemaOf(sdl), added)).toThrow(/Person\.practiceSince\(year:\).*ARGUMENT_VALUES/);
  });

  it('meets each person with every role of ARCHITECTURE.md §3, as the report counts them', () => {
    const roles = callersFor(fx, DEMO.P01, DEMO.P02);
    expect(roles).toHaveLength(ROLE_COUNT);
    expect(new Set(roles.map((r) => r.caller.role))).toEqual(new Set(['citizen', 'nav-advisor', 'career-counsellor', 'training-advisor', 'partner-reporting']));
  });

  it('fails loudly on a purpose without an oracle and a subgraph without access rules', () => {
    expect(() => purposeOracle('HEALTH_DATA_SHARING')).toThrow(/No probe oracle for the consent purpose HEALTH_DATA_SHARING/);
    expect(() => systemAccessVerdict(fx, 'payroll', navAdvisor(fx, 'Z990001'), DEMO.P01)).toThrow(/No probe access rule for the subgraph payroll/);
  });
});
