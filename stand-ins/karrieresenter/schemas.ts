import { z } from 'zod';

/**
 * Request bodies and parameters of the contract, checked before anything changes: a request that fails here
 * is answered 400 VALIDATION_FAILED and leaves the state as it was.
 */
const fnr = z.string().regex(/^[0-9]{11}$/);
const navIdent = z.string().regex(/^[A-Z][0-9]{6}$/);
const mode = z.enum(['OPPMOTE', 'TELEFON', 'DIGITAL']);
const bookingStatus = z.enum(['BOOKET', 'AVLYST', 'GJENNOMFORT', 'IKKE_MOTT']);
const dateTime = z.iso.datetime({ offset: true });
const month = z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/);

// The contract says `format: uuid`, which ajv checks as 8-4-4-4-12 hex without version bits; z.guid() is that check.
export const uuid = z.guid();
export const centreIdValue = z.string().regex(/^KS-[A-Z]{3}$/);

export const bookingRequestSchema = z.object({
  slotId: z.string().min(1),
  mode,
  person: z.object({
    fnr,
    firstName: z.string().max(100),
    lastName: z.string().max(100),
    email: z.email(),
    phone: z.string().regex(/^\+[0-9]{8,15}$/).optional(),
  }),
  courseId: uuid.optional(),
  bookedBy: z.object({ type: z.enum(['BRUKER', 'NAV']), navIdent: navIdent.optional() }),
  navAdvisorAttending: z.object({ navIdent, name: z.string(), email: z.email().optional() }).optional(),
  referredByNav: z.boolean().default(false),
  visibleToNav: z.boolean().default(false),
  messageToCounsellor: z.string().max(1000).optional(),
});
export type BookingRequest = z.infer<typeof bookingRequestSchema>;

export const bookingSearchSchema = z
  .object({
    fnr: fnr.optional(),
    // A counsellor's working day: the centre's bookings instead of one person's.
    centreId: centreIdValue.optional(),
    statuses: z.array(bookingStatus).optional(),
    from: dateTime.optional(),
    to: dateTime.optional(),
    // Contract extension: list what the caller's rule withheld, by id and reason (searches by fnr).
    includeWithheld: z.boolean().default(false),
  })
  .refine((b) => (b.fnr === undefined) !== (b.centreId === undefined), { message: 'exactly one of fnr and centreId', path: ['fnr'] });

export const cancelSchema = z.object({
  cancelledBy: z.enum(['BRUKER', 'NAV', 'KARRIERESENTER']),
  navIdent: navIdent.optional(),
  reason: z.string().max(500).optional(),
});

export const outcomeSchema = z.object({ status: z.enum(['GJENNOMFORT', 'IKKE_MOTT']) });

export const slotQuerySchema = z.object({
  centreId: centreIdValue.optional(),
  from: dateTime.optional(),
  to: dateTime.optional(),
  mode: mode.optional(),
});

const section = z.string().max(4000);
export const noteSectionsSchema = z.object({
  schoolAndWorkExperience: section,
  interests: section,
  skillsUsedAndDeveloped: section,
  motivationAndMasteryFactors: section,
  values: section,
  needs: section,
  wayForward: section,
  tipsForFurtherExploration: section,
  questionsForNavOrTraining: section,
});

export const createNoteSchema = z.object({ courseId: uuid, sections: noteSectionsSchema });
export const updateNoteSchema = z.object({ sections: noteSectionsSchema, status: z.enum(['UTKAST', 'FERDIGSTILT']) });
export const noteSearchSchema = z.object({ fnr, includeWithheld: z.boolean().default(false) });

export const grantSchema = z.object({
  grantee: z.literal('NAV'),
  purpose: z.string().min(1).max(200),
  method: z.enum(['DIGITAL', 'MUNTLIG', 'SKRIFTLIG']),
});

export const grantSearchSchema = z.object({ noteIds: z.array(uuid).min(1).max(500) });

export const bookingReportQuerySchema = z.object({
  fromMonth: month,
  toMonth: month,
  referredByNav: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

export const noteSharingReportQuerySchema = z.object({ fromMonth: month, toMonth: month });

/** `Idempotency-Key`: required, a UUID. */
export const idempotencyKeySchema = z.guid();
