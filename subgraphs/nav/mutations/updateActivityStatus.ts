import type { NavContext } from '../context.ts';
import type { Activity } from '../model.ts';
import { updateActivityStatusInput } from './inputs.ts';
import { activityInPlan, currentVersionOf, FINAL_STATUSES, finalActivity, isUserError, notInPlan, stale } from './planActivity.ts';
import { refusalStatus } from './upstreamFailure.ts';
import { failed, inputErrors, type NavUserError } from './userErrors.ts';
import { requireRole, requireWriteAccess, subjectOfInput } from './writeAccess.ts';

interface Payload {
  activity: Activity | null;
  userErrors: NavUserError[];
}

/**
 * Changes an activity's status with optimistic concurrency. The plan is read first: a stale version is a CONFLICT
 * with the current version (checked before the final status, as veilarbaktivitet does, so a stale client learns
 * first that it is stale), and a final or historic activity is refused without a write. NAV's own 409/400 cover
 * a change in between.
 */
export async function updateActivityStatus(_: unknown, args: { input: Record<string, unknown> }, context: NavContext): Promise<Payload> {
  requireRole(context, ['citizen', 'nav-advisor']);
  const parsed = updateActivityStatusInput.safeParse({ ...args.input, ident: subjectOfInput(context, args.input.ident as string | undefined) });
  if (!parsed.success) return failed('activity', ...inputErrors(parsed.error));
  const input = parsed.data;
  await requireWriteAccess(context, input.ident, 'Mutation.updateActivityStatus', ['citizen', 'nav-advisor']);

  const current = await activityInPlan(context, input.ident, input.activityId);
  if (isUserError(current)) return failed('activity', current);
  if (current.version !== input.version) return failed('activity', stale(current.version));
  if (current.historic || FINAL_STATUSES.has(current.status)) return failed('activity', finalActivity());
  try {
    const activity = await context.clients.veilarbaktivitet.updateStatus(input.ident, {
      id: input.activityId,
      version: input.version,
      status: input.status,
      comment: FINAL_STATUSES.has(input.status) ? input.comment : undefined,
    });
    return { activity, userErrors: [] };
  } catch (error) {
    switch (refusalStatus(error)) {
      case 409: {
        const version = await currentVersionOf(context, input.ident, input.activityId);
        return failed('activity', version ? stale(version) : notInPlan('activityId'));
      }
      case 400:
        return failed('activity', finalActivity());
      case 404:
        return failed('activity', notInPlan('activityId'));
      default:
        throw error;
    }
  }
}
