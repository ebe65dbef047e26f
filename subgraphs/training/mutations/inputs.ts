import { z } from 'zod';
import { isValidIdent } from '../../../lib/ident.ts';
import { plainText } from '../../../lib/text.ts';

/** zod schemas of the mutations' inputs: checked before any upstream call, so a bad input writes nothing. */

const uuid = z.guid();
const tradeCode = z.string().regex(/^[A-Z]{5}[0-9]-{4}$/);
const route = z.enum(['APPRENTICESHIP', 'EXPERIENCE_BASED_CANDIDATE', 'CERTIFICATE_AT_WORK', 'ADULT_EDUCATION']);
const scope = z.enum(['SUBJECTS_AND_GRADES', 'PRACTICE', 'APPRENTICESHIPS', 'TRAINING_PLAN_TO_NAV']);
const unique = <T>(list: T[]) => new Set(list).size === list.length;

export const requestSkillsMappingInput = (now: Date) =>
  z.object({
    ident: z.string().refine(isValidIdent),
    trades: z.array(tradeCode).min(1).max(3).refine(unique),
    description: plainText(z.string().trim().min(1).max(4000)),
    consent: z
      .object({
        // The DateTime scalar has parsed it; consent cannot be given in the future. How far back it may lie, and
        // that a DIGITAL one has none (the person gives it), are consent rules with codes of their own (consentRules.ts).
        givenAt: z
          .date()
          .refine((d) => d.getTime() <= now.getTime())
          .nullish(),
        method: z.enum(['MUNTLIG', 'SKRIFTLIG', 'DIGITAL']),
        scope: z.array(scope).min(1).refine(unique),
      })
      .refine((c) => c.method === 'DIGITAL' || c.givenAt, { path: ['givenAt'] }),
    referringAdvisor: z.object({
      name: plainText(z.string().trim().min(1).max(100)),
      officeId: z.string().regex(/^[0-9]{4}$/),
      officeName: plainText(z.string().trim().min(1).max(100)),
    }),
    careerNoteId: uuid.nullish(),
    idempotencyKey: uuid,
  });

export const changeSkillsMappingStatusInput = z.object({
  requestId: uuid,
  status: z.enum(['UNDER_BEHANDLING', 'AVSLUTTET']),
  version: z.number().int().min(1),
});

export const issueTrainingPlanInput = z.object({
  requestId: uuid,
  trade: tradeCode,
  route,
  estimatedMonths: z.number().int().min(0).max(96).nullish(),
});

export const withdrawSkillsMappingConsentInput = z.object({ requestId: uuid });

export const giveSkillsMappingConsentInput = z.object({ requestId: uuid, scope: z.array(scope).min(1).refine(unique) });
