import type { Kartleggingsforesporsel, Omfang } from '../clients/fagopplaering.schemas.ts';
import type { DialogueNotice, VeilarbdialogClient } from '../clients/veilarbdialog.ts';

/**
 * The person is told, in their own NAV dialogue, whenever NAV records a consent in their name or asks for one
 * (ARCHITECTURE.md §4): a free thread of its own, written as the NAV advisor. Its text is fixed and built from the
 * request alone (no free text NAV wrote), so a retry builds the same notice and can find it.
 */

const OMFANG: Record<Omfang, string> = {
  FAG_OG_KARAKTERER: 'fag og karakterer',
  PRAKSIS: 'praksis',
  LAEREKONTRAKTER: 'lærekontrakter',
  OPPLAERINGSPLAN_TIL_NAV: 'at NAV får se opplæringsplanen',
};
const METODE = { MUNTLIG: 'muntlig', SKRIFTLIG: 'skriftlig', DIGITAL: 'digitalt' } as const;
const osloTime = new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const list = (omfang: readonly Omfang[]) => omfang.map((o) => OMFANG[o]).join(', ');

/** The notice for a request NAV just sent: the consent it recorded, or its ask for the person's consent. */
export function noticeOf(request: Kartleggingsforesporsel): DialogueNotice {
  const advisor = request.henvisendeVeileder.navIdent;
  const samtykke = request.samtykke;
  if (!samtykke) {
    return {
      heading: `NAV ber om samtykke til kartlegging (${request.referanse})`,
      text:
        `NAV-veileder ${advisor} ber om ditt samtykke til at fagopplæringen i fylket kartlegger fagene og praksisen din mot lærefag ` +
        `(sak ${request.referanse}). NAV ber om at samtykket gjelder: ${list(request.etterspurtOmfang)}. ` +
        'Ingenting sendes til fagopplæringen før du selv har samtykket. Du gir eller avslår samtykket under kartlegginger på din side.',
      awaitingReplyFromPerson: true,
    };
  }
  return {
    heading: `Samtykke til kartlegging registrert (${request.referanse})`,
    text:
      `NAV-veileder ${samtykke.registrertAv.id} har registrert at du ${METODE[samtykke.metode]} har samtykket til at fagopplæringen i fylket ` +
      `kartlegger fagene og praksisen din mot lærefag (sak ${request.referanse}). Samtykket ble gitt ${osloTime.format(new Date(samtykke.gittTidspunkt))} ` +
      `og gjelder: ${list(samtykke.omfang)}. Du ser samtykket og hvem som registrerte det under kartlegginger på din side, og du kan trekke det der ` +
      'når som helst. Har du ikke gitt dette samtykket, trekk det og gi oss beskjed her.',
    awaitingReplyFromPerson: false,
  };
}

/**
 * Makes sure the notice is in the person's dialogue exactly once. NAV's dialogue takes no idempotency key, so a
 * retried call looks for the notice before it writes, and a write whose answer was lost is looked for again before
 * it counts as failed. Throws when the person could not be told.
 */
export async function tellPerson(dialogue: VeilarbdialogClient, ident: string, notice: DialogueNotice): Promise<void> {
  if (await dialogue.hasNotice(ident, notice)) return;
  try {
    await dialogue.startThread(ident, notice);
  } catch (error) {
    if (await dialogue.hasNotice(ident, notice).catch(() => false)) return;
    throw error;
  }
}
