import type { Caller } from '../../../lib/auth/caller.ts';
import type { NavContext } from '../context.ts';
import type { DialogueSender, DialogueThread as DialogueThreadModel } from '../model.ts';
import type { TypeResolvers } from './types.ts';

/** The side the caller reads from: the person, or NAV (an advisor). */
const sideOf = (caller: Caller): DialogueSender => (caller.role === 'citizen' ? 'BRUKER' : 'VEILEDER');

/** Unread and "waiting for reply" are seen from the caller's side, as veilarbdialog answers each side. */
export const DialogueThread = {
  /** Messages from the other side not yet read by the caller's side (each message's `lest` = read by its receiver). */
  unreadCount(thread: DialogueThreadModel, _args: unknown, context: NavContext): number {
    const side = sideOf(context.caller);
    return thread.messages.filter((m) => m.sender !== side && !m.readByRecipient).length;
  },

  /** A reply is owed by the caller's side: "venter på svar fra NAV" for an advisor, "fra bruker" for the person. */
  waitingForReply(thread: DialogueThreadModel, _args: unknown, context: NavContext): boolean {
    return sideOf(context.caller) === 'BRUKER' ? thread.awaitingReplyFromPerson : thread.awaitingReplyFromNav;
  },
} satisfies TypeResolvers;
