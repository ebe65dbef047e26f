import { randomUUID } from 'node:crypto';
import { isValidIdent } from '../../lib/ident.ts';
import { osloDate, toOsloIso } from '../../lib/time.ts';
import { actorOf } from './access.ts';
import type { UpstreamCaller } from '../common/app.ts';
import type { Feil } from './problem.ts';
import type { NyKartlegging } from './schemas.ts';
import type { FagopplaeringState } from './state.ts';
import type { Kartleggingsforesporsel } from './types.ts';

/** Rules of a new request beyond its schema; an empty list means it may be created. */
export function checkNewRequest(state: FagopplaeringState, input: NyKartlegging, now: Date): Feil[] {
  const feil: Feil[] = [];
  if (!isValidIdent(input.fnr)) feil.push({ felt: 'fnr', melding: 'kontrollsifrene stemmer ikke' });
  input.onsketLaerefag.forEach((kode, i) => {
    if (!state.laerefag.has(kode)) feil.push({ felt: `onsketLaerefag.${i}`, melding: 'ukjent lærefag' });
  });
  if (new Set(input.onsketLaerefag).size !== input.onsketLaerefag.length) feil.push({ felt: 'onsketLaerefag', melding: 'må være unike' });
  const given = input.samtykke.gittTidspunkt;
  if (given !== undefined && new Date(given).getTime() > now.getTime()) {
    feil.push({ felt: 'samtykke.gittTidspunkt', melding: 'kan ikke være i fremtiden' });
  }
  return feil;
}

/** The next reference of the year: KF-<year>-<six-digit sequence>. */
function nextReferanse(state: FagopplaeringState, now: Date): string {
  const year = osloDate(now).slice(0, 4);
  let max = 0;
  for (const k of state.kartlegginger.values()) {
    const m = /^KF-(\d{4})-(\d{6})$/.exec(k.referanse);
    if (m && m[1] === year) max = Math.max(max, Number(m[2]));
  }
  return `KF-${year}-${String(max + 1).padStart(6, '0')}`;
}

/**
 * Builds and stores a new request: MOTTATT under the consent NAV registered (in the caller's name, from the token),
 * or, when NAV asks for a digital consent, VENTER_PA_SAMTYKKE with no consent yet (`etterspurtOmfang` is what NAV
 * asks the person to cover).
 */
export function createRequest(state: FagopplaeringState, input: NyKartlegging, caller: UpstreamCaller, now: Date): Kartleggingsforesporsel {
  const at = toOsloIso(now);
  const given = input.samtykke.gittTidspunkt;
  const status = given === undefined ? 'VENTER_PA_SAMTYKKE' : 'MOTTATT';
  const request: Kartleggingsforesporsel = {
    id: randomUUID(),
    referanse: nextReferanse(state, now),
    fnr: input.fnr,
    henvisendeVeileder: input.henvisendeVeileder,
    onsketLaerefag: input.onsketLaerefag,
    beskrivelse: input.beskrivelse,
    karrierenotatId: input.karrierenotatId ?? null,
    samtykke: given === undefined ? null : { gittTidspunkt: given, metode: input.samtykke.metode, omfang: input.samtykke.omfang, trukketTidspunkt: null, registrertAv: actorOf(caller) },
    etterspurtOmfang: input.samtykke.omfang,
    status,
    statushistorikk: [{ status, tidspunkt: at, utfortAv: actorOf(caller) }],
    tildeltRadgiver: null,
    opplaeringsplanId: null,
    opprettet: at,
    sistEndret: at,
    versjon: 1,
  };
  state.kartlegginger.set(request.id, request);
  return request;
}
