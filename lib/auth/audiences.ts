/**
 * Audiences of the tokens the subgraphs get by token exchange, one per upstream system. The local issuer
 * issues exactly these; in production each is the system's own client id at TokenX or Entra ID.
 */
export const UPSTREAM_AUDIENCE = {
  nav: 'nav-api',
  karrieresenter: 'karrieresenter-api',
  fagopplaering: 'fagopplaering-api',
  digipost: 'digipost-api',
} as const;
export type UpstreamAudience = (typeof UPSTREAM_AUDIENCE)[keyof typeof UPSTREAM_AUDIENCE];

/** The client ids of the subgraphs at the issuer (the token-exchange clients). */
export const SUBGRAPH_CLIENT = {
  nav: 'nav-subgraph',
  career: 'career-subgraph',
  training: 'training-subgraph',
} as const;
