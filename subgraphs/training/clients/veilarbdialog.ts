import { z } from 'zod';
import { createUpstreamHttp, type UpstreamRequestScope } from '../../../lib/upstream/http.ts';

/**
 * NAV's dialogue (veilarbdialog, nav.openapi.yaml), only as the training subgraph needs it: to tell the person, in
 * their own dialogue with NAV, that a consent was recorded in their name or is asked for. The threads' text is
 * personal data and free text: it is compared here and never logged or returned.
 */
export interface VeilarbdialogClient {
  /** Whether the person's dialogue already holds a thread with this heading and a NAV message with this text. */
  hasNotice(ident: string, notice: DialogueNotice): Promise<boolean>;
  /** Starts a new free thread (`overskrift`) with one NAV message. Not idempotent at NAV: check hasNotice first. */
  startThread(ident: string, notice: DialogueNotice): Promise<void>;
}

/** A notice NAV writes to the person: a new free thread with its own heading. */
export interface DialogueNotice {
  heading: string;
  text: string;
  /** NAV waits for the person to act (ventePaaSvarFraBruker). */
  awaitingReplyFromPerson: boolean;
}

// The fields read (DialogDTO, HenvendelseDTO); the rest of the contract's shape is left unread.
const threads = z.array(
  z.object({
    id: z.string().regex(/^[0-9]+$/),
    overskrift: z.string(),
    henvendelser: z.array(z.object({ avsender: z.enum(['BRUKER', 'VEILEDER']), tekst: z.string() })),
  }),
);
const thread = z.object({ id: z.string().regex(/^[0-9]+$/) });

export function createVeilarbdialogClient(options: { baseUrl: string; timeoutMs?: number }, scope: UpstreamRequestScope): VeilarbdialogClient {
  const http = createUpstreamHttp(
    { system: 'veilarbdialog', baseUrl: options.baseUrl, timeoutMs: options.timeoutMs, correlationHeader: 'Nav-Call-Id', headers: { 'Nav-Consumer-Id': 'fagbrev-graph-training' } },
    scope,
  );
  return {
    async hasNotice(ident, notice) {
      const { data } = await http({ operation: 'hentDialoger', method: 'GET', path: '/veilarbdialog/api/dialog', query: { fnr: ident }, schema: threads });
      return data.some((t) => t.overskrift === notice.heading && t.henvendelser.some((h) => h.avsender === 'VEILEDER' && h.tekst === notice.text));
    },
    async startThread(ident, notice) {
      await http({
        operation: 'nyMelding',
        method: 'POST',
        path: '/veilarbdialog/api/dialog',
        body: { fnr: ident, overskrift: notice.heading, tekst: notice.text, venterPaaSvarFraBruker: notice.awaitingReplyFromPerson },
        schema: thread,
      });
    },
  };
}
