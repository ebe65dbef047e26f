import type { Response } from 'express';

/** Digipost's error codes the façade returns (the XML `<error>` element's `error-code`). */
export type DigipostErrorCode =
  | 'DUPLICATE_MESSAGE'
  | 'UNKNOWN_RECIPIENT'
  | 'MISSING_RECIPIENT'
  | 'MISSING_SUBJECT'
  | 'MISSING_CONTENT'
  | 'INVALID_PDF_CONTENT'
  | 'INVALID_HTML_CONTENT'
  | 'FILE_TOO_LARGE'
  | 'VALIDATION_FAILED'
  | 'SCHEMA_VALIDATION_ERROR'
  | 'MESSAGE_NOT_FOUND'
  | 'DOCUMENT_NOT_FOUND'
  | 'UNKNOWN_SENDER'
  | 'NOT_APPROVED_FOR_PRINT'
  | 'CLIENT_ERROR'
  | 'API_UNAVAILABLE'
  | 'SERVER_ERROR';

export type DigipostErrorType = 'CLIENT_DATA' | 'CLIENT_TECHNICAL' | 'CONFIGURATION' | 'SERVER' | 'UNKNOWN';

/** Writes Digipost's error body `{errorCode, errorMessage, errorType}`. */
export function digipostError(
  res: Response,
  status: number,
  errorCode: DigipostErrorCode,
  errorMessage: string,
  errorType: DigipostErrorType = 'CLIENT_DATA',
): void {
  res.status(status).json({ errorCode, errorMessage, errorType });
}

/** 401 for a missing or unusable bearer token. */
export function digipostUnauthorized(res: Response): void {
  res.set('WWW-Authenticate', 'Bearer');
  digipostError(res, 401, 'CLIENT_ERROR', 'Missing or invalid bearer token.', 'CLIENT_TECHNICAL');
}
