import type { OutgoingMessage } from '../clients/veilarbdialog.ts';
import type { NavContext } from '../context.ts';
import type { DialogueThread } from '../model.ts';
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

/**
 * Writes in the person's dialogue: a reply in one of their threads, or under one of their activity cards. The
 * thread or card is looked up in the person's own dialogue and plan first, so a citizen writes only in their own
 * plan and a historic thread is refused without a write; NAV's 409s (historic, cannot notify) cover the rest.
 */
export async function sendDialogueMessage(_: unknown, args: { input: Record<string, unknown> }, context: NavContext): Promise<Payload> {
  requireRole(context, ['citizen', 'nav-advisor']);
  const parsed = sendDialogueMessageInput.safeParse({ ...args.input, ident: subjectOfInput(context, args.input.ident as string | undefined) });
  if (!parsed.success) return failed('thread', ...inputErrors(parsed.error));
  const input = parsed.data;
  await requireWriteAccess(context, input.ident, 'Mutation.sendDialogueMessage', ['citizen', 'nav-advisor']);

  const refusal = await checkTarget(context, input.ident, input.threadId, input.activityId);
  if (refusal) return failed('thread', refusal);
  // Only NAV says it waits for the person; the person's own message always means NAV owes the answer.
  const awaitingReplyFromPerson = context.caller.role === 'nav-advisor' ? input.awaitingReplyFromPerson : undefined;
  const target = input.threadId !== undefined ? { threadId: input.threadId } : { activityId: input.activityId! };
  const message: OutgoingMessage = { text: input.text, awaitingReplyFromPerson, ...target };
  try {
    return { thread: await context.clients.veilarbdialog.send(input.ident, message), userErrors: [] };
  } catch (error) {
    const status = refusalStatus(error);
    if (status === 409) {
      if (dialogException(error) === 'KanIkkeVarsleBrukerException') return failed('thread', cannotNotify());
      return failed('thread', historic(input.threadId !== undefined ? 'threadId' : 'activityId'));
    }
    if (status === 400) return failed('thread', notFound(input.threadId !== undefined ? 'threadId' : 'activityId'));
    throw error;
  }
}

const notFound = (field: string) => userError('NOT_FOUND', field === 'threadId' ? 'The thread is not in the person\'s dialogue.' : 'The activity is not in the person\'s activity plan.', field);

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
