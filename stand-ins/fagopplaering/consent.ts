import type { Kode } from './problem.ts';
import type { FagopplaeringState } from './state.ts';
import type { Kartleggingsforesporsel, Omfang, SamtykkeMetode } from './types.ts';

/**
 * Whose consent it is (fagopplaering.openapi.yaml, "Consent belongs to the person" — an extension of the contract).
 * The system is the source of truth for consent, so it decides who may register one, from the caller's token:
 * - DIGITAL: only the person, with their own token (PERSON, `pid` = the request's fnr), by giSamtykke — NAV sends a
 *   DIGITAL request without `gittTidspunkt` to ask for it (status VENTER_PA_SAMTYKKE);
 * - MUNTLIG / SKRIFTLIG: NAV registers what the person said or signed, in the registering advisor's name, at most
 *   {@link MAX_BACKDATING_HOURS} hours back and never in the future;
 * - after the person withdrew a skills-mapping consent or declined NAV's ask, NAV registers none for them until the
 *   person has given one again herself ({@link withdrawalStands}).
 */

/** How far back NAV may date a consent it registers on the person's behalf: a meeting on Friday, registered on Monday. */
export const MAX_BACKDATING_HOURS = 72;

export type Refusal = { status: 403 | 422; kode: Kode; detail: string };

/**
 * A stored record as this version of the contract has it. Records registered before the extension (and the fixture
 * generator's output) lack `registrertAv` and `etterspurtOmfang`: a DIGITAL consent was the person's own, any other
 * was registered by the referring advisor, and NAV asked for what was consented to.
 */
export function withRecorder(request: Kartleggingsforesporsel): Kartleggingsforesporsel {
  const stored = request as Omit<Kartleggingsforesporsel, 'etterspurtOmfang'> & { etterspurtOmfang?: Omfang[] };
  const samtykke = stored.samtykke && {
    ...stored.samtykke,
    registrertAv:
      stored.samtykke.registrertAv ??
      (stored.samtykke.metode === 'DIGITAL' ? { type: 'BRUKER', id: stored.fnr } : { type: 'NAV', id: stored.henvisendeVeileder.navIdent }),
  };
  return { ...stored, samtykke, etterspurtOmfang: stored.etterspurtOmfang ?? [...(stored.samtykke?.omfang ?? [])] };
}

/** When a TRUKKET request was withdrawn (or declined): its consent's trukketTidspunkt, else its TRUKKET entry. */
function withdrawnAt(request: Kartleggingsforesporsel): number {
  const entry = [...request.statushistorikk].reverse().find((h) => h.status === 'TRUKKET');
  return Date.parse(request.samtykke?.trukketTidspunkt ?? entry?.tidspunkt ?? request.sistEndret);
}

/**
 * Whether the person's "no" stands against consents registered by others: some request of theirs is TRUKKET (consent
 * withdrawn, or NAV's ask declined) and they have given no consent themselves since. Whoever registered the
 * withdrawal (the person, or NAV or the county on their word), it is the person's.
 */
export function withdrawalStands(state: FagopplaeringState, fnr: string): boolean {
  let lastWithdrawal = -Infinity;
  let lastOwnConsent = -Infinity;
  for (const k of state.kartlegginger.values()) {
    if (k.fnr !== fnr) continue;
    if (k.status === 'TRUKKET') lastWithdrawal = Math.max(lastWithdrawal, withdrawnAt(k));
    if (k.samtykke?.registrertAv.type === 'BRUKER') lastOwnConsent = Math.max(lastOwnConsent, Date.parse(k.samtykke.gittTidspunkt));
  }
  return lastWithdrawal > lastOwnConsent;
}

/**
 * The consent rules of a request NAV sends (opprettKartleggingsforesporsel), checked before anything is stored.
 * DIGITAL without `gittTidspunkt` asks the person; with it, it claims a consent only the person can give.
 */
export function refuseRegisteredConsent(
  state: FagopplaeringState,
  fnr: string,
  samtykke: { metode: SamtykkeMetode; gittTidspunkt?: string | undefined },
  now: Date,
): Refusal | undefined {
  if (samtykke.metode === 'DIGITAL') {
    if (samtykke.gittTidspunkt === undefined) return undefined;
    return { status: 403, kode: 'DIGITALT_SAMTYKKE_KUN_FRA_PERSON', detail: 'Et digitalt samtykke gir personen selv, med egen innlogging.' };
  }
  if (samtykke.gittTidspunkt !== undefined && Date.parse(samtykke.gittTidspunkt) < now.getTime() - MAX_BACKDATING_HOURS * 3_600_000) {
    return { status: 422, kode: 'SAMTYKKE_TILBAKEDATERT', detail: `Samtykket må registreres innen ${MAX_BACKDATING_HOURS} timer etter at det ble gitt.` };
  }
  if (withdrawalStands(state, fnr)) {
    return { status: 403, kode: 'SAMTYKKE_KUN_FRA_PERSON', detail: 'Personen har sagt nei til kartlegging; bare personen selv kan samtykke på nytt.' };
  }
  return undefined;
}
