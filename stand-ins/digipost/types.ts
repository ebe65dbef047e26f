/** Record shapes of the Digipost façade (digipost.openapi.yaml components), as the fixture and the API hold them. */

export type IdentificationResultCode = 'DIGIPOST' | 'IDENTIFIED' | 'UNIDENTIFIED' | 'INVALID';

export interface IdentificationResult {
  result: IdentificationResultCode;
  digipostAddress?: string | null;
  invalidReason?: 'INVALID_PERSONAL_IDENTIFICATION_NUMBER' | 'UNKNOWN' | null;
  unidentifiedReason?: 'MULTIPLE_MATCHES' | 'NOT_FOUND' | null;
}

export interface NorwegianAddress {
  addressline1: string;
  addressline2?: string;
  zipCode: string;
  city: string;
}

export interface PrintRecipient {
  name: string;
  norwegianAddress: NorwegianAddress;
}

export interface PrintDetails {
  recipient: PrintRecipient;
  returnAddress: PrintRecipient;
  color?: 'MONOCHROME' | 'COLORS';
  nondeliverableHandling?: 'SHRED' | 'RETURN_TO_SENDER';
}

export interface MessageRecipient {
  personalIdentificationNumber: string;
  printDetails?: PrintDetails;
}

/** A document as Digipost reports it (never with its `content`, which is write-only). */
export interface DocumentView {
  uuid: string;
  subject: string;
  fileType: 'pdf' | 'html';
  authenticationLevel?: 'PASSWORD' | 'TWO_FACTOR' | 'IDPORTEN_3' | 'IDPORTEN_4';
  sensitivityLevel?: 'NORMAL' | 'SENSITIVE';
  opened?: boolean | null;
}

export type MessageStatus = 'NOT_COMPLETE' | 'COMPLETE' | 'DELIVERED' | 'DELIVERED_TO_PRINT';

export interface MessageDelivery {
  messageId: string;
  deliveryMethod: 'DIGIPOST' | 'PRINT';
  senderId: number;
  status: MessageStatus;
  deliveryTime?: string | null;
  primaryDocument: DocumentView;
  attachments?: DocumentView[];
}

/** One letter as the fixture stores it. */
export interface FixtureMessage {
  recipient: MessageRecipient;
  delivery: MessageDelivery;
}

export interface Sender {
  senderId: number;
  name: string;
}
