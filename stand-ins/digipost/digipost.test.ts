import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDigipostStandIn } from './index.ts';
import { callDigipost, PDF_BASE64, REFERENCE_NOW, SENDER_ID, bearer } from './testing.ts';

const EMMA = '14820482817'; // Digipost user
const MARIA = '03910587500'; // IDENTIFIED, not a user
const UNKNOWN = '15018540018'; // valid number Digipost has never heard of

const printDetails = {
  recipient: { name: 'Maria Sørli', norwegianAddress: { addressline1: 'Eksempelgata 12', zipCode: '7030', city: 'Trondheim' } },
  returnAddress: { name: 'Fagopplæringen', norwegianAddress: { addressline1: 'Postboks 2560', zipCode: '7735', city: 'Steinkjer' } },
};

function letter(pin: string, extra: Record<string, unknown> = {}, docExtra: Record<string, unknown> = {}) {
  return {
    messageId: randomUUID(),
    recipient: { personalIdentificationNumber: pin },
    primaryDocument: { uuid: randomUUID(), subject: 'Tentativ opplæringsplan', fileType: 'pdf', content: PDF_BASE64, ...docExtra },
    ...extra,
  };
}

let clock = new Date(REFERENCE_NOW);
let server: Awaited<ReturnType<typeof startDigipostStandIn>>;
beforeAll(async () => {
  server = await startDigipostStandIn({ port: 0, now: () => clock });
});
afterAll(() => server.close());

