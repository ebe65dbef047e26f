import { personal } from '../../../lib/consent/subject.ts';
import type { NavContext } from '../context.ts';
import type { Activity as ActivityModel, DialogueThread, MeetingChannel } from '../model.ts';
import type { TypeResolvers } from './types.ts';

/** The GraphQL MeetingSummary: the record with the text as the caller may read it. */
interface MeetingSummaryView {
  channel: MeetingChannel | null;
  text: string | null;
  sharedWithPerson: boolean;
}

export const Activity = {
  /**
   * The person reads a summary only once NAV has published it, exactly as veilarbaktivitet shows it; the
   * service already withholds it, and this holds even if it did not. Only NAV reads an unpublished draft.
   */
  meetingSummary(activity: ActivityModel, _args: unknown, context: NavContext): MeetingSummaryView | null {
    const summary = activity.meetingSummary;
    if (!summary) return null;
    const mayRead = summary.published || context.caller.role === 'nav-advisor';
    return personal(activity.ownerIdent, { channel: summary.channel, text: mayRead ? summary.text : null, sharedWithPerson: summary.published });
  },

  /** An activity has at most one thread; the person's threads are read once per request for all activities. */
  async dialogue(activity: ActivityModel, _args: unknown, context: NavContext): Promise<DialogueThread | null> {
    const threads = await context.loaders.threads.load(activity.ownerIdent);
    return threads.find((t) => t.activityId === activity.id) ?? null;
  },
} satisfies TypeResolvers;
