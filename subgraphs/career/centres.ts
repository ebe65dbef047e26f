import { upstreamContractViolation } from '../../lib/upstream/errors.ts';
import type { CareerContext } from './context.ts';
import { toCentre } from './map.ts';
import type { CareerCentre, CentreRef } from './model.ts';

/**
 * The centre a booking, note or slot refers to, from the centre list read once per request. A reference to a
 * centre the system does not list is the system breaking its own contract.
 */
export async function centreOf(context: CareerContext, ref: CentreRef): Promise<CareerCentre> {
  const centre = (await context.loaders.centres()).get(ref.id);
  if (!centre) {
    context.log.warn({ system: 'karrieresenter', centreId: ref.id }, 'reference to an unknown centre');
    throw upstreamContractViolation('karrieresenter');
  }
  return toCentre(centre);
}
