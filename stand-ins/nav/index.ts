export { createNavStandIn, startNavStandIn, type NavStandInOptions } from './app.ts';
export { NavState, loadNavState } from './state.ts';
export type { Aktivitet, Dialog, Henvendelse, NavFixture, NavPerson, Veileder } from './types.ts';
