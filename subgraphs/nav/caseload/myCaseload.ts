import { badInput, forbidden } from '../../../lib/errors.ts';
import { personal } from '../../../lib/consent/subject.ts';
import { ageOfIdent, inTargetGroup } from '../age.ts';
import type { NavContext } from '../context.ts';
import type { PersonRef } from '../model.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';

/** A page holds at most this many persons: each costs a few NAV calls in every subgraph. */
export const MAX_PAGE_SIZE = 100;

export interface CaseloadPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: PersonRef[];
}

/**
 * The calling advisor's caseload, target group first. The whole list of idents comes from veilarbportefolje (one
 * call per office the advisor has access to), is ordered here — the target group is a fact of the ident, not a
 * filter NAV knows — and paged with opaque cursors. The access decisions for the page are one poao-tilgang batch;
 * a person it denies is left out. Each node is only a key: its fields are read (batched, concurrency-limited, once
 * per person) by the subgraph that owns them.
 */
export async function myCaseload(_: unknown, args: { first: number; after?: string | null }, context: NavContext): Promise<CaseloadPage> {
  const caller = context.caller;
  if (caller.role !== 'nav-advisor' || !context.poaoTilgang) throw forbidden('Only a NAV advisor has a caseload.');
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}.`, 'first');
  }
  const offset = decodeCursor(args.after);

  const offices = await context.clients.permittedOffices(caller.azureId);
  const lists = await Promise.all(offices.map((office) => context.clients.veilarbportefolje.caseloadOf(caller.navIdent, office)));
  const idents = targetGroupFirst([...new Set(lists.flat())], context.now());

  const pageIdents = idents.slice(offset, offset + args.first);
  const decisions = pageIdents.length ? await context.poaoTilgang.loadMany(pageIdents) : [];
  const visible = pageIdents.filter((_, i) => {
    const d = decisions[i];
    return d !== undefined && !(d instanceof Error) && d.permit;
  });
  const end = offset + pageIdents.length;
  return {
    totalCount: idents.length,
    pageInfo: { hasNextPage: end < idents.length, endCursor: pageIdents.length ? encodeCursor(end) : null },
    nodes: visible.map((ident) => personal(ident, { ident })),
  };
}

/** Persons aged 18–35 first; otherwise NAV's order (surname) is kept. Sorting is stable. */
function targetGroupFirst(idents: string[], now: Date): string[] {
  const rank = (ident: string) => {
    const age = ageOfIdent(ident, now);
    return age !== null && inTargetGroup(age) ? 0 : 1;
  };
  return idents.map((ident) => ({ ident, rank: rank(ident) })).sort((a, b) => a.rank - b.rank).map((x) => x.ident);
}
