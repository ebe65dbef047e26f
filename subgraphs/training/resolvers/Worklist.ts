import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import { badInput, forbidden } from '../../../lib/errors.ts';
import { grantOfRequest } from '../access.ts';
import type { TrainingContext } from '../context.ts';
import { toSkillsMappingRequest } from '../mapping.ts';
import { OPEN_STATUSES, type SkillsMappingStatus } from '../model.ts';

const MAX_PAGE = 100;
const cursorOf = (id: string) => Buffer.from(`request:${id}`).toString('base64url');
const idOfCursor = (cursor: string) => /^request:(.+)$/.exec(Buffer.from(cursor, 'base64url').toString())?.[1];

/**
 * Query.skillsMappingRequests: the training advisor's worklist. One sokKartleggingsforesporsler call by status; only
 * the requests the advisor may see are listed and counted (open, consent active: ARCHITECTURE.md §3), so neither the
 * page nor totalCount reveals a withdrawn request. The contract has no paging, so the subgraph pages by cursor.
 */
export const WorklistResolvers = {
  Query: {
    async skillsMappingRequests(
      _root: unknown,
      args: { status?: SkillsMappingStatus[] | null; first: number; after?: string | null },
      context: TrainingContext,
    ) {
      if (context.caller.role !== 'training-advisor') throw forbidden('Only fagopplæring advisors have a worklist.');
      if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_PAGE) throw badInput(`first must be 1–${MAX_PAGE}.`, 'first');
      const now = context.now();
      const statuses = args.status?.length ? args.status : [...OPEN_STATUSES];
      const visible = (await context.fagopplaering.findRequestsByStatus(statuses))
        .map(toSkillsMappingRequest)
        .filter((r) => OPEN_STATUSES.has(r.status) && grantOfRequest(r, 'FAGOPPLAERING', now) !== null);
      // At most one open request per person (contract): it is the one the access rule asks for, so no call per person.
      for (const request of visible) context.loaders.openRequestOf.clear(request.personIdent).prime(request.personIdent, request);

      let start = 0;
      if (args.after) {
        const id = idOfCursor(args.after);
        const index = id === undefined ? -1 : visible.findIndex((r) => r.id === id);
        if (index < 0) throw badInput('after is not a cursor of this worklist.', 'after');
        start = index + 1;
      }
      const nodes = visible.slice(start, start + args.first);
      const last = nodes.at(-1);
      return {
        totalCount: visible.length,
        pageInfo: { hasNextPage: start + nodes.length < visible.length, endCursor: last ? cursorOf(last.id) : null },
        nodes,
      };
    },
  },
} satisfies GraphQLResolverMap<TrainingContext>;
