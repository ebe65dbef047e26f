import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import { z } from 'zod';
import type { Caller } from '../auth/caller.ts';
import type { UpstreamHttp } from '../upstream/http.ts';
import { PERMIT, deny, type AccessDecision, type AccessRule } from './policy.ts';

const evaluateResponse = z.object({
  results: z.array(
    z.object({
      requestId: z.string(),
      decision: z.object({ type: z.enum(['PERMIT', 'DENY']), message: z.string().nullish(), reason: z.string().nullish() }),
    }),
  ),
});

/** poao-tilgang takes at most 1000 policy requests per call. */
const MAX_BATCH = 1000;

/**
 * NAV's access decision for a NAV employee and persons (poao-tilgang, policy NAV_ANSATT_TILGANG_TIL_EKSTERN_BRUKER_V2),
 * one batch call per request level, per request (a decision is never reused across requests).
 */
export function createPoaoTilgangLoader(http: UpstreamHttp, azureId: string, tilgangType: 'LESE' | 'SKRIVE' = 'LESE') {
  return new DataLoader<string, AccessDecision>(
    async (idents) => {
      const requests = idents.map((norskIdent) => ({
        requestId: randomUUID(),
        policyId: 'NAV_ANSATT_TILGANG_TIL_EKSTERN_BRUKER_V2',
        policyInput: { navAnsattAzureId: azureId, tilgangType, norskIdent },
      }));
      const { data } = await http({
        operation: 'evaluatePolicies',
        method: 'POST',
        path: '/poao-tilgang/api/v1/policy/evaluate',
        body: { requests },
        schema: evaluateResponse,
      });
      const byRequest = new Map(data.results.map((r) => [r.requestId, r.decision]));
      // A missing answer is a DENY: access is never assumed.
      return requests.map((r) => {
        const decision = byRequest.get(r.requestId);
        return decision?.type === 'PERMIT' ? PERMIT : deny(decision?.reason ?? 'NO_DECISION');
      });
    },
    { maxBatchSize: MAX_BATCH },
  );
}

/** The nav-advisor rule: whatever poao-tilgang decides for this advisor and person. */
export const navAdvisorViaPoaoTilgang =
  <TContext extends { caller: Caller; poaoTilgang?: DataLoader<string, AccessDecision> }>(): AccessRule<TContext> =>
  async (context, ident) => {
    if (context.caller.role !== 'nav-advisor' || !context.poaoTilgang) return deny('NOT_NAV_ADVISOR');
    return context.poaoTilgang.load(ident);
  };
