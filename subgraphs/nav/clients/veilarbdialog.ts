import { personal } from '../../../lib/consent/subject.ts';
import type { UpstreamHttp } from '../../../lib/upstream/http.ts';
import type { DialogueThread } from '../model.ts';
import { dialogDto, dialogerDto, type DialogDto } from './veilarbdialog.schemas.ts';

/** A message to send: to a thread, or under an activity (whose thread the first message creates). */
export type OutgoingMessage = { text: string; awaitingReplyFromPerson?: boolean } & ({ threadId: string } | { activityId: string });

/** veilarbdialog: the dialogue between the person and NAV. */
export interface VeilarbdialogClient {
  /** All the person's threads (free and under activities, historic included), messages oldest first. */
  threadsOf(ident: string): Promise<DialogueThread[]>;
  /**
   * Sends a message in the person's dialogue; the sender side follows the token. Not idempotent at NAV, so never
   * retried. 409 (historic thread, person cannot be notified) and 400 reach the caller as UpstreamHttpError.
   */
  send(ident: string, message: OutgoingMessage): Promise<DialogueThread>;
}

export function createVeilarbdialogClient(http: UpstreamHttp): VeilarbdialogClient {
  return {
    async threadsOf(ident) {
      const { data } = await http({
        operation: 'hentDialoger',
        method: 'GET',
        path: '/veilarbdialog/api/dialog',
        query: { fnr: ident },
        schema: dialogerDto,
      });
      return data.map((dto) => toThread(ident, dto));
    },

    async send(ident, message) {
      const { data } = await http({
        operation: 'nyMelding',
        method: 'POST',
        path: '/veilarbdialog/api/dialog',
        body: {
          fnr: ident,
          tekst: message.text,
          ...('threadId' in message ? { dialogId: message.threadId } : { aktivitetId: message.activityId }),
          venterPaaSvarFraBruker: message.awaitingReplyFromPerson,
        },
        schema: dialogDto,
      });
      return toThread(ident, data);
    },
  };
}

function toThread(ident: string, dto: DialogDto): DialogueThread {
  const messages = dto.henvendelser
    .map((h) =>
      personal(ident, {
        id: h.id,
        sender: h.avsender,
        sentAt: new Date(h.sendt),
        text: h.tekst,
        readByRecipient: h.lest,
      }),
    )
    // The contract promises oldest first; sorting (stable) keeps that true whatever the service sends.
    .sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime());
  return personal(ident, {
    id: dto.id,
    activityId: dto.aktivitetId ?? null,
    subject: dto.overskrift,
    historic: dto.historisk,
    awaitingReplyFromPerson: dto.venterPaSvar,
    awaitingReplyFromNav: !dto.ferdigBehandlet,
    messages,
  });
}
