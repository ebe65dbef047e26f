import { z } from 'zod';

/**
 * zod schemas for exactly what stand-ins/contracts/karrieresenter.openapi.yaml says the Karrieresenter returns,
 * for the operations this subgraph calls. A body outside them is a contract violation, not data.
 */

const dateTime = z.iso.datetime({ offset: true });
const fnr = z.string().regex(/^[0-9]{11}$/);
const centreId = z.string().regex(/^KS-[A-Z]{3}$/);
const counsellorId = z.string().regex(/^KV-[0-9]{3}$/);
const navIdent = z.string().regex(/^[A-Z][0-9]{6}$/);

export const modeSchema = z.enum(['OPPMOTE', 'TELEFON', 'DIGITAL']);
export type ContractMode = z.infer<typeof modeSchema>;

const addressSchema = z.object({
  street: z.string(),
  postalCode: z.string().regex(/^[0-9]{4}$/),
  postalTown: z.string(),
});

export const centreSchema = z.object({
  id: centreId,
  name: z.string(),
  address: addressSchema,
  municipality: z.object({ number: z.string().regex(/^[0-9]{4}$/), name: z.string() }),
  homepage: z.url(),
  email: z.email().optional(),
  phone: z.string().optional(),
  modesOffered: z.array(modeSchema).min(1),
});
export type ContractCentre = z.infer<typeof centreSchema>;

export const slotSchema = z.object({
  id: z.string(),
  centreId,
  counsellorId,
  start: dateTime,
  durationMinutes: z.literal(45),
  modes: z.array(modeSchema).min(1),
});
export type ContractSlot = z.infer<typeof slotSchema>;

const locationSchema = z.object({
  mode: modeSchema,
  address: addressSchema.optional(),
  room: z.string().optional(),
  meetingUrl: z.url().optional(),
  phoneInstructions: z.string().optional(),
});
export type ContractLocation = z.infer<typeof locationSchema>;

const navAdvisorSchema = z.object({ navIdent, name: z.string(), email: z.email().optional() });

export const bookingSchema = z.object({
  id: z.uuid(),
  reference: z.string().regex(/^KS-[0-9]{4}-[0-9]{6}$/),
  centreId,
  slotId: z.string(),
  counsellorId,
  person: z.object({
    fnr,
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    phone: z.string().optional(),
  }),
  start: dateTime,
  durationMinutes: z.literal(45),
  mode: modeSchema,
  location: locationSchema,
  courseId: z.uuid(),
  sessionNumber: z.int().min(1).max(3),
  bookedBy: z.object({ type: z.enum(['BRUKER', 'NAV']), navIdent: navIdent.optional() }),
  navAdvisorAttending: navAdvisorSchema.nullish(),
  referredByNav: z.boolean(),
  visibleToNav: z.boolean(),
  status: z.enum(['BOOKET', 'AVLYST', 'GJENNOMFORT', 'IKKE_MOTT']),
  createdAt: dateTime,
  updatedAt: dateTime,
  version: z.int().min(1),
  // messageToCounsellor and cancellation are not read: free text and details this subgraph does not serve.
});
export type ContractBooking = z.infer<typeof bookingSchema>;

export const bookingSearchSchema = z.object({ bookings: z.array(bookingSchema) });

/**
 * A record a person search matched that the system's own rule withheld from the caller (contract extension
 * WithheldRecord): its id and why, for the audit trail only.
 */
export const withheldSchema = z.object({
  id: z.uuid(),
  reason: z.enum(['NOT_SHARED', 'SHARING_WITHDRAWN', 'NOT_VISIBLE_TO_NAV', 'OTHER_CENTRE']),
  grantId: z.uuid().optional(),
});
export type ContractWithheld = z.infer<typeof withheldSchema>;

/** A person's bookings asked for with `includeWithheld`: the list of what was withheld is then part of the answer. */
export const personBookingSearchSchema = z.object({ bookings: z.array(bookingSchema), withheld: z.array(withheldSchema) });

export const notificationSchema = z.object({
  id: z.uuid(),
  bookingId: z.uuid(),
  type: z.enum(['BEKREFTELSE', 'PAMINNELSE', 'AVBESTILLING']),
  channel: z.enum(['EPOST', 'SMS']),
  recipient: z.string(),
  scheduledFor: dateTime,
  sentAt: dateTime.nullable(),
  status: z.enum(['PLANLAGT', 'SENDT', 'FEILET', 'KANSELLERT']),
  content: z.object({
    subject: z.string(),
    location: locationSchema,
    start: dateTime.optional(),
    reflectionQuestions: z.array(z.string()).length(3).optional(),
    homepageUrl: z.url(),
    cancellationUrl: z.url(),
  }),
});
export type ContractNotification = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.array(notificationSchema);

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

export const noteSchema = z.object({
  id: z.uuid(),
  owner: z.object({ type: z.literal('PERSON'), fnr }),
  courseId: z.uuid(),
  bookingIds: z.array(z.uuid()),
  centreId,
  counsellorId,
  status: z.enum(['UTKAST', 'FERDIGSTILT']),
  sections: noteSectionsSchema,
  createdAt: dateTime,
  updatedAt: dateTime,
  finalizedAt: dateTime.nullable(),
  version: z.int().min(1),
});
export type ContractNote = z.infer<typeof noteSchema>;

/** A person's notes, asked for with `includeWithheld`. */
export const noteSearchSchema = z.object({ notes: z.array(noteSchema), withheld: z.array(withheldSchema) });

export const shareGrantSchema = z.object({
  id: z.uuid(),
  noteId: z.uuid(),
  grantee: z.literal('NAV'),
  purpose: z.string().max(200),
  givenAt: dateTime,
  withdrawnAt: dateTime.nullable(),
  method: z.enum(['DIGITAL', 'MUNTLIG', 'SKRIFTLIG']),
  registeredBy: z.object({ type: z.enum(['BRUKER', 'KARRIERESENTER']), counsellorId: counsellorId.optional() }),
});
export type ContractShareGrant = z.infer<typeof shareGrantSchema>;

export const shareGrantSearchSchema = z.object({ grants: z.array(shareGrantSchema) });
