import { Router } from 'express';
import { deliveryAt, isDelivered } from '../delivery.ts';
import { digipostError } from '../errors.ts';
import { senderIdOf } from '../sender.ts';
import type { DigipostState } from '../state.ts';

/** GET /documents/{senderId}/{uuid}/status: one document's delivery and whether the recipient has read it. */
export function documentRoutes(state: DigipostState, now: () => Date): Router {
  const router = Router();
  router.get('/documents/:senderId/:uuid/status', (req, res) => {
    const senderId = senderIdOf(req, res);
    if (senderId === undefined) return;
    const notFound = () => digipostError(res, 404, 'DOCUMENT_NOT_FOUND', 'No document with this uuid for the sender.');
    if (req.params.senderId !== String(senderId)) return notFound();
    const at = now();
    for (const message of state.messages.values()) {
      if (message.delivery.senderId !== senderId) continue;
      const delivery = deliveryAt(message, at);
      const documents = [delivery.primaryDocument, ...(delivery.attachments ?? [])];
      const index = documents.findIndex((d) => d.uuid === req.params.uuid);
      if (index < 0) continue;
      const doc = documents[index]!;
      const delivered = isDelivered(message, at);
      return void res.json({
        uuid: doc.uuid,
        status: delivered ? 'DELIVERED' : 'NOT_DELIVERED',
        created: message.created,
        delivered: delivered ? (delivery.deliveryTime ?? null) : null,
        // Paper has no read receipt.
        read: delivery.deliveryMethod === 'PRINT' || !delivered ? null : doc.opened ? 'Y' : 'N',
        channel: delivery.deliveryMethod,
        isPrimaryDocument: index === 0,
      });
    }
    notFound();
  });
  return router;
}
