/**
 * Who is calling, known only from a verified token (ARCHITECTURE.md §3). Every subgraph and the gateway work
 * with this type; nothing else about the caller is trusted.
 */
export type Role = 'citizen' | 'nav-advisor' | 'career-counsellor' | 'training-advisor' | 'partner-reporting';
export const ROLES: readonly Role[] = ['citizen', 'nav-advisor', 'career-counsellor', 'training-advisor', 'partner-reporting'];

/** Organisations of ARCHITECTURE.md §4 (the `Organisation` enum of the @consent directive). */
export type Organisation = 'NAV' | 'KARRIERESENTER' | 'FAGOPPLAERING';

export type Caller =
  /** The person (ID-porten via TokenX in production): `pid` claim. */
  | { role: 'citizen'; ident: string }
  /** NAV veileder (Entra ID): `NAVident` and the Entra object id `oid` that poao-tilgang needs. */
  | { role: 'nav-advisor'; navIdent: string; azureId: string }
  /** Karrieresenter counsellor (county IdP): counsellor id and the centre the token names. */
  | { role: 'career-counsellor'; counsellorId: string; centreId: string }
  /** Fagopplæring rådgiver (county IdP). */
  | { role: 'training-advisor'; advisorId: string }
  /** A reporting client (client credentials): aggregates only. */
  | { role: 'partner-reporting'; clientId: string };

/** The organisation a caller acts for; null for the person themself and for reporting clients. */
export function organisationOf(caller: Caller): Organisation | null {
  switch (caller.role) {
    case 'nav-advisor':
      return 'NAV';
    case 'career-counsellor':
      return 'KARRIERESENTER';
    case 'training-advisor':
      return 'FAGOPPLAERING';
    default:
      return null;
  }
}

/** An id for the audit trail and logs: never a fødselsnummer (citizens are logged as "citizen"). */
export function actorId(caller: Caller): string {
  switch (caller.role) {
    case 'citizen':
      return 'citizen';
    case 'nav-advisor':
      return caller.navIdent;
    case 'career-counsellor':
      return caller.counsellorId;
    case 'training-advisor':
      return caller.advisorId;
    case 'partner-reporting':
      return caller.clientId;
  }
}

/** A verified bearer token and the caller it names. `toString` hides the token so it cannot be logged. */
export interface VerifiedToken {
  caller: Caller;
  /** The raw JWT, for token exchange only. */
  readonly token: string;
  /** Expiry, seconds since the epoch. */
  expiresAt: number;
}
