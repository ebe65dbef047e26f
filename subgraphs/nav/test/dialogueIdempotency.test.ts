import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useNock } from '../../../test/support/subgraph.ts';
import { TEST_TIMEOUT_MS, nav, navSubgraphForTests } from './harness.ts';
import { REFERENCE_NOW, dialoger } from './navFixture.ts';

const OLE_MARTIN = '30810263578'; // P04: thread 810005 under activity 4100109
const PERSON = { role: 'citizen', ident: OLE_MARTIN } as const;
const THREAD = '810005';
const SEND = `mutation($i: SendDialogueMessageInput!) { sendDialogueMessage(input: $i) {
  thread { id messages { id sender text } } userErrors { code field } } }`;

type Json = Record<string, any>;

/**
 * veilarbdialog for one person, with state: the threads of the fixtures, a message added by every POST that
 * reaches it. `answer` decides what the subgraph then gets back — the thread, an answer slower than its timeout
 * (NAV took the message; the answer is lost), or a dropped connection before or after NAV took it.
 */
function veilarbdialog(fnr: string) {
  const threads: Json[] = dialoger(fnr);
  let nextId = 1900000;
  const posts: Json[] = [];
  const thread = (id: string) => threads.find((t) => t.id === id)!;
  nav().get('/veilarbdialog/api/dialog').query({ fnr }).reply(200, () => threads).persist();
  const take = (body: Json) => {
    const t = thread(body.dialogId);
    t.henvendelser.push({ id: String(nextId++), dialogId: t.id, avsender: 'BRUKER', avsenderId: null, sendt: REFERENCE_NOW.toISOString(), lest: false, viktig: false, tekst: body.tekst });
    return t;
  };
  return {
    messagesIn: (id: string) => thread(id).henvendelser.length,
    posts,
    /** What the next POST does; `thread` may come after a delay within the timeout. */
    answer(mode: 'thread' | 'too-slow' | 'drop-after-taking' | 'drop-before-taking', delayMs = 0) {
      const post = nav().post('/veilarbdialog/api/dialog', (body: Json) => (posts.push(body), true));
      if (mode === 'thread') return post.delay(delayMs).reply(200, (_uri, body) => take(body as Json));
      if (mode === 'too-slow') return post.delay(TEST_TIMEOUT_MS + 500).reply(200, (_uri, body) => take(body as Json));
      if (mode === 'drop-after-taking') {
        return post.reply((_uri, body, done) => {
          take(body as Json);
          done(new Error('socket hang up'), [500]); // the error wins: the subgraph sees the connection drop
        });
      }
      return post.replyWithError('socket hang up');
    },
  };
}

