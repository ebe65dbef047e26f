import { Router } from 'express';
import { digipostError } from '../errors.ts';
import { identify } from '../identify.ts';
import { identificationBody } from '../schemas.ts';
import { senderIdOf } from '../sender.ts';
import type { DigipostState } from '../state.ts';

/** POST /identification: can the person receive digital mail? */
export function identificationRoutes(state: DigipostState): Router {
  const router = Router();
  router.post('/identification', (req, res) => {
    const senderId = senderIdOf(req, res);
    if (senderId === undefined) return;
    if (senderId !== state.sender.senderId) {
      return digipostError(res, 403, 'UNKNOWN_SENDER', 'The sender is not known to Digipost.', 'CONFIGURATION');
    }
    const body = identificationBody.safeParse(req.body);
    if (!body.success) {
      return digipostError(res, 400, 'SCHEMA_VALIDATION_ERROR', 'personalIdentificationNumber must be 11 digits.');
    }
    res.json(identify(state, body.data.personalIdentificationNumber));
  });
  return router;
}
