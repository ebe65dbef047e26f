import { describe, expect, it } from 'vitest';
import { DEMO_FIXTURES_DIR } from '../../stand-ins/common/fixtures.ts';
import { completedSubjectCodes, expectedCitizenOverview, instants, operationText, readFixtures } from '../support/fixtures.ts';
import { DEMO, useStack } from '../support/stack.ts';

const fx = readFixtures(DEMO_FIXTURES_DIR);
const CITIZEN_OVERVIEW = operationText('citizen.graphql', 'CitizenOverview');

describe('a citizen on the demo personas (through the gateway, real tokens)', () => {
  const graph = useStack();

  for (const [persona, ident] of Object.entries(DEMO)) {
    it(`${persona} gets CitizenOverview from all three subgraphs in one response, as the fixtures hold it`, async () => {
      const res = await graph.query({ role: 'citizen', ident }, CITIZEN_OVERVIEW);
      expect(res.status).toBe(200);
      expect(res.errors).toBeUndefined();
      expect(instants(res.data)).toEqual(expectedCitizenOverview(fx, ident));
    });
  }

  it('the overview really joins all three systems for a persona with data in each', async () => {
    // Guards against a vacuous comparison: P01 has NAV, Karrieresenter and fagopplæring data in the files.
    const expected = expectedCitizenOverview(fx, DEMO.P01).me;
    expect(expected.followUp).not.toBeNull();
    expect(expected.activityPlan.activities.some((a) => a.dialogue && a.dialogue.messages.length > 0)).toBe(true);
    expect(expected.activityPlan.activities.some((a) => a.meetingSummary?.text)).toBe(true);
    expect(expected.guidanceBookings.some((b) => b.confirmation && b.reminder)).toBe(true);
    expect(expected.careerNotes.some((n) => n.sharedWithNav)).toBe(true);
    expect(expected.skillsMappingRequests.some((r) => r.trainingPlan?.delivery?.status)).toBe(true);
  });

  it('a citizen reads their own completed subjects (the person needs no consent for their own records)', async () => {
    for (const ident of [DEMO.P01, DEMO.P11, DEMO.P02]) {
      const res = await graph.query({ role: 'citizen', ident }, '{ me { completedSubjects { code } } }');
      expect(res.errors).toBeUndefined();
      expect(res.data?.me.completedSubjects.map((s: { code: string }) => s.code)).toEqual(completedSubjectCodes(fx, ident));
    }
  });
});
