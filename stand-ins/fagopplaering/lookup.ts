import type { UpstreamCaller } from '../common/app.ts';
import { isHiddenFrom } from './access.ts';
import { uuidParam } from './schemas.ts';
import type { FagopplaeringState } from './state.ts';
import type { Kartleggingsforesporsel, Opplaeringsplan } from './types.ts';

/**
 * A request by path id, as `caller` may know of it: a malformed id finds nothing (404), like an unknown one, and so
 * does a request hidden from the caller (one awaiting the person's consent, for the county's advisors).
 */
export function requestById(state: FagopplaeringState, id: string | undefined, caller: UpstreamCaller): Kartleggingsforesporsel | undefined {
  const request = uuidParam.safeParse(id).success ? state.kartlegginger.get(id!.toLowerCase()) : undefined;
  return request && !isHiddenFrom(caller, request) ? request : undefined;
}

/** A plan by path id, with the request it belongs to. */
export function planById(
  state: FagopplaeringState,
  id: string | undefined,
): { plan: Opplaeringsplan; request: Kartleggingsforesporsel } | undefined {
  if (!uuidParam.safeParse(id).success) return undefined;
  const plan = state.opplaeringsplaner.get(id!.toLowerCase());
  const request = plan && state.kartlegginger.get(plan.kartleggingId);
  return plan && request ? { plan, request } : undefined;
}
