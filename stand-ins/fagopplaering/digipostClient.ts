import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { PrintRecipient } from '../digipost/types.ts';
import { RETURN_ADDRESS } from './printAddresses.ts';

/** How the fagopplæring system reaches Digipost when it sends a plan. */
export interface DigipostClientOptions {
  /** Base URL of Digipost (the façade); without it every send fails with DIGIPOST_FEILET. */
  url?: string;
  /** The county's Digipost sender account (X-Digipost-UserId). */
  senderId: number;
  /** Bearer token for Digipost. */
  token: () => string | Promise<string>;
  /** Postal address for printing when the person is not a Digipost user. */
  printAddressOf: (fnr: string) => PrintRecipient | undefined;
  /** Give up on Digipost after this long. */
  timeoutMs: number;
}

export interface Letter {
  messageId: string;
  fnr: string;
  subject: string;
  pdfBase64: string;
}

export type SendOutcome = { ok: true; kanal: 'DIGIPOST' | 'PRINT' } | { ok: false; reason: string };

const delivery = z.object({ deliveryMethod: z.enum(['DIGIPOST', 'PRINT']) });
const error = z.object({ errorCode: z.string() });

/**
 * Sends the letter with its fixed messageId. A 409 DUPLICATE_MESSAGE means an earlier attempt got through (no
 * second letter was sent), so the existing delivery is read back and counts as success.
 */
export async function sendLetter(options: DigipostClientOptions, letter: Letter, correlationId?: string): Promise<SendOutcome> {
  if (!options.url) return { ok: false, reason: 'Digipost er ikke konfigurert.' };
  const headers = {
    authorization: `Bearer ${await options.token()}`,
    'x-digipost-userid': String(options.senderId),
    'content-type': 'application/json',
    ...(correlationId ? { 'x-correlation-id': correlationId } : {}),
  };
  const address = options.printAddressOf(letter.fnr);
  const message = {
    messageId: letter.messageId,
    recipient: {
      personalIdentificationNumber: letter.fnr,
      ...(address ? { printDetails: { recipient: address, returnAddress: RETURN_ADDRESS, nondeliverableHandling: 'RETURN_TO_SENDER' } } : {}),
    },
    primaryDocument: {
      uuid: randomUUID(),
      subject: letter.subject,
      fileType: 'pdf',
      authenticationLevel: 'IDPORTEN_4',
      sensitivityLevel: 'SENSITIVE',
      content: letter.pdfBase64,
    },
  };
  const base = options.url.replace(/\/$/, '');
  try {
    const sent = await fetch(`${base}/messages`, {
      method: 'POST',
      headers,
      body: JSON.stringify(message),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const body: unknown = await sent.json().catch(() => undefined);
    if (sent.status === 201) return outcomeOf(body);
    const code = error.safeParse(body);
    if (sent.status !== 409 || !code.success || code.data.errorCode !== 'DUPLICATE_MESSAGE') {
      return { ok: false, reason: `Digipost svarte ${sent.status}${code.success ? ` ${code.data.errorCode}` : ''}.` };
    }
    const existing = await fetch(`${base}/messages/${letter.messageId}`, { headers, signal: AbortSignal.timeout(options.timeoutMs) });
    if (existing.status !== 200) return { ok: false, reason: `Digipost svarte ${existing.status} på oppslag av sendingen.` };
    return outcomeOf(await existing.json());
  } catch {
    return { ok: false, reason: 'Digipost svarte ikke.' };
  }
}

function outcomeOf(body: unknown): SendOutcome {
  const parsed = delivery.safeParse(body);
  return parsed.success ? { ok: true, kanal: parsed.data.deliveryMethod } : { ok: false, reason: 'Uventet svar fra Digipost.' };
}
