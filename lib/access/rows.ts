import type { AccessDecision } from './policy.ts';

/**
 * A row-level rule (ARCHITECTURE.md §3): may the caller see this one record (a booking, a note) of a person whose
 * data they may otherwise see? NAV sees only some of a person's bookings, a counsellor only their own centre's.
 * Decided on the model object a resolver returned, synchronously: the record already holds what the rule needs.
 */
export type RowRule<TContext> = (context: TContext, row: object) => AccessDecision;

/**
 * A subgraph's row rules by GraphQL object type. The plumbing (lib/consent/enforce.ts) applies the rule of a type to
 * every object of that type any field returns, for every caller but the person themself, after the person-level
 * access rule and before consent: a refused row is left out of lists (FORBIDDEN when asked for alone) and every
 * decision is audited. So no resolver filters rows itself.
 */
export type RowRules<TContext> = Readonly<Record<string, RowRule<TContext>>>;
