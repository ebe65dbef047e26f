import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import { toOsloIso } from '../../lib/time.ts';

/**
 * NAV's error bodies, one shape per application (shared/upstreams/README.md, "Error bodies"). Messages never
 * carry a fødselsnummer or message text: clients log them.
 */

/** 401 without a body, as every NAV application answers a missing or unreadable token. */
export function unauthorized(res: Response): void {
  res.status(401).end();
}

/** veilarbaktivitet: `{"message", "statusCode"}`, `message` left out when the service gives no reason. */
export function aktivitetError(res: Response, status: number, message?: string): void {
  res.status(status).json(message === undefined ? { statusCode: status } : { message, statusCode: status });
}

/** veilarbdialog: plain text, as its exception handler writes it. */
export function dialogError(res: Response, status: number, text: string): void {
  res.status(status).type('text/plain').send(text);
}

/** veilarbdialog's text for a functional error ("Funksjonell feil under behandling: <Exception> - null "). */
export function funksjonellFeil(exception: string): string {
  return `Funksjonell feil under behandling: ${exception} - null `;
}

/** Spring Boot's default body (veilarboppfolging, -vedtaksstotte, -portefolje, poao-tilgang). */
export function springError(req: Request, res: Response, now: () => Date, status: number, message: string): void {
  res.status(status).json({ timestamp: toOsloIso(now()), status, error: STATUS_CODES[status] ?? 'Error', message, path: req.originalUrl.split('?')[0] });
}

/** Writes an error in the shape of the application that owns the request's path. */
export function errorForPath(req: Request, res: Response, now: () => Date, status: number, message: string): void {
  if (req.path.startsWith('/veilarbaktivitet/')) return aktivitetError(res, status, message);
  if (req.path.startsWith('/veilarbdialog/')) return dialogError(res, status, message);
  springError(req, res, now, status, message);
}
