import { z } from 'zod';

/** zod schema of MessageDelivery in digipost.openapi.yaml (the fields the graph reads, as the contract types them). */
export const messageDelivery = z.object({
  messageId: z.uuid(),
  deliveryMethod: z.enum(['DIGIPOST', 'PRINT']),
  senderId: z.number().int(),
  status: z.enum(['NOT_COMPLETE', 'COMPLETE', 'DELIVERED', 'DELIVERED_TO_PRINT']),
  deliveryTime: z.iso.datetime({ offset: true }).nullish(),
  primaryDocument: z.object({ uuid: z.uuid(), subject: z.string(), fileType: z.enum(['pdf', 'html']), opened: z.boolean().nullish() }),
});
export type MessageDelivery = z.infer<typeof messageDelivery>;
