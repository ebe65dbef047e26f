import { osloDate } from '../../../lib/time.ts';
import type { NavContext } from '../context.ts';
import type { Activity } from '../model.ts';
import { recordMeetingSummaryInput } from './inputs.ts';
import { activityInPlan, currentVersionOf, finalActivity, isUserError, notInPlan, stale } from './planActivity.ts';
import { refusalStatus } from './upstreamFailure.ts';
import { failed, inputErrors, userError, type NavUserError } from './userErrors.ts';
import { requireRole, requireWriteAccess } from './writeAccess.ts';

interface Payload {
  activity: Activity | null;
  userErrors: NavUserError[];
}

const WITH_SUMMARY = new Set(['MOTE', 'SAMTALEREFERAT']);
const notShared = () => userError('SUMMARY_NOT_SHARED', 'The summary was saved but not shared with the person; record it again to share it.', 'shareWithPerson');

/**
 * The advisor's summary of a conversation (samtalereferat). New: a SAMTALEREFERAT activity, completed, dated
 * today, with title, channel and text. Existing: the summary of a MOTE or SAMTALEREFERAT of the person's plan,
 * sent with the version last read. Sharing publishes it (NAV shows the person a summary only once published).
 * NAV's writes are not idempotent, so nothing is retried: when the create succeeds and the sharing fails, the
 * saved activity is returned with SUMMARY_NOT_SHARED, and recording it again on that activity shares it.
 */
export async function recordMeetingSummary(_: unknown, args: { input: Record<string, unknown> }, context: NavContext): Promise<Payload> {
  requireRole(context, ['nav-advisor']);
  const parsed = recordMeetingSummaryInput.safeParse(args.input);
  if (!parsed.success) return failed('activity', ...inputErrors(parsed.error));
  const input = parsed.data;
  await requireWriteAccess(context, input.ident, 'Mutation.recordMeetingSummary', ['nav-advisor']);
  const share = input.shareWithPerson ?? false;

  if (input.activityId === undefined) {
    const followUp = await context.loaders.followUp.load(input.ident);
    if (!followUp) return failed('activity', userError('NO_OPEN_FOLLOW_UP_PERIOD', 'The person has no open follow-up period.'));
    const today = osloDate(context.now());
    let created: Activity;
    try {
      created = await context.clients.veilarbaktivitet.create(input.ident, followUp.periodId, {
        title: input.title!,
        type: 'SAMTALEREFERAT',
        status: 'FULLFORT',
        fromDate: today,
        toDate: today,
        agreedWithNav: false,
        channel: input.channel,
        summary: input.text,
      });
    } catch (error) {
      if (refusalStatus(error) === 409) return failed('activity', userError('NO_OPEN_FOLLOW_UP_PERIOD', 'The person has no open follow-up period.'));
      throw error;
    }
    if (!share) return { activity: created, userErrors: [] };
    try {
      const published = await context.clients.veilarbaktivitet.writeSummary(input.ident, { id: created.id, version: created.version, text: input.text, publish: true });
      return { activity: published, userErrors: [] };
    } catch {
      context.log.warn({ operation: 'publiserReferat' }, 'summary saved but not shared');
      return { activity: created, userErrors: [notShared()] };
    }
  }

  const current = await activityInPlan(context, input.ident, input.activityId);
  if (isUserError(current)) return failed('activity', current);
  if (!WITH_SUMMARY.has(current.type)) return failed('activity', userError('NOT_A_MEETING', 'Only a meeting or a conversation summary has a summary.', 'activityId'));
  if (current.version !== input.version) return failed('activity', stale(current.version));
  if (current.historic || current.status === 'AVBRUTT') return failed('activity', finalActivity());
  try {
    const activity = await context.clients.veilarbaktivitet.writeSummary(input.ident, { id: current.id, version: current.version, text: input.text, publish: share });
    return { activity, userErrors: [] };
  } catch (error) {
    switch (refusalStatus(error)) {
      case 409: {
        const version = await currentVersionOf(context, input.ident, current.id);
        return failed('activity', version ? stale(version) : notInPlan('activityId'));
      }
      case 400:
        return failed('activity', finalActivity());
      default:
        throw error;
    }
  }
}
