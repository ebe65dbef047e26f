import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useNock } from '../../../test/support/subgraph.ts';
import { mock, nav, navSubgraphForTests } from './harness.ts';
import { advisor, aktivitetsplan, dialoger, evaluatePolicies } from './navFixture.ts';

const SARA = '05890082256'; // P03: activity 4100108 (MOTE, PLANLAGT)
const EMMA = '14820482817'; // P01: thread 810001 under 4100101
const INGRID = advisor('Z990001');

/** poao-tilgang's write decision (SKRIVE), asked before every write, then the read decision for the payload. */
function poao(fnr: string, times = 2) {
  return nav()
    .post('/poao-tilgang/api/v1/policy/evaluate', (body: { requests: Array<{ policyInput: { norskIdent: string } }> }) => body.requests.every((r) => r.policyInput.norskIdent === fnr))
    .times(times)
    .reply(200, (_uri, body) => evaluatePolicies('Z990001', body as { requests: [] }));
}

/**
 * What happens when NAV's state changes between the subgraph's read and its write — paths the stand-ins cannot
 * be made to take on demand, so NAV answers here from nock with the contract's shapes.
 */
describe('nav subgraph writes when NAV changes in between', () => {
  useNock();
  const { ask } = navSubgraphForTests();

  it('turns NAV\'s 409 on a status change into CONFLICT with the version NAV holds now', async () => {
    const plan = aktivitetsplan(SARA);
    const activity = plan.aktiviteter.find((a) => a.id === '4100108')!;
    poao(SARA, 1);
    mock.aktivitetsplan(SARA, plan);
    nav().put('/veilarbaktivitet/api/aktivitet/4100108/status').reply(409, { statusCode: 409 });
    const newer = { aktiviteter: plan.aktiviteter.map((a) => (a.id === '4100108' ? { ...a, versjon: '799999' } : a)) };
    mock.aktivitetsplan(SARA, newer);
    const res = await ask(INGRID, 'mutation($i: UpdateActivityStatusInput!) { updateActivityStatus(input: $i) { activity { id } userErrors { code currentVersion } } }', {
      i: { ident: SARA, activityId: '4100108', version: activity.versjon, status: 'GJENNOMFORES' },
    });
    expect(res.body).toEqual({ data: { updateActivityStatus: { activity: null, userErrors: [{ code: 'CONFLICT', currentVersion: '799999' }] } } });
  });

  it("turns veilarbdialog's plain-text 409 KanIkkeVarsleBrukerException into PERSON_CANNOT_BE_NOTIFIED", async () => {
    poao(EMMA, 1);
    mock.dialoger(EMMA);
    nav().post('/veilarbdialog/api/dialog').reply(409, 'Funksjonell feil under behandling: KanIkkeVarsleBrukerException - null ', { 'content-type': 'text/plain' });
    const thread = dialoger(EMMA).find((d) => d.aktivitetId === '4100101')!;
    const res = await ask(INGRID, 'mutation($i: SendDialogueMessageInput!) { sendDialogueMessage(input: $i) { thread { id } userErrors { code } } }', {
      i: { ident: EMMA, threadId: thread.id, text: 'Hei', idempotencyKey: randomUUID() },
    });
    expect(res.body).toEqual({ data: { sendDialogueMessage: { thread: null, userErrors: [{ code: 'PERSON_CANNOT_BE_NOTIFIED' }] } } });
  });

  it('returns the saved summary with SUMMARY_NOT_SHARED when sharing fails after the create, and does not create it twice', async () => {
    const created = { ...aktivitetsplan(SARA).aktiviteter.find((a) => a.id === '4100108')!, id: '4200001', versjon: '800001', type: 'SAMTALEREFERAT', status: 'FULLFORT', tittel: 'Samtale', kanal: 'TELEFON', referat: 'Referat', erReferatPublisert: false };
    poao(SARA, 2);
    mock.oppfolgingsstatus(SARA);
    nav().post((path) => path.endsWith('/ny')).once().reply(200, created);
    nav().put('/veilarbaktivitet/api/aktivitet/4200001/referat/publiser').reply(503);
    const res = await ask(INGRID, 'mutation($i: RecordMeetingSummaryInput!) { recordMeetingSummary(input: $i) { activity { id meetingSummary { text sharedWithPerson } } userErrors { code } } }', {
      i: { ident: SARA, title: 'Samtale', channel: 'TELEFON', text: 'Referat', shareWithPerson: true },
    });
    expect(res.body).toEqual({
      data: { recordMeetingSummary: { activity: { id: '4200001', meetingSummary: { text: 'Referat', sharedWithPerson: false } }, userErrors: [{ code: 'SUMMARY_NOT_SHARED' }] } },
    });
  });

  it('never calls NAV for an input that breaks a rule', async () => {
    // No interceptors: any NAV call would fail the test (nock disallows the network and reports no pending mocks).
    const res = await ask(INGRID, 'mutation($i: RecordMeetingSummaryInput!) { recordMeetingSummary(input: $i) { activity { id } userErrors { code field } } }', {
      i: { ident: SARA, title: 'x'.repeat(101), channel: 'TELEFON', text: 'Referat' },
    });
    expect(res.body).toEqual({ data: { recordMeetingSummary: { activity: null, userErrors: [{ code: 'INVALID_INPUT', field: 'title' }] } } });
  });
});
