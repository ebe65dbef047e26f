import type { Request, Response } from 'express';
import { digipostError } from './errors.ts';

/**
 * The sender account from `X-Digipost-UserId`, which every call needs. Writes a 400 and returns undefined when the
 * header is missing or not a number; the caller decides how a foreign sender is answered (403 on writes, 404 on
 * reads, since a sender sees only its own messages).
 */
export function senderIdOf(req: Request, res: Response): number | undefined {
  const raw = req.get('x-digipost-userid');
  if (!raw || !/^[0-9]+$/.test(raw)) {
    digipostError(res, 400, 'CLIENT_ERROR', 'The X-Digipost-UserId header is required and must be a number.', 'CLIENT_TECHNICAL');
    return undefined;
  }
  return Number(raw);
}
