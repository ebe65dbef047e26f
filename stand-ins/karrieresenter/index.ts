/** Karrieresenter stand-in: an embedded copy of the county career centres' booking system. */
export { createKarrieresenterStandIn, startKarrieresenterStandIn, type KarrieresenterStandInOptions } from './app.ts';
export type { KarrieresenterState, KarrieresenterFixture } from './state.ts';
export type * from './types.ts';
