import { z } from 'zod';

/** Request bodies of the Digipost façade (digipost.openapi.yaml), checked before anything is stored. */

export const identificationBody = z.object({
  personalIdentificationNumber: z.string().regex(/^[0-9]{11}$/),
});

const printRecipient = z.object({
  name: z.string().min(1),
  norwegianAddress: z.object({
    addressline1: z.string().min(1),
    addressline2: z.string().optional(),
    zipCode: z.string().regex(/^[0-9]{4}$/),
    city: z.string().min(1),
  }),
});

const printDetails = z.object({
  recipient: printRecipient,
  returnAddress: printRecipient,
  color: z.enum(['MONOCHROME', 'COLORS']).default('MONOCHROME'),
  nondeliverableHandling: z.enum(['SHRED', 'RETURN_TO_SENDER']).default('SHRED'),
});

const documentInput = z.object({
  uuid: z.guid(),
  subject: z.string().min(1).max(100),
  fileType: z.enum(['pdf', 'html']),
  authenticationLevel: z.enum(['PASSWORD', 'TWO_FACTOR', 'IDPORTEN_3', 'IDPORTEN_4']).default('PASSWORD'),
  sensitivityLevel: z.enum(['NORMAL', 'SENSITIVE']).default('NORMAL'),
  // Read-only in the contract: a client's value is ignored.
  opened: z.boolean().nullable().optional(),
  content: z.base64().optional(),
});
export type DocumentInput = z.infer<typeof documentInput>;

export const messageBody = z.object({
  messageId: z.guid(),
  senderId: z.number().int().optional(),
  recipient: z.object({
    personalIdentificationNumber: z.string().regex(/^[0-9]{11}$/),
    printDetails: printDetails.optional(),
  }),
  deliveryTime: z.iso.datetime({ offset: true }).optional(),
  primaryDocument: documentInput,
  attachments: z.array(documentInput).optional(),
  printIfUnread: z
    .object({ printIfUnreadAfter: z.iso.datetime({ offset: true }), printDetails })
    .optional(),
});
export type MessageInput = z.infer<typeof messageBody>;
