import { UpstreamHttpError } from '../../../lib/upstream/errors.ts';
import type { OutgoingMessage } from '../clients/veilarbdialog.ts';
import type { NavContext } from '../context.ts';
import type { DialogueThread } from '../model.ts';
import { SENDING_GIVES_UP_MS, findSentMessage, sendKey, senderOf } from './dialogueSends.ts';
import { sendDialogueMessageInput } from './inputs.ts';
import { activityInPlan, isUserError } from './planActivity.ts';
import { dialogException, refusalStatus } from './upstreamFailure.ts';
import { failed, inputErrors, userError, type NavUserError } from './userErrors.ts';
import { requireRole, requireWriteAccess, subjectOfInput } from './writeAccess.ts';

interface Payload {
  thread: DialogueThread | null;
  userErrors: NavUserError[];
}

const historic = (field: string) => userError('THREAD_HISTORIC', 'The thread belongs to an ended follow-up period and is read-only.', field);
const cannotNotify = () => userError('PERSON_CANNOT_BE_NOTIFIED', 'NAV cannot notify the person digitally, so the message cannot be sent.');
const keyReused = () => userError('IDEMPOTENCY_KEY_REUSED', 'This idempotency key was used for another message.', 'idempotencyKey');
const inProgress = () => userError('REQUEST_IN_PROGRESS', 'The same message is still being sent; try again shortly.', 'idempotencyKey');
const notFound = (field: string) => userError('NOT_FOUND', field === 'threadId' ? 'The thread is not in the person\'s dialogue.' : 'The activity is not in the person\'s activity plan.', field);

/**
 * Writes in the person's dialogue: a reply in one of their threads, or under one of their activity cards. The
 * thread or card is looked up in the person's own dialogue and plan first, so a citizen writes only in their own
 * plan and a historic thread is refused without a write; NAV's 409s (historic, cannot notify) cover the rest.
 *
 * Once per idempotency key (dialogueSends.ts): the same key and input again answers with the thread that holds
 * the message, the same key with another input is IDEMPOTENCY_KEY_REUSED; after an attempt whose answer was lost,
 * the thread is read back and the message sent only if it is not there.
 */
export async function sendDialogueMessage(_: unknown, args: { input: Record<string, unknown> }, context: NavContext): Promise<Payload> {
  requireRole(context, ['citizen', 'nav-advisor']);
  const parsed = sendDialogueMessageInput.safeParse({ ...args.input, ident: subjectOfInput(context, args.input.ident as string | undefined) });
  if (!parsed.success) return failed('thread', ...inputErrors(parsed.error));
  const input = parsed.data;
  await requireWriteAccess(context, input.ident, 'Mutation.sendDialogueMessage', ['citizen', 'nav-advisor']);

  // Only NAV says it waits for the person; the person's own message always means NAV owes the answer.
  const awaitingReplyFromPerson = context.caller.role === 'nav-advisor' ? input.awaitingReplyFromPerson : undefined;
  const target = input.threadId !== undefined ? { threadId: input.threadId } : { activityId: input.activityId! };
  const message: OutgoingMessage = { text: input.text, awaitingReplyFromPerson, ...target };
  const sends = context.dialogueSends;
  const key = sendKey(sends, context.caller, input.idempotencyKey);
  const fingerprint = sends.digest([input.ident, target, input.text, awaitingReplyFromPerson ?? null]);
  const now = context.now().getTime();

  const earlier = await sends.store.get(key);
  if (earlier && earlier.input !== fingerprint) return failed('thread', keyReused());
  if (earlier?.state === 'sending' && now - earlier.startedAt < SENDING_GIVES_UP_MS) return failed('thread', inProgress());
  if (earlier?.state === 'sent') return sentBefore(context, input.ident, earlier.threadId);
  if (earlier) {
    // The earlier attempt's answer was lost: the message may be at NAV already.
    const there = await lookForMessage(context, input.ident, target, input.text, earlier.startedAt);
    if (there) {
      await sends.store.set(key, { state: 'sent', input: fingerprint, threadId: there.id });
      return { thread: there, userErrors: [] };
    }
  }

  const refusal = await checkTarget(context, input.ident, input.threadId, input.activityId);
  if (refusal) return failed('thread', refusal);
  // An unanswered attempt keeps its start, so every later read-back looks back to it.
  const startedAt = earlier?.startedAt ?? now;
  if (!(await sends.store.claim(key, { state: 'sending', input: fingerprint, startedAt }, earlier))) return failed('thread', inProgress());
  try {
    const thread = await context.clients.veilarbdialog.send(input.ident, message);
    await sends.store.set(key, { state: 'sent', input: fingerprint, threadId: thread.id });
    return { thread, userErrors: [] };
  } catch (error) {
    // NAV refused this attempt, so it wrote nothing; what an earlier unanswered one did is still unknown.
    if (error instanceof UpstreamHttpError) {
      await (earlier ? sends.store.set(key, earlier) : sends.store.delete(key));
      const refused = refusalOf(error, input.threadId !== undefined ? 'threadId' : 'activityId');
      if (refused) return failed('thread', refused);
    } else {
      await sends.store.set(key, { state: 'unknown', input: fingerprint, startedAt });
    }
    throw error;
  }
}

/** NAV's 409 and 400 on a send as the userError they mean; undefined for any other status (a system fault). */
function refusalOf(error: unknown, field: 'threadId' | 'activityId'): NavUserError | undefined {
  const status = refusalStatus(error);
  if (status === 409) return dialogException(error) === 'KanIkkeVarsleBrukerException' ? cannotNotify() : historic(field);
  if (status === 400) return notFound(field);
  return undefined;
}

/** The answer to a key whose message NAV took: the thread that holds it, read now. */
async function sentBefore(context: NavContext, ident: string, threadId: string): Promise<Payload> {
  const thread = (await context.loaders.threads.load(ident)).find((t) => t.id === threadId);
  return thread ? { thread, userErrors: [] } : failed('thread', notFound('threadId'));
}

/** The addressed thread, if it holds the message an unanswered attempt begun at `startedAt` may have left. */
async function lookForMessage(
  context: NavContext,
  ident: string,
  target: { threadId: string } | { activityId: string },
  text: string,
  startedAt: number,
): Promise<DialogueThread | undefined> {
  const threads = await context.loaders.threads.load(ident);
  const thread = threads.find((t) => ('threadId' in target ? t.id === target.threadId : t.activityId === target.activityId));
  return findSentMessage(thread, senderOf(context.caller), text, startedAt) ? thread : undefined;
}

/** Why the message may not go where it is addressed, from the person's own threads and plan; undefined when it may. */
async function checkTarget(context: NavContext, ident: string, threadId?: string, activityId?: string): Promise<NavUserError | undefined> {
  if (threadId !== undefined) {
    const thread = (await context.loaders.threads.load(ident)).find((t) => t.id === threadId);
    if (!thread) return notFound('threadId');
    return thread.historic ? historic('threadId') : undefined;
  }
  const activity = await activityInPlan(context, ident, activityId!);
  if (isUserError(activity)) return activity;
  if (activity.historic) return historic('activityId');
  const thread = (await context.loaders.threads.load(ident)).find((t) => t.activityId === activity.id);
  return thread?.historic ? historic('activityId') : undefined;
}
