import type { MessageDelivery } from './types.ts';
import type { StoredMessage } from './state.ts';

/**
 * The delivery as Digipost reports it at `now`: a letter scheduled for a later `deliveryTime` is COMPLETE (ready,
 * not yet delivered) until that time, then DELIVERED or DELIVERED_TO_PRINT as stored.
 */
export function deliveryAt(message: StoredMessage, now: Date): MessageDelivery {
  const d = message.delivery;
  const delivered = d.status === 'DELIVERED' || d.status === 'DELIVERED_TO_PRINT';
  if (delivered && d.deliveryTime && new Date(d.deliveryTime).getTime() > now.getTime()) {
    return { ...d, status: 'COMPLETE' };
  }
  return d;
}

/** Whether the letter has reached the mailbox or the printer at `now`. */
export function isDelivered(message: StoredMessage, now: Date): boolean {
  const status = deliveryAt(message, now).status;
  return status === 'DELIVERED' || status === 'DELIVERED_TO_PRINT';
}