describe('nav subgraph: sendDialogueMessage once per idempotency key', () => {
  useNock();
  const { ask } = navSubgraphForTests();
  const send = (input: Json, caller: Json = PERSON) => ask(caller as typeof PERSON, SEND, { i: { threadId: THREAD, ...input } });

  it('stores the message once when a retry follows an answer slower than the timeout: the retry finds it in the thread', async () => {
    const dialog = veilarbdialog(OLE_MARTIN);
    const before = dialog.messagesIn(THREAD);
    const input = { text: 'Kan vi snakke i morgen?', idempotencyKey: randomUUID() };
    dialog.answer('too-slow');
    const first = await send(input);
    expect(first.body.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_TIMEOUT']);
    expect(dialog.messagesIn(THREAD)).toBe(before + 1); // NAV took it; the subgraph never heard

    const retry = await send(input);
    expect(retry.body.errors).toBeUndefined();
    expect(retry.body.data!.sendDialogueMessage.userErrors).toEqual([]);
    expect(retry.body.data!.sendDialogueMessage.thread.messages.filter((m: Json) => m.text === input.text)).toHaveLength(1);
    expect(dialog.posts).toHaveLength(1);
    expect(dialog.messagesIn(THREAD)).toBe(before + 1);

    // And a third time: answered from what the key remembers, still without a send.
    const again = await send(input);
    expect(again.body.data!.sendDialogueMessage.thread.id).toBe(THREAD);
    expect(dialog.posts).toHaveLength(1);
  });

  it('stores it once when the connection dropped after NAV took it', async () => {
    const dialog = veilarbdialog(OLE_MARTIN);
    const before = dialog.messagesIn(THREAD);
    const input = { text: 'Sendte du svaret?', idempotencyKey: randomUUID() };
    dialog.answer('drop-after-taking');
    expect((await send(input)).body.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_UNAVAILABLE']);
    const retry = await send(input);
    expect(retry.body.data!.sendDialogueMessage.userErrors).toEqual([]);
    expect(dialog.posts).toHaveLength(1);
    expect(dialog.messagesIn(THREAD)).toBe(before + 1);
  });

  it('sends it on the retry when the lost attempt never reached NAV', async () => {
    const dialog = veilarbdialog(OLE_MARTIN);
    const before = dialog.messagesIn(THREAD);
    const input = { text: 'Hallo igjen', idempotencyKey: randomUUID() };
    dialog.answer('drop-before-taking');
    expect((await send(input)).body.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_UNAVAILABLE']);
    dialog.answer('thread');
    const retry = await send(input);
    expect(retry.body.data!.sendDialogueMessage.userErrors).toEqual([]);
    expect(dialog.posts).toHaveLength(2);
    expect(dialog.messagesIn(THREAD)).toBe(before + 1);
  });

  it('answers a retry after a success with the thread, without sending again', async () => {
    const dialog = veilarbdialog(OLE_MARTIN);
    const input = { text: 'Takk for sist', idempotencyKey: randomUUID() };
    dialog.answer('thread');
    const first = await send(input);
    const retry = await send(input);
    expect(retry.body.data).toEqual(first.body.data);
    expect(dialog.posts).toHaveLength(1);
  });

  it('refuses the same key with another text as IDEMPOTENCY_KEY_REUSED and sends nothing', async () => {
    const dialog = veilarbdialog(OLE_MARTIN);
    const idempotencyKey = randomUUID();
    dialog.answer('thread');
    await send({ text: 'Første', idempotencyKey });
    const before = dialog.messagesIn(THREAD);
    for (const other of [{ text: 'Andre' }, { text: 'Første', threadId: '810006' }]) {
      const res = await send({ ...other, idempotencyKey });
      expect(res.body.data!.sendDialogueMessage).toEqual({ thread: null, userErrors: [{ code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotencyKey' }] });
    }
    expect(dialog.posts).toHaveLength(1);
    expect(dialog.messagesIn(THREAD)).toBe(before);
  });

  it('keeps a key the caller\'s own: the same key from another caller is another message', async () => {
    const dialog = veilarbdialog(OLE_MARTIN);
    const idempotencyKey = randomUUID();
    dialog.answer('thread');
    await send({ text: 'Fra meg', idempotencyKey });
    // Another person with the same UUID learns nothing: their own thread is NOT_FOUND as always, not KEY_REUSED.
    nav().get('/veilarbdialog/api/dialog').query({ fnr: '14820482817' }).reply(200, dialoger('14820482817'));
    const other = await send({ text: 'Fra en annen', idempotencyKey }, { role: 'citizen', ident: '14820482817' });
    expect(other.body.data!.sendDialogueMessage.userErrors).toEqual([{ code: 'NOT_FOUND', field: 'threadId' }]);
  });

  it('answers REQUEST_IN_PROGRESS to the same key while its first request is still sending', async () => {
    const dialog = veilarbdialog(OLE_MARTIN);
    const input = { text: 'Samtidig', idempotencyKey: randomUUID() };
    dialog.answer('thread', TEST_TIMEOUT_MS / 2);
    const [a, b] = await Promise.all([send(input), send(input)]);
    const outcomes = [a, b].map((r) => r.body.data!.sendDialogueMessage.userErrors.map((e: Json) => e.code).join() || 'sent').sort();
    expect(outcomes).toEqual(['REQUEST_IN_PROGRESS', 'sent']);
    expect(dialog.posts).toHaveLength(1);
  });

  it.each([
    ['NUL (U+0000)', 'Hei\u0000der'],
    ['ESC (U+001B)', 'Hei \u001b[31mder'],
  ])('refuses %s in the text as INVALID_INPUT and sends nothing', async (_, text) => {
    const res = await send({ text, idempotencyKey: randomUUID() });
    expect(res.body.data!.sendDialogueMessage).toEqual({ thread: null, userErrors: [{ code: 'INVALID_INPUT', field: 'text' }] });
  });

  it('requires the idempotency key, as a UUID', async () => {
    for (const idempotencyKey of [undefined, 'not-a-uuid']) {
      const res = await send({ text: 'Hei', idempotencyKey });
      const codes = res.body.errors?.map((e) => e.extensions?.code) ?? res.body.data!.sendDialogueMessage.userErrors.map((e: Json) => `${e.code}:${e.field}`);
      expect(codes).toEqual([idempotencyKey === undefined ? 'BAD_USER_INPUT' : 'INVALID_INPUT:idempotencyKey']);
    }
  });
});
