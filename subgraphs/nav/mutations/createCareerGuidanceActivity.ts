import type { NavContext } from '../context.ts';
import type { Activity } from '../model.ts';
import { createCareerGuidanceActivityInput } from './inputs.ts';
import { refusalStatus } from './upstreamFailure.ts';
import { failed, inputErrors, userError, type NavUserError } from './userErrors.ts';
import { requireRole, requireWriteAccess } from './writeAccess.ts';

/** The card's fixed title, as the Trøndelag model names the activity. */
export const CAREER_GUIDANCE_TITLE = 'Karriereveiledning';
/** What the card is for (hensikt), so the person sees why it is in their plan. */
const PURPOSE = 'Karriereveiledning hos Karrieresenteret: finne ut om et fagbrev kan være en vei videre.';

interface Payload {
  activity: Activity | null;
  userErrors: NavUserError[];
}

const noOpenPeriod = () => userError('NO_OPEN_FOLLOW_UP_PERIOD', 'The person has no open follow-up period; no activity can be created.');

/**
 * Creates the career guidance card (type EGEN, status PLANLAGT) in the person's current follow-up period. The
 * period is read first, so a person not under follow-up gets a userError without a write attempt; a period that
 * closes in between is NAV's 409, the same userError.
 */
export async function createCareerGuidanceActivity(_: unknown, args: { input: Record<string, unknown> }, context: NavContext): Promise<Payload> {
  requireRole(context, ['nav-advisor']);
  const parsed = createCareerGuidanceActivityInput.safeParse(args.input);
  if (!parsed.success) return failed('activity', ...inputErrors(parsed.error));
  const input = parsed.data;
  await requireWriteAccess(context, input.ident, 'Mutation.createCareerGuidanceActivity', ['nav-advisor']);

  const followUp = await context.loaders.followUp.load(input.ident);
  if (!followUp) return failed('activity', noOpenPeriod());
  try {
    const activity = await context.clients.veilarbaktivitet.create(input.ident, followUp.periodId, {
      title: CAREER_GUIDANCE_TITLE,
      type: 'EGEN',
      status: 'PLANLAGT',
      description: input.description,
      purpose: PURPOSE,
      fromDate: input.fromDate,
      toDate: input.toDate,
      agreedWithNav: input.agreedWithNav ?? false,
    });
    return { activity, userErrors: [] };
  } catch (error) {
    if (refusalStatus(error) === 409) return failed('activity', noOpenPeriod());
    throw error;
  }
}
