import type { Actor } from './access.ts';
import type { Dialog } from './types.ts';

/**
 * Threads are stored as a NAV employee sees them: `lest` = the person's messages read by NAV. The person sees
 * `lest` from their side (NAV's messages read by them); each message's `lest` (read by the receiver) is the same
 * for both.
 */
export function dialogView(actor: Actor, dialog: Dialog): Dialog {
  if (actor.kind === 'NAV') return dialog;
  return { ...dialog, lest: dialog.henvendelser.filter((h) => h.avsender === 'VEILEDER').every((h) => h.lest) };
}

/** Whether the thread has messages the actor's side has not read. */
export function harUleste(actor: Actor, dialog: Dialog): boolean {
  const fraAndreSiden = actor.kind === 'NAV' ? 'BRUKER' : 'VEILEDER';
  return dialog.henvendelser.some((h) => h.avsender === fraAndreSiden && !h.lest);
}

/** The thread after the actor's side has read it: the other side's messages are read. */
export function markertLest(actor: Actor, dialog: Dialog, now: string): Dialog {
  const fraAndreSiden = actor.kind === 'NAV' ? 'BRUKER' : 'VEILEDER';
  const henvendelser = dialog.henvendelser.map((h) => (h.avsender === fraAndreSiden && !h.lest ? { ...h, lest: true } : h));
  if (actor.kind === 'NAV') return { ...dialog, henvendelser, lest: true };
  return {
    ...dialog,
    henvendelser,
    erLestAvBruker: true,
    // The time the person last read something new; reading an already-read thread changes nothing.
    lestAvBrukerTidspunkt: harUleste(actor, dialog) ? now : dialog.lestAvBrukerTidspunkt,
  };
}
