import type { Organisation } from '../auth/caller.ts';

export type ConsentPurpose = 'CAREER_NOTE_SHARING' | 'SKILLS_MAPPING';

/** A grant as the owning system records it. Active from givenAt until withdrawnAt. */
export interface Grant {
  /** The owning system's id of the grant (share grant id, kartlegging id), for the audit trail. */
  id: string;
  purpose: ConsentPurpose;
  grantee: Organisation;
  givenAt: Date;
  withdrawnAt: Date | null;
}

export function isActive(grant: Grant, now: Date): boolean {
  return grant.givenAt.getTime() <= now.getTime() && (grant.withdrawnAt === null || grant.withdrawnAt.getTime() > now.getTime());
}

/** What the plumbing asks a subgraph's grant source: may `organisation` see `target` for `purpose`? */
export interface GrantQuery {
  purpose: ConsentPurpose;
  organisation: Organisation;
  /** The data subject (ident). */
  subject: string;
  /** "Type.field" for field-level consent, "Type" for object-level consent. */
  coordinate: string;
  /** The object itself (object-level) or the parent of the field (field-level). */
  target: object;
}

/**
 * Reads grants from the owning system. Implementations batch with a per-request DataLoader (one upstream call
 * per system per request level) and never cache across requests: withdrawal works on the next request.
 */
export interface GrantSource<TContext> {
  find(context: TContext, query: GrantQuery): Promise<Grant | null>;
}
