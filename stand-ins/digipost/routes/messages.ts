import { Router } from 'express';
import { deliveryAt } from '../delivery.ts';
import { digipostError } from '../errors.ts';
import { messageBody } from '../schemas.ts';
import { acceptMessage, isRefusal, refusalFromSchema } from '../send.ts';
import { senderIdOf } from '../sender.ts';
import type { DigipostState } from '../state.ts';

/** POST /messages (send a letter) and GET /messages/{messageId} (its delivery). */
export function messageRoutes(state: DigipostState, now: () => Date): Router {
  const router = Router();

  router.post('/messages', (req, res) => {
    const senderId = senderIdOf(req, res);
    if (senderId === undefined) return;
    if (senderId !== state.sender.senderId) {
      return digipostError(res, 403, 'UNKNOWN_SENDER', 'The sender is not known to Digipost.', 'CONFIGURATION');
    }
    const body = messageBody.safeParse(req.body);
    if (!body.success) {
      const refusal = refusalFromSchema(body.error);
      return digipostError(res, refusal.status, refusal.errorCode, refusal.errorMessage);
    }
    if (body.data.senderId !== undefined && body.data.senderId !== senderId) {
      return digipostError(res, 403, 'UNKNOWN_SENDER', 'senderId does not match X-Digipost-UserId.', 'CONFIGURATION');
    }
    const result = acceptMessage(state, body.data, now());
    if (isRefusal(result)) return digipostError(res, result.status, result.errorCode, result.errorMessage);
    res.status(201).json(deliveryAt(result, now()));
  });

  router.get('/messages/:messageId', (req, res) => {
    const senderId = senderIdOf(req, res);
    if (senderId === undefined) return;
    const message = state.messages.get(req.params.messageId);
    // Another sender's letters do not exist for this sender.
    if (!message || message.delivery.senderId !== senderId) {
      return digipostError(res, 404, 'MESSAGE_NOT_FOUND', 'No message with this id for the sender.');
    }
    res.json(deliveryAt(message, now()));
  });

  return router;
}
