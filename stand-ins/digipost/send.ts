import { Buffer } from 'node:buffer';
import type { z } from 'zod';
import { toOsloIso } from '../../lib/time.ts';
import type { DigipostErrorCode } from './errors.ts';
import { identify } from './identify.ts';
import type { DocumentInput, MessageInput } from './schemas.ts';
import type { DigipostState, StoredMessage } from './state.ts';
import type { DocumentView } from './types.ts';

/** Why a letter was refused, in Digipost's terms. */
export interface SendRefusal {
  status: number;
  errorCode: DigipostErrorCode;
  errorMessage: string;
}

/** Maps the first schema problem to the most specific Digipost error code. */
export function refusalFromSchema(error: z.ZodError): SendRefusal {
  const issue = error.issues[0];
  const path = issue?.path.join('.') ?? '';
  if (path.startsWith('recipient')) return { status: 400, errorCode: 'MISSING_RECIPIENT', errorMessage: 'The recipient is missing or invalid.' };
  if (path.endsWith('subject')) return { status: 400, errorCode: 'MISSING_SUBJECT', errorMessage: 'A document needs a subject of 1 to 100 characters.' };
  return { status: 400, errorCode: 'SCHEMA_VALIDATION_ERROR', errorMessage: `Invalid message at ${path || 'body'}.` };
}

function contentProblem(doc: DocumentInput): SendRefusal | undefined {
  if (doc.content === undefined) return undefined;
  const bytes = Buffer.from(doc.content, 'base64');
  if (doc.fileType === 'pdf' && !bytes.subarray(0, 5).equals(Buffer.from('%PDF-'))) {
    return { status: 400, errorCode: 'INVALID_PDF_CONTENT', errorMessage: `Document ${doc.uuid} is not a PDF.` };
  }
  if (doc.fileType === 'html' && !bytes.toString('utf8').includes('<')) {
    return { status: 400, errorCode: 'INVALID_HTML_CONTENT', errorMessage: `Document ${doc.uuid} is not HTML.` };
  }
  return undefined;
}

const view = (doc: DocumentInput, digital: boolean): DocumentView => ({
  uuid: doc.uuid,
  subject: doc.subject,
  fileType: doc.fileType,
  authenticationLevel: doc.authenticationLevel,
  sensitivityLevel: doc.sensitivityLevel,
  // Nobody has opened a new letter; paper has no "opened".
  opened: digital ? false : null,
});

/**
 * Accepts a letter: a Digipost user gets it in the mailbox; anyone else gets it on paper when `printDetails` is
 * given, else UNKNOWN_RECIPIENT. The same messageId twice is DUPLICATE_MESSAGE and nothing is stored. A letter
 * without content is NOT_COMPLETE (created, not delivered). Returns the stored letter or why it was refused.
 */
export function acceptMessage(state: DigipostState, input: MessageInput, now: Date): StoredMessage | SendRefusal {
  if (state.messages.has(input.messageId)) {
    return { status: 409, errorCode: 'DUPLICATE_MESSAGE', errorMessage: `A message with id ${input.messageId} has already been sent.` };
  }
  const documents = [input.primaryDocument, ...(input.attachments ?? [])];
  const uuids = new Set(documents.map((d) => d.uuid));
  if (uuids.size !== documents.length) {
    return { status: 400, errorCode: 'VALIDATION_FAILED', errorMessage: 'Document uuids must be unique within a message.' };
  }
  for (const doc of documents) {
    const problem = contentProblem(doc);
    if (problem) return problem;
  }
  const pin = input.recipient.personalIdentificationNumber;
  const digital = identify(state, pin).result === 'DIGIPOST';
  if (!digital && !input.recipient.printDetails) {
    return { status: 400, errorCode: 'UNKNOWN_RECIPIENT', errorMessage: 'The recipient is not a Digipost user and no print details were given.' };
  }
  const complete = documents.every((d) => d.content !== undefined);
  const requested = input.deliveryTime ? new Date(input.deliveryTime) : now;
  const deliveryTime = requested.getTime() > now.getTime() ? requested : now;
  const message: StoredMessage = {
    recipient: input.recipient.printDetails ? { personalIdentificationNumber: pin, printDetails: input.recipient.printDetails } : { personalIdentificationNumber: pin },
    delivery: {
      messageId: input.messageId,
      deliveryMethod: digital ? 'DIGIPOST' : 'PRINT',
      senderId: state.sender.senderId,
      status: !complete ? 'NOT_COMPLETE' : digital ? 'DELIVERED' : 'DELIVERED_TO_PRINT',
      deliveryTime: complete ? toOsloIso(deliveryTime) : null,
      primaryDocument: view(input.primaryDocument, digital),
      ...(input.attachments ? { attachments: input.attachments.map((a) => view(a, digital)) } : {}),
    },
    created: toOsloIso(now),
  };
  state.messages.set(input.messageId, message);
  return message;
}

export const isRefusal = (value: StoredMessage | SendRefusal): value is SendRefusal => 'errorCode' in value;
