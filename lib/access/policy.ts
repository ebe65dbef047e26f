import type { Caller, Role } from '../auth/caller.ts';

/** The outcome of an access rule of ARCHITECTURE.md §3 for one caller and one person. */
export type AccessDecision = { permit: true } | { permit: false; reason: string };

export const PERMIT: AccessDecision = { permit: true };
export const deny = (reason: string): AccessDecision => ({ permit: false, reason });

/** A rule for one role: may this caller see this person's data in this subgraph? Batched by the implementation. */
export type AccessRule<TContext> = (context: TContext, ident: string) => Promise<AccessDecision>;

/**
 * A subgraph's access policy: one rule per role, so a role nobody thought of is denied, not let through.
 * The plumbing applies it to every field of Person (except the key) before any resolver runs.
 */
export type PersonAccessPolicy<TContext> = Record<Role, AccessRule<TContext>>;

/** The person themself: only their own data. */
export const ownDataOnly =
  <TContext extends { caller: Caller }>(): AccessRule<TContext> =>
  async (context, ident) =>
    context.caller.role === 'citizen' && context.caller.ident === ident ? PERMIT : deny('NOT_DATA_SUBJECT');

/** A role that gets nothing from this subgraph (a counsellor from NAV, a reporting client anywhere). */
export const nothing =
  <TContext>(reason: string): AccessRule<TContext> =>
  async () =>
    deny(reason);
