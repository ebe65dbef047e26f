import type { NavContext } from '../context.ts';
import type { Activity, ActivityPlan as ActivityPlanModel } from '../model.ts';
import type { TypeResolvers } from './types.ts';

export const ActivityPlan = {
  /** The current period's activities; historic ones (ended periods, veilarbaktivitet's `historisk`) on request. */
  async activities(plan: ActivityPlanModel, args: { includeHistoric?: boolean | null }, context: NavContext): Promise<Activity[]> {
    const activities = await context.loaders.activities.load(plan.ident);
    return args.includeHistoric ? activities : activities.filter((a) => !a.historic);
  },
} satisfies TypeResolvers;
