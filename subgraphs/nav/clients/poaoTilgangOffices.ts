import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { UpstreamHttp } from '../../../lib/upstream/http.ts';

const evaluateResponse = z.object({
  results: z.array(z.object({ requestId: z.string(), decision: z.object({ type: z.enum(['PERMIT', 'DENY']) }) })),
});

/**
 * The offices among `officeIds` the NAV employee has access to (poao-tilgang NAV_ANSATT_TILGANG_TIL_NAV_ENHET_V1),
 * in one batch call. A missing answer is a DENY: access is never assumed.
 */
export async function permittedOffices(http: UpstreamHttp, azureId: string, officeIds: readonly string[]): Promise<string[]> {
  if (officeIds.length === 0) return [];
  const requests = officeIds.map((navEnhetId) => ({
    requestId: randomUUID(),
    policyId: 'NAV_ANSATT_TILGANG_TIL_NAV_ENHET_V1',
    policyInput: { navAnsattAzureId: azureId, navEnhetId },
  }));
  const { data } = await http({
    operation: 'evaluatePolicies',
    method: 'POST',
    path: '/poao-tilgang/api/v1/policy/evaluate',
    body: { requests },
    schema: evaluateResponse,
  });
  const permitted = new Set(data.results.filter((r) => r.decision.type === 'PERMIT').map((r) => r.requestId));
  return requests.filter((r) => permitted.has(r.requestId)).map((r) => r.policyInput.navEnhetId);
}
