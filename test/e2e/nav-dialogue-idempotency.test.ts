import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEMO_FIXTURES_DIR } from '../../stand-ins/common/fixtures.ts';
import { navTruth } from '../../subgraphs/nav/test/navTruth.ts';
import { operationText } from '../support/fixtures.ts';
import { DEMO, useStack } from '../support/stack.ts';

const truth = navTruth(DEMO_FIXTURES_DIR);
const INGRID = truth.advisor('Z990001');
const citizen = (ident: string) => ({ role: 'citizen' as const, ident });
const ADVISOR_SEND = operationText('nav-advisor.graphql', 'AdvisorSendDialogueMessage');
const CITIZEN_SEND = operationText('citizen.graphql', 'SendDialogueMessage');

/**
 * sendDialogueMessage through the gateway, with the clients' own operations: veilarbdialog takes no idempotency
 * key, so the graph makes a retry safe itself. A lost answer is made by letting the stand-in take the message and
 * dropping its answer on the way back to the nav subgraph (in this process, upstream calls use global fetch).
 */
describe('sendDialogueMessage is sent once per idempotency key (demo personas)', () => {
  const graph = useStack();
  const nav = () => graph.stack.upstreams.nav.state;
  const messagesOf = (threadId: string) => nav().dialoger.get(threadId)!.henvendelser;
  const p01Thread = truth.threads(DEMO.P01).find((t) => t.aktivitetId === '4100101')!;
  afterEach(() => vi.restoreAllMocks());

  /** Drops the answer of the next veilarbdialog send after the stand-in has taken the message. */
  function loseTheNextAnswer() {
    const realFetch = globalThis.fetch;
    const navOrigin = new URL(graph.stack.upstreams.nav.url).origin;
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.origin === navOrigin && url.pathname === '/veilarbdialog/api/dialog' && init?.method === 'POST') {
        spy.mockRestore();
        await (await realFetch(input, init)).text();
        throw new TypeError('fetch failed', { cause: new Error('socket hang up') });
      }
      return realFetch(input, init);
    });
  }

  it('stores the message once when the advisor retries after a lost answer, and the retry gets the thread with it', async () => {
    const before = messagesOf(p01Thread.id).length;
    const input = { ident: DEMO.P01, threadId: p01Thread.id, text: 'Fikk du meldingen min?', idempotencyKey: randomUUID() };
    loseTheNextAnswer();
    const lost = await graph.query(INGRID, ADVISOR_SEND, { input });
    expect(lost.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(messagesOf(p01Thread.id)).toHaveLength(before + 1);

    const retry = await graph.query(INGRID, ADVISOR_SEND, { input });
    expect(retry.errors).toBeUndefined();
    expect(retry.data!.sendDialogueMessage.userErrors).toEqual([]);
    expect(retry.data!.sendDialogueMessage.thread.messages.filter((m: { text: string }) => m.text === input.text)).toHaveLength(1);
    expect(messagesOf(p01Thread.id)).toHaveLength(before + 1);
  });

  it('answers the same key and input again with the thread, and sends nothing twice', async () => {
    const card = truth.activities(DEMO.P06).find((a) => !a.historisk && !truth.threads(DEMO.P06).some((t) => t.aktivitetId === a.id))!;
    const input = { activityId: card.id, text: 'Jeg vil vite mer om fagbrev på jobb.', idempotencyKey: randomUUID() };
    const first = await graph.query(citizen(DEMO.P06), CITIZEN_SEND, { input });
    expect(first.data!.sendDialogueMessage.userErrors).toEqual([]);
    const threadId = first.data!.sendDialogueMessage.thread.id;
    const second = await graph.query(citizen(DEMO.P06), CITIZEN_SEND, { input });
    expect(second.data).toEqual(first.data);
    expect(messagesOf(threadId)).toHaveLength(1);
  });

  it('refuses the same key with another text as IDEMPOTENCY_KEY_REUSED, and sends nothing', async () => {
    const idempotencyKey = randomUUID();
    const first = await graph.query(INGRID, ADVISOR_SEND, { input: { ident: DEMO.P01, threadId: p01Thread.id, text: 'Ett', idempotencyKey } });
    expect(first.data!.sendDialogueMessage.userErrors).toEqual([]);
    const before = messagesOf(p01Thread.id).length;
    const reused = await graph.query(INGRID, ADVISOR_SEND, { input: { ident: DEMO.P01, threadId: p01Thread.id, text: 'To', idempotencyKey } });
    expect(reused.data!.sendDialogueMessage).toEqual({ thread: null, userErrors: [expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' })] });
    expect(messagesOf(p01Thread.id)).toHaveLength(before);
  });

  it.each([
    ['U+0000', 'Hei\u0000 der'],
    ['U+001B', 'Hei \u001b[2J der'],
    ['U+0085', 'Hei \u0085der'],
  ])('refuses %s in the text with INVALID_INPUT on text, and sends nothing', async (_, text) => {
    const snapshot = JSON.stringify([...nav().dialoger.values()]);
    for (const [caller, operation, input] of [
      [INGRID, ADVISOR_SEND, { ident: DEMO.P01, threadId: p01Thread.id }],
      [citizen(DEMO.P01), CITIZEN_SEND, { threadId: p01Thread.id }],
    ] as const) {
      const res = await graph.query(caller, operation, { input: { ...input, text, idempotencyKey: randomUUID() } });
      expect(res.data!.sendDialogueMessage).toEqual({ thread: null, userErrors: [expect.objectContaining({ code: 'INVALID_INPUT', field: 'text' })] });
    }
    expect(JSON.stringify([...nav().dialoger.values()])).toBe(snapshot);
  });
});