describe('Digipost stand-in', () => {
  describe('authentication and headers', () => {
    it('answers 401 with a Digipost error body when the bearer token is missing', async () => {
      const reply = await callDigipost(server.url, 'identifyRecipient', '/identification', {
        body: { personalIdentificationNumber: EMMA },
        headers: { authorization: '' },
      });
      expect(reply.status).toBe(401);
      expect(reply.body.errorType).toBe('CLIENT_TECHNICAL');
    });

    it('answers 401 when the bearer is not a JWT with a known role', async () => {
      const notJwt = await callDigipost(server.url, 'identifyRecipient', '/identification', {
        body: { personalIdentificationNumber: EMMA },
        headers: { authorization: 'Bearer abc' },
      });
      const noRole = await callDigipost(server.url, 'identifyRecipient', '/identification', {
        body: { personalIdentificationNumber: EMMA },
        headers: { authorization: await bearer({ sub: 'x' }) },
      });
      expect([notJwt.status, noRole.status]).toEqual([401, 401]);
    });

    it('rejects a call without X-Digipost-UserId with 400', async () => {
      const reply = await callDigipost(server.url, 'identifyRecipient', '/identification', {
        body: { personalIdentificationNumber: EMMA },
        headers: { 'x-digipost-userid': '' },
      });
      expect(reply.status).toBe(400);
    });

    it('refuses an unknown sender account with 403 UNKNOWN_SENDER', async () => {
      const reply = await callDigipost(server.url, 'identifyRecipient', '/identification', {
        body: { personalIdentificationNumber: EMMA },
        headers: { 'x-digipost-userid': '123' },
      });
      expect(reply.status).toBe(403);
      expect(reply.body.errorCode).toBe('UNKNOWN_SENDER');
    });

    it('echoes X-Correlation-ID', async () => {
      const reply = await callDigipost(server.url, 'identifyRecipient', '/identification', {
        body: { personalIdentificationNumber: EMMA },
        headers: { 'x-correlation-id': 'corr-1' },
      });
      expect(reply.headers.get('x-correlation-id')).toBe('corr-1');
    });
  });

  describe('identifying a recipient', () => {
    it('finds a Digipost user with their address', async () => {
      const reply = await callDigipost(server.url, 'identifyRecipient', '/identification', { body: { personalIdentificationNumber: EMMA } });
      expect(reply.body).toEqual({ result: 'DIGIPOST', digipostAddress: 'emma.strand#7K2P' });
    });

    it('says IDENTIFIED for a person in the register who is not a user', async () => {
      const reply = await callDigipost(server.url, 'identifyRecipient', '/identification', { body: { personalIdentificationNumber: MARIA } });
      expect(reply.body.result).toBe('IDENTIFIED');
    });

    it('says UNIDENTIFIED (NOT_FOUND) for a valid number it does not know', async () => {
      const reply = await callDigipost(server.url, 'identifyRecipient', '/identification', { body: { personalIdentificationNumber: UNKNOWN } });
      expect(reply.body).toEqual({ result: 'UNIDENTIFIED', unidentifiedReason: 'NOT_FOUND' });
    });

    it('says INVALID (not an error) for a number that fails its check digits', async () => {
      const reply = await callDigipost(server.url, 'identifyRecipient', '/identification', { body: { personalIdentificationNumber: '14820482818' } });
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({ result: 'INVALID', invalidReason: 'INVALID_PERSONAL_IDENTIFICATION_NUMBER' });
    });

    it('rejects a number that is not 11 digits with 400', async () => {
      const reply = await callDigipost(server.url, 'identifyRecipient', '/identification', { body: { personalIdentificationNumber: '1482048281' } });
      expect(reply.status).toBe(400);
    });
  });

  describe('sending a letter', () => {
    it('delivers to a Digipost user at once', async () => {
      const body = letter(EMMA);
      const reply = await callDigipost(server.url, 'sendMessage', '/messages', { body });
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ messageId: body.messageId, deliveryMethod: 'DIGIPOST', status: 'DELIVERED', senderId: 900801 });
      expect(reply.body.deliveryTime).toBe(REFERENCE_NOW);
      expect(reply.body.primaryDocument.content).toBeUndefined();
      const read = await callDigipost(server.url, 'getMessageDelivery', `/messages/${body.messageId}`);
      expect(read.body).toEqual(reply.body);
    });

    it('sends no second letter for the same messageId and answers 409 DUPLICATE_MESSAGE', async () => {
      const body = letter(EMMA);
      const before = server.state.messages.size;
      const first = await callDigipost(server.url, 'sendMessage', '/messages', { body });
      const again = await callDigipost(server.url, 'sendMessage', '/messages', {
        body: { ...body, primaryDocument: { ...body.primaryDocument, subject: 'Another subject' } },
      });
      expect(first.status).toBe(201);
      expect(again.status).toBe(409);
      expect(again.body.errorCode).toBe('DUPLICATE_MESSAGE');
      expect(server.state.messages.size).toBe(before + 1);
      const letters = [...server.state.messages.values()].filter((m) => m.delivery.messageId === body.messageId);
      expect(letters).toHaveLength(1);
      expect(letters[0]!.delivery.primaryDocument.subject).toBe('Tentativ opplæringsplan');
      const read = await callDigipost(server.url, 'getMessageDelivery', `/messages/${body.messageId}`);
      expect(read.body.status).toBe('DELIVERED');
    });

    it('prints the letter for a non-user when print details are given', async () => {
      const body = letter(MARIA, { recipient: { personalIdentificationNumber: MARIA, printDetails } });
      const reply = await callDigipost(server.url, 'sendMessage', '/messages', { body });
      expect(reply.body).toMatchObject({ deliveryMethod: 'PRINT', status: 'DELIVERED_TO_PRINT' });
      expect(reply.body.primaryDocument.opened).toBeNull();
    });

    it('prints for an UNIDENTIFIED recipient with print details too', async () => {
      const body = letter(UNKNOWN, { recipient: { personalIdentificationNumber: UNKNOWN, printDetails } });
      const reply = await callDigipost(server.url, 'sendMessage', '/messages', { body });
      expect(reply.body).toMatchObject({ deliveryMethod: 'PRINT', status: 'DELIVERED_TO_PRINT' });
    });

    it('refuses a non-user without print details with UNKNOWN_RECIPIENT and stores nothing', async () => {
      const before = server.state.messages.size;
      const body = letter(MARIA);
      const reply = await callDigipost(server.url, 'sendMessage', '/messages', { body });
      expect(reply.status).toBe(400);
      expect(reply.body.errorCode).toBe('UNKNOWN_RECIPIENT');
      expect(server.state.messages.size).toBe(before);
      const read = await callDigipost(server.url, 'getMessageDelivery', `/messages/${body.messageId}`);
      expect(read.status).toBe(404);
    });

    it('refuses content that is not a PDF', async () => {
      const before = server.state.messages.size;
      const reply = await callDigipost(server.url, 'sendMessage', '/messages', {
        body: letter(EMMA, {}, { content: Buffer.from('hello').toString('base64') }),
      });
      expect(reply.body.errorCode).toBe('INVALID_PDF_CONTENT');
      expect(server.state.messages.size).toBe(before);
    });

    it('refuses a message without a subject with MISSING_SUBJECT', async () => {
      const reply = await callDigipost(server.url, 'sendMessage', '/messages', { body: letter(EMMA, {}, { subject: '' }) });
      expect(reply.status).toBe(400);
      expect(reply.body.errorCode).toBe('MISSING_SUBJECT');
    });

    it('refuses malformed JSON with 400', async () => {
      const response = await fetch(`${server.url}/messages`, {
        method: 'POST',
        headers: { authorization: await bearer({ role: 'FAGOPPLAERING' }), 'x-digipost-userid': SENDER_ID, 'content-type': 'application/json' },
        body: '{"messageId":',
      });
      expect(response.status).toBe(400);
      expect((await response.json()).errorCode).toBe('SCHEMA_VALIDATION_ERROR');
    });

    it('keeps a letter without content NOT_COMPLETE and undelivered', async () => {
      const body = letter(EMMA, {}, { content: undefined });
      const reply = await callDigipost(server.url, 'sendMessage', '/messages', { body });
      expect(reply.body).toMatchObject({ status: 'NOT_COMPLETE', deliveryTime: null });
    });

    it('holds a letter for a later deliveryTime as COMPLETE until the clock reaches it', async () => {
      const body = letter(EMMA, { deliveryTime: '2026-11-27T09:00:00.000+01:00' });
      const reply = await callDigipost(server.url, 'sendMessage', '/messages', { body });
      expect(reply.body.status).toBe('COMPLETE');
      clock = new Date('2026-11-27T09:30:00+01:00');
      try {
        const later = await callDigipost(server.url, 'getMessageDelivery', `/messages/${body.messageId}`);
        expect(later.body.status).toBe('DELIVERED');
      } finally {
        clock = new Date(REFERENCE_NOW);
      }
    });

    it('refuses a body senderId other than the header account', async () => {
      const reply = await callDigipost(server.url, 'sendMessage', '/messages', { body: letter(EMMA, { senderId: 1 }) });
      expect(reply.status).toBe(403);
    });
  });

  describe('reading deliveries and document status', () => {
    it('answers 404 MESSAGE_NOT_FOUND for an unknown message', async () => {
      const reply = await callDigipost(server.url, 'getMessageDelivery', `/messages/${randomUUID()}`);
      expect(reply.status).toBe(404);
      expect(reply.body.errorCode).toBe('MESSAGE_NOT_FOUND');
    });

    it('reports a fixture letter Emma has opened as delivered and read', async () => {
      const reply = await callDigipost(server.url, 'getDocumentStatus', `/documents/${SENDER_ID}/420bcde9-f9c6-4771-90a6-092bd71a1c0c/status`);
      expect(reply.body).toMatchObject({ status: 'DELIVERED', read: 'Y', channel: 'DIGIPOST', isPrimaryDocument: true });
      expect(reply.body.delivered).toBe('2026-10-01T13:01:00.000+02:00');
    });

    it('reports a printed letter without a read receipt', async () => {
      const reply = await callDigipost(server.url, 'getDocumentStatus', `/documents/${SENDER_ID}/8b866384-4520-463a-954e-736a8f81f634/status`);
      expect(reply.body).toMatchObject({ status: 'DELIVERED', read: null, channel: 'PRINT' });
    });

    it('reports a new digital letter as delivered and unread', async () => {
      const body = letter(EMMA);
      await callDigipost(server.url, 'sendMessage', '/messages', { body });
      const reply = await callDigipost(server.url, 'getDocumentStatus', `/documents/${SENDER_ID}/${body.primaryDocument.uuid}/status`);
      expect(reply.body).toMatchObject({ status: 'DELIVERED', read: 'N', created: REFERENCE_NOW });
    });

    it('answers 404 for another sender or an unknown document', async () => {
      const other = await callDigipost(server.url, 'getDocumentStatus', `/documents/1/420bcde9-f9c6-4771-90a6-092bd71a1c0c/status`);
      const unknown = await callDigipost(server.url, 'getDocumentStatus', `/documents/${SENDER_ID}/${randomUUID()}/status`);
      expect([other.status, unknown.status]).toEqual([404, 404]);
      expect(unknown.body.errorCode).toBe('DOCUMENT_NOT_FOUND');
    });
  });
});
