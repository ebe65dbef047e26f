import { z } from 'zod';
import { isValidIdent } from '../../../lib/ident.ts';
import { plainText } from '../../../lib/text.ts';

/**
 * The mutations' inputs as zod schemas, checked before any upstream call: a bad input writes nothing. Messages
 * never echo the value (it may be a fødselsnummer or free text).
 */

const ident = z.string({ error: 'A fødselsnummer or D-number is required.' }).refine(isValidIdent, 'Not a valid fødselsnummer or D-number.');
const id = z.string().regex(/^[0-9]+$/, 'Not a valid id.');
/** Free text NAV stores and shows the other side: bounded, and no control characters (lib/text.ts). */
const text = (max: number) => plainText(z.string().trim().min(1, 'Must not be empty.').max(max, `At most ${max} characters.`));
const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? undefined);

export const createCareerGuidanceActivityInput = z
  .object({
    ident,
    description: optional(text(5000)),
    fromDate: optional(z.string()),
    toDate: optional(z.string()),
    agreedWithNav: optional(z.boolean()),
  })
  .refine((i) => !i.fromDate || !i.toDate || i.toDate >= i.fromDate, { message: 'Must not be before fromDate.', path: ['toDate'] });

export const updateActivityStatusInput = z.object({
  ident,
  activityId: id,
  version: id,
  status: z.enum(['PLANLAGT', 'GJENNOMFORES', 'FULLFORT', 'BRUKER_ER_INTERESSERT', 'AVBRUTT']),
  comment: optional(text(255)),
});

export const sendDialogueMessageInput = z
  .object({
    ident,
    threadId: optional(id),
    activityId: optional(id),
    text: text(5000),
    awaitingReplyFromPerson: optional(z.boolean()),
    idempotencyKey: z.guid('Must be a UUID.'),
  })
  .refine((i) => (i.threadId === undefined) !== (i.activityId === undefined), {
    message: 'Give exactly one of threadId and activityId.',
    path: ['threadId'],
  });

export const recordMeetingSummaryInput = z
  .object({
    ident,
    activityId: optional(id),
    version: optional(id),
    title: optional(text(100)),
    channel: optional(z.enum(['OPPMOTE', 'TELEFON', 'INTERNETT'])),
    text: text(5000),
    shareWithPerson: optional(z.boolean()),
  })
  .superRefine((i, ctx) => {
    if (i.activityId !== undefined) {
      if (i.version === undefined) ctx.addIssue({ code: 'custom', message: 'The version last read is required with activityId.', path: ['version'] });
      return;
    }
    if (i.title === undefined) ctx.addIssue({ code: 'custom', message: 'A title is required for a new conversation summary.', path: ['title'] });
    if (i.channel === undefined) ctx.addIssue({ code: 'custom', message: 'A channel is required for a new conversation summary.', path: ['channel'] });
  });
