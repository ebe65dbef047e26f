/** Fagopplæring stand-in: records, Grep catalogue, skills-mapping requests, training plans (sent via Digipost), statistics. */
export { createFagopplaeringStandIn, startFagopplaeringStandIn, type FagopplaeringStandInOptions } from './app.ts';
export type { FagopplaeringState } from './state.ts';
export type { Kartleggingsforesporsel, KartleggingStatus, Omfang, Opplaeringsplan, PersonOpplaeringsdata } from './types.ts';
