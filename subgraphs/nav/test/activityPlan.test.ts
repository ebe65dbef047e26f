import { describe, expect, it } from 'vitest';
import { useNock } from '../../../test/support/subgraph.ts';
import { mock, nav, navSubgraphForTests } from './harness.ts';
import { advisor, aktivitetsplan } from './navFixture.ts';

const EMMA = '14820482817'; // P01: activities 4100101–4100104 (4100102 a meeting, 4100103 a summary)
const JORGEN = '02909717194'; // P09: historic activities 4100118–4100120 from an ended period
const INGRID = advisor('Z990001');
const MORTEN = advisor('Z990002');

const ACTIVITIES = `query($i: ID!) { person(ident: $i) { activityPlan { activities {
  id version title description type status fromDate toDate agreedWithNav historic changedAt
  meetingSummary { channel text sharedWithPerson } } } } }`;

const record = (fnr: string, id: string) => aktivitetsplan(fnr).aktiviteter.find((a) => a.id === id)!;

describe('nav subgraph: the activity plan', () => {
  useNock();
  const { ask } = navSubgraphForTests();

  it("maps the advisor's view of every current activity from veilarbaktivitet", async () => {
    mock.poaoTilgang('Z990001', [EMMA]);
    mock.aktivitetsplan(EMMA);
    const res = await ask(INGRID, ACTIVITIES, { i: EMMA });
    expect(res.body.errors).toBeUndefined();
    const activities = res.body.data!.person.activityPlan.activities;
    expect(activities.map((a: { id: string }) => a.id)).toEqual(['4100101', '4100102', '4100103', '4100104']);
    expect(activities[0]).toEqual({
      id: '4100101',
      version: '700001',
      title: 'Utforske fagbrev som elektriker',
      description: record(EMMA, '4100101').beskrivelse,
      type: 'EGEN',
      status: 'GJENNOMFORES',
      fromDate: '2026-08-17',
      toDate: '2026-12-18',
      agreedWithNav: true,
      historic: false,
      changedAt: '2026-08-19T08:31:00.000+02:00',
      meetingSummary: null,
    });
    expect(activities[1]).toMatchObject({
      type: 'MOTE',
      status: 'FULLFORT',
      meetingSummary: { channel: 'OPPMOTE', text: record(EMMA, '4100102').referat, sharedWithPerson: true },
    });
    expect(activities[2]).toMatchObject({ type: 'SAMTALEREFERAT', fromDate: null, toDate: null });
  });

  it('lists historic activities only on request, reading the plan once for both lists', async () => {
    mock.poaoTilgang('Z990002', [JORGEN]);
    mock.aktivitetsplan(JORGEN);
    const res = await ask(
      MORTEN,
      'query($i: ID!) { person(ident: $i) { activityPlan { current: activities { id } all: activities(includeHistoric: true) { id historic } } } }',
      { i: JORGEN },
    );
    expect(res.body.errors).toBeUndefined();
    const plan = res.body.data!.person.activityPlan;
    expect(plan.current.map((a: { id: string }) => a.id)).toEqual(['4100121', '4100122']);
    expect(plan.all.filter((a: { historic: boolean }) => a.historic).map((a: { id: string }) => a.id)).toEqual(['4100118', '4100119', '4100120']);
    expect(plan.all).toHaveLength(5);
  });

  describe('meeting summaries', () => {
    // A hand-made state: the summary of 4100103 written but not yet shared with Emma.
    const unpublished = () => {
      const plan = aktivitetsplan(EMMA);
      plan.aktiviteter.find((a) => a.id === '4100103')!.erReferatPublisert = false;
      return plan;
    };

    it('hides an unpublished summary from the person even if veilarbaktivitet sent it', async () => {
      mock.aktivitetsplan(EMMA, unpublished());
      const res = await ask({ role: 'citizen', ident: EMMA }, '{ me { activityPlan { activities { id meetingSummary { channel text sharedWithPerson } } } } }');
      const summary = res.body.data!.me.activityPlan.activities.find((a: { id: string }) => a.id === '4100103').meetingSummary;
      expect(summary).toEqual({ channel: 'OPPMOTE', text: null, sharedWithPerson: false });
    });

    it('shows the advisor the unpublished draft', async () => {
      mock.poaoTilgang('Z990001', [EMMA]);
      mock.aktivitetsplan(EMMA, unpublished());
      const res = await ask(INGRID, ACTIVITIES, { i: EMMA });
      const summary = res.body.data!.person.activityPlan.activities.find((a: { id: string }) => a.id === '4100103').meetingSummary;
      expect(summary).toEqual({ channel: 'OPPMOTE', text: record(EMMA, '4100103').referat, sharedWithPerson: false });
    });

    it('shows the person a published summary', async () => {
      mock.aktivitetsplan(EMMA);
      const res = await ask({ role: 'citizen', ident: EMMA }, '{ me { activityPlan { activities { id meetingSummary { text } } } } }');
      const summary = res.body.data!.me.activityPlan.activities.find((a: { id: string }) => a.id === '4100103').meetingSummary;
      expect(summary).toEqual({ text: record(EMMA, '4100103').referat });
    });
  });

  describe('when veilarbaktivitet fails', () => {
    it('answers UPSTREAM_CONTRACT_VIOLATION on the plan for an unknown status, and the follow-up still resolves', async () => {
      const broken = aktivitetsplan(EMMA);
      broken.aktiviteter[0]!.status = 'UKJENT';
      mock.aktivitetsplan(EMMA, broken);
      mock.oppfolgingsstatus(EMMA);
      const res = await ask({ role: 'citizen', ident: EMMA }, '{ me { followUp { periodId } activityPlan { activities { id } } } }');
      expect(res.body.data).toEqual({ me: { followUp: { periodId: '56bfd8a4-6519-4dcf-ad30-accc712380c6' }, activityPlan: null } });
      expect(res.body.errors).toEqual([
        expect.objectContaining({ path: ['me', 'activityPlan', 'activities'], extensions: { code: 'UPSTREAM_CONTRACT_VIOLATION', system: 'veilarbaktivitet' } }),
      ]);
    });

    it('answers FORBIDDEN when NAV itself refuses (403)', async () => {
      nav().get('/veilarbaktivitet/api/aktivitet').query({ fnr: EMMA }).reply(403, { statusCode: 403 });
      const res = await ask({ role: 'citizen', ident: EMMA }, '{ me { activityPlan { activities { id } } } }');
      expect(res.body.data).toEqual({ me: { activityPlan: null } });
      expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    });
  });
});
