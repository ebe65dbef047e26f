export { createLocalIssuer, startLocalIssuer } from './issuer.ts';
export type { LocalIssuer, LocalIssuerOptions, RunningIssuer, SignTokenOptions } from './issuer.ts';
export { defaultClients } from './clients.ts';
export type { IssuerClient } from './clients.ts';
export { upstreamClaimsFor } from './upstreamClaims.ts';
