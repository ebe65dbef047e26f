import type { Caller } from '../../../lib/auth/caller.ts';
import { keyedDigest, type KeyedDigest } from '../../../lib/idempotency/digest.ts';
import { memoryIdempotencyStore, type IdempotencyStore } from '../../../lib/idempotency/store.ts';
import type { DialogueMessage, DialogueThread } from '../model.ts';

/**
 * What the nav subgraph remembers of one sendDialogueMessage idempotency key. veilarbdialog has no idempotency of
 * its own (its contract takes no key, and we add no header it lacks), so the graph makes a retry safe itself.
 * Never the text, the person or the caller: `input` is a keyed digest of them; `threadId` is NAV's id.
 */
export type DialogueSendRecord =
  /** A request is sending the message now. */
  | { state: 'sending'; input: string; startedAt: number }
  /** A send whose answer never came (timeout, dropped connection, 5xx): the message may or may not be at NAV. */
  | { state: 'unknown'; input: string; startedAt: number }
  /** NAV answered with the thread that holds the message. */
  | { state: 'sent'; input: string; threadId: string };

/** The ledger of dialogue sends: one per subgraph process, shared by its requests. */
export interface DialogueSends {
  store: IdempotencyStore<DialogueSendRecord>;
  digest: KeyedDigest;
}

export interface DialogueSendsOptions {
  /**
   * Where the records live. @default one process's memory (bounded, expiring). With several replicas, pass a
   * store they share (and the same `secret` to each), or a retry that reaches another replica is a first attempt.
   */
  store?: IdempotencyStore<DialogueSendRecord>;
  /** Records kept at most by the default store. @default 10000 */
  maxKeys?: number;
  /** Seconds a key is remembered after its last change, by the default store. @default 86400 */
  ttlSeconds?: number;
  /** Key of the digests. @default random per process */
  secret?: string;
}

export function createDialogueSends(options: DialogueSendsOptions = {}): DialogueSends {
  return {
    store: options.store ?? memoryIdempotencyStore<DialogueSendRecord>({ maxKeys: options.maxKeys, ttlSeconds: options.ttlSeconds }),
    digest: keyedDigest(options.secret),
  };
}

/**
 * A send still marked `sending` this long after it started lost its process on the way (a shared store outlives
 * one): its outcome is unknown. Every call of a send is bounded by its timeouts, far below this.
 */
export const SENDING_GIVES_UP_MS = 60_000;

/**
 * How far NAV's clock may be behind ours when a retry looks for the message an unanswered attempt may have left:
 * a message of the caller's side with the same text, sent at most this long before that attempt started, is it.
 */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** A key is the caller's own: the same UUID from someone else is another key, and tells them nothing. */
export function sendKey(sends: DialogueSends, caller: Caller, idempotencyKey: string): string {
  return sends.digest(['sendDialogueMessage', caller, idempotencyKey]);
}

/** The side a caller writes as in veilarbdialog. */
export const senderOf = (caller: Caller): DialogueMessage['sender'] => (caller.role === 'nav-advisor' ? 'VEILEDER' : 'BRUKER');

/**
 * The message an unanswered attempt may have left in the thread: from the caller's side, with the same text, sent
 * no earlier than the attempt started (less the clock skew). Another message of the same text and side in that
 * window is taken for it; the retry then sends nothing, and the thread still holds that text once.
 */
export function findSentMessage(thread: DialogueThread | undefined, sender: DialogueMessage['sender'], text: string, startedAt: number): DialogueMessage | undefined {
  return thread?.messages.find((m) => m.sender === sender && m.text === text && m.sentAt.getTime() >= startedAt - CLOCK_SKEW_MS);
}
