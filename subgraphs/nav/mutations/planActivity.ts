import type { NavContext } from '../context.ts';
import type { Activity } from '../model.ts';
import { userError, type NavUserError } from './userErrors.ts';

/** Statuses from which an activity cannot change (veilarbaktivitet's "ferdig status"). */
export const FINAL_STATUSES: ReadonlySet<string> = new Set(['FULLFORT', 'AVBRUTT']);

export const notInPlan = (field: string) => userError('NOT_FOUND', 'The activity is not in the person\'s activity plan.', field);
export const stale = (currentVersion: string) =>
  userError('CONFLICT', 'The activity changed since it was read; read it again and retry.', 'version', currentVersion);
export const finalActivity = () => userError('ACTIVITY_FINAL', 'The activity is completed, cancelled or historic and cannot change.', 'activityId');

/**
 * The activity `activityId` from the person's own plan, or the userError why not: an id from someone else's plan
 * is NOT_FOUND, so a write can never reach another person's activity through this person's access.
 */
export async function activityInPlan(context: NavContext, ident: string, activityId: string): Promise<Activity | NavUserError> {
  const activities = await context.loaders.activities.load(ident);
  return activities.find((a) => a.id === activityId) ?? notInPlan('activityId');
}

/** The activity's current version after NAV refused a stale one (read again: the request's loader holds the old). */
export async function currentVersionOf(context: NavContext, ident: string, activityId: string): Promise<string | undefined> {
  const activities = await context.clients.veilarbaktivitet.activitiesOf(ident);
  return activities.find((a) => a.id === activityId)?.version;
}

export const isUserError = (value: unknown): value is NavUserError => typeof value === 'object' && value !== null && 'code' in value && !('id' in value);
