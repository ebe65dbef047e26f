import { z } from 'zod';
import { createUpstreamHttp, type UpstreamRequestScope } from '../../../lib/upstream/http.ts';
import { UpstreamHttpError } from '../../../lib/upstream/errors.ts';

/**
 * The Karrieresenter API (karrieresenter.openapi.yaml), only as the training subgraph needs it: whether a note NAV
 * wants to attach to a skills-mapping request is one NAV may read now. The note's content is never kept: the
 * schema reads its owner and status only.
 */
export interface KarrieresenterClient {
  /** getNote as the caller (for NAV: 404 unless an active share grant to NAV exists); null when not found. */
  noteOwnerAndStatus(noteId: string): Promise<{ ownerIdent: string; status: 'UTKAST' | 'FERDIGSTILT' } | null>;
}

const note = z.object({
  id: z.uuid(),
  owner: z.object({ type: z.literal('PERSON'), fnr: z.string().regex(/^[0-9]{11}$/) }),
  status: z.enum(['UTKAST', 'FERDIGSTILT']),
});

export function createKarrieresenterClient(options: { baseUrl: string; timeoutMs?: number }, scope: UpstreamRequestScope): KarrieresenterClient {
  const http = createUpstreamHttp({ system: 'karrieresenter', baseUrl: options.baseUrl, timeoutMs: options.timeoutMs, correlationHeader: 'X-Correlation-ID' }, scope);
  return {
    async noteOwnerAndStatus(noteId) {
      try {
        const { data } = await http({ operation: 'getNote', method: 'GET', path: `/notes/${encodeURIComponent(noteId)}`, schema: note });
        return { ownerIdent: data.owner.fnr, status: data.status };
      } catch (error) {
        if (error instanceof UpstreamHttpError && error.status === 404) return null;
        throw error;
      }
    },
  };
}
