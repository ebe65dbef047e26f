import { z } from 'zod';
import { isValidIdent } from '../../../lib/ident.ts';
import { plainText } from '../../../lib/text.ts';

/**
 * The mutations' inputs as zod checks them, before any upstream call: a bad input writes nothing. The bounds are
 * the booking system's (karrieresenter.openapi.yaml), so what passes here is not refused there for its shape.
 */

const uuid = z.guid('Must be a UUID.');
const name = z.string().trim().min(1, 'Must not be empty.').max(100, 'At most 100 characters.');
const mode = z.enum(['IN_PERSON', 'PHONE', 'DIGITAL']);
/** The contract's stable slot id: SL-<centre>-<yyyyMMdd>-<HHmm>-<counsellor>. */
export const SLOT_ID = /^SL-(KS-[A-Z]{3})-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})-(KV-\d{3})$/;

export const bookGuidanceInput = z.object({
  ident: z.string().refine(isValidIdent, 'Must be a fødselsnummer or D-number.'),
  slotId: z.string().regex(SLOT_ID, 'Not a slot id.'),
  mode,
  contact: z.object({
    firstName: name,
    lastName: name,
    email: z.email('Must be an e-mail address.').max(254),
    phone: z
      .string()
      .regex(/^\+[0-9]{8,15}$/, 'Must be a phone number in international form, e.g. +4791234567.')
      .nullish()
      .transform((v) => v ?? undefined),
  }),
  attendingAdvisor: z
    .object({ navIdent: z.string().regex(/^[A-Z][0-9]{6}$/, 'Must be a NAV ident, e.g. Z990001.'), name })
    .nullish()
    .transform((v) => v ?? undefined),
  visibleToNav: z.boolean().default(false),
  referredByNav: z.boolean().default(false),
  previousBookingId: uuid.nullish().transform((v) => v ?? undefined),
  idempotencyKey: uuid,
});
export type BookGuidanceInput = z.output<typeof bookGuidanceInput>;

export const bookingIdInput = z.object({ bookingId: uuid });

export const completeGuidanceSessionInput = z.object({ bookingId: uuid, attended: z.boolean() });

/** A section: at most the system's 4000 characters, free text by the shared rule (lib/text.ts). */
const section = plainText(z.string().max(4000, 'At most 4000 characters.'));

export const SECTION_NAMES = [
  'educationAndWorkExperience',
  'interests',
  'strengths',
  'motivationAndMastery',
  'values',
  'needs',
  'wayForward',
  'explorationTips',
  'questionsForNavOrTraining',
] as const;

export const writeCareerNoteInput = z
  .object({
    bookingId: uuid,
    content: z.object(Object.fromEntries(SECTION_NAMES.map((n) => [n, section])) as Record<(typeof SECTION_NAMES)[number], typeof section>),
    final: z.boolean().default(false),
    idempotencyKey: uuid,
    expectedVersion: z.number().int().min(1).nullish(),
  })
  .superRefine((input, ctx) => {
    // A draft may have gaps; the note the person may share with NAV is complete.
    if (!input.final) return;
    for (const n of SECTION_NAMES) {
      if (input.content[n].trim() === '') ctx.addIssue({ code: 'custom', path: ['content', n], message: 'A final note has every section filled in.' });
    }
  });
export type WriteCareerNoteInput = z.output<typeof writeCareerNoteInput>;

export const noteIdInput = z.object({ noteId: uuid });
