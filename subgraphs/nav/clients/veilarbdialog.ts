import { personal } from '../../../lib/consent/subject.ts';
import type { UpstreamHttp } from '../../../lib/upstream/http.ts';
import type { DialogueThread } from '../model.ts';
import { dialogerDto, type DialogDto } from './veilarbdialog.schemas.ts';

/** veilarbdialog: the dialogue between the person and NAV. */
export interface VeilarbdialogClient {
  /** All the person's threads (free and under activities, historic included), messages oldest first. */
  threadsOf(ident: string): Promise<DialogueThread[]>;
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
