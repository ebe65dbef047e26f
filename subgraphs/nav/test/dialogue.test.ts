import { describe, expect, it } from 'vitest';
import { useNock } from '../../../test/support/subgraph.ts';
import { mock, nav, navSubgraphForTests } from './harness.ts';
import { advisor, dialoger } from './navFixture.ts';

const EMMA = '14820482817'; // P01: threads under 4100101 and 4100104, none under the meeting and summary
const OLE_MARTIN = '30810263578'; // P04: thread 810005 under 4100109 with two of his messages unread by NAV
const INGRID = advisor('Z990001');

const DIALOGUE = `{ id subject unreadCount waitingForReply awaitingReplyFromNav awaitingReplyFromPerson historic
  messages { id sender sentAt text readByRecipient } }`;

const thread = (fnr: string, id: string) => dialoger(fnr).find((d) => d.id === id)!;

describe('nav subgraph: the dialogue under an activity', () => {
  useNock();
  const { ask } = navSubgraphForTests();

  it("gives the advisor the activity's thread with the person's unread messages counted for NAV", async () => {
    mock.poaoTilgang('Z990001', [OLE_MARTIN]);
    mock.aktivitetsplan(OLE_MARTIN);
    mock.dialoger(OLE_MARTIN);
    const res = await ask(INGRID, `query($i: ID!) { person(ident: $i) { activityPlan { activities { id dialogue ${DIALOGUE} } } } }`, { i: OLE_MARTIN });
    expect(res.body.errors).toBeUndefined();
    const [activity] = res.body.data!.person.activityPlan.activities;
    const source = thread(OLE_MARTIN, '810005');
    expect(activity.id).toBe('4100109');
    expect(activity.dialogue).toEqual({
      id: '810005',
      subject: source.overskrift,
      unreadCount: 2,
      // ferdigBehandlet false: the person waits for NAV, so a reply is owed by the advisor.
      waitingForReply: true,
      awaitingReplyFromNav: true,
      awaitingReplyFromPerson: false,
      historic: false,
      messages: source.henvendelser.map((h: Record<string, unknown>) => ({
        id: h.id,
        sender: h.avsender,
        sentAt: h.sendt,
        text: h.tekst,
        readByRecipient: h.lest,
      })),
    });
  });

  it('counts unread messages and the reply owed from the person\'s side for the person', async () => {
    mock.aktivitetsplan(OLE_MARTIN);
    mock.dialoger(OLE_MARTIN);
    const res = await ask({ role: 'citizen', ident: OLE_MARTIN }, '{ me { activityPlan { activities { dialogue { id unreadCount waitingForReply } } } } }');
    expect(res.body).toEqual({ data: { me: { activityPlan: { activities: [{ dialogue: { id: '810005', unreadCount: 0, waitingForReply: false } }] } } } });
  });

  it('keeps messages oldest first whatever order they arrive in', async () => {
    const reversed = dialoger(OLE_MARTIN).map((d) => ({ ...d, henvendelser: [...d.henvendelser].reverse() }));
    mock.aktivitetsplan(OLE_MARTIN);
    mock.dialoger(OLE_MARTIN, reversed);
    const res = await ask({ role: 'citizen', ident: OLE_MARTIN }, '{ me { activityPlan { activities { dialogue { messages { id } } } } } }');
    const ids = res.body.data!.me.activityPlan.activities[0].dialogue.messages.map((m: { id: string }) => m.id);
    expect(ids).toEqual(thread(OLE_MARTIN, '810005').henvendelser.map((h: { id: string }) => h.id));
  });

  it('reads the threads once for all activities, and leaves activities without a thread without one', async () => {
    mock.aktivitetsplan(EMMA);
    mock.dialoger(EMMA);
    const res = await ask({ role: 'citizen', ident: EMMA }, '{ me { activityPlan { activities { id dialogue { id } } } } }');
    expect(res.body).toEqual({
      data: {
        me: {
          activityPlan: {
            activities: [
              { id: '4100101', dialogue: { id: '810001' } },
              { id: '4100102', dialogue: null },
              { id: '4100103', dialogue: null },
              { id: '4100104', dialogue: { id: '810002' } },
            ],
          },
        },
      },
    });
  });

  it('batches two persons of one _entities request: one poao-tilgang call, each NAV read once per person', async () => {
    mock.poaoTilgang('Z990001', [EMMA, OLE_MARTIN]);
    for (const fnr of [EMMA, OLE_MARTIN]) {
      mock.aktivitetsplan(fnr);
      mock.dialoger(fnr);
    }
    const res = await ask(
      INGRID,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { ident activityPlan { activities { id status dialogue { unreadCount waitingForReply } } } } } }',
      { r: [{ __typename: 'Person', ident: EMMA }, { __typename: 'Person', ident: OLE_MARTIN }] },
    );
    expect(res.body.errors).toBeUndefined();
    const [emma, oleMartin] = res.body.data!._entities;
    expect(emma.activityPlan.activities).toHaveLength(4);
    expect(oleMartin.activityPlan.activities).toEqual([{ id: '4100109', status: 'GJENNOMFORES', dialogue: { unreadCount: 2, waitingForReply: true } }]);
  });

  it('answers UPSTREAM_UNAVAILABLE on the dialogue when veilarbdialog fails, and the activities still resolve', async () => {
    mock.aktivitetsplan(OLE_MARTIN);
    nav().get('/veilarbdialog/api/dialog').query({ fnr: OLE_MARTIN }).reply(500, 'Internal Server Error');
    const res = await ask({ role: 'citizen', ident: OLE_MARTIN }, '{ me { activityPlan { activities { id dialogue { id } } } } }');
    expect(res.body.data).toEqual({ me: { activityPlan: { activities: [{ id: '4100109', dialogue: null }] } } });
    expect(res.body.errors).toEqual([
      expect.objectContaining({ path: ['me', 'activityPlan', 'activities', 0, 'dialogue'], extensions: { code: 'UPSTREAM_UNAVAILABLE', system: 'veilarbdialog' } }),
    ]);
  });
});
