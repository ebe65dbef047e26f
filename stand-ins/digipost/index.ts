/** Digipost stand-in: the JSON façade of the sender API (identify, send with print fallback, status). */
export { createDigipostStandIn, startDigipostStandIn, type DigipostStandInOptions } from './app.ts';
export type { DigipostState, StoredMessage } from './state.ts';
export type { IdentificationResult, MessageDelivery, MessageRecipient, PrintDetails, PrintRecipient } from './types.ts';
