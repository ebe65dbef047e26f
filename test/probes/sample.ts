import type { Fixtures } from '../support/fixtures.ts';
import { kartleggingConsentActive, noteShared } from './consent.ts';

type Json = Record<string, any>;

/**
 * A sample of a large fixture set that still meets every case the oracle distinguishes: one person per case
 * (shared, withdrawn, draft and unshared notes; each request status; narrow and withdrawn consent; shielded and
 * address-protected persons; a person with nothing), then persons spread evenly over the set up to `size`.
 */
export function samplePersons(fx: Fixtures, size: number): string[] {
  const persons = (fx.nav.personer as Json[]).map((p) => p.fnr as string);
  const notes = fx.karrieresenter.notes as Json[];
  const grants = fx.karrieresenter.shareGrants as Json[];
  const requests = fx.fagopplaering.kartlegginger as Json[];
  const navPerson = (ident: string) => (fx.nav.personer as Json[]).find((p) => p.fnr === ident);
  const notesOf = (ident: string) => notes.filter((n) => n.owner.fnr === ident);
  const requestsOf = (ident: string) => requests.filter((k) => k.fnr === ident);
  const cases: Array<(ident: string) => boolean> = [
    (i) => notesOf(i).some((n) => noteShared(fx, n)),
    (i) => notesOf(i).some((n) => grants.some((g) => g.noteId === n.id && g.withdrawnAt)),
    (i) => notesOf(i).some((n) => n.status !== 'FERDIGSTILT'),
    (i) => notesOf(i).some((n) => !grants.some((g) => g.noteId === n.id)),
    ...['MOTTATT', 'UNDER_BEHANDLING', 'PLAN_SENDT', 'AVSLUTTET', 'TRUKKET'].map((status) => (i: string) => requestsOf(i).some((k) => k.status === status)),
    (i) => requestsOf(i).some((k) => kartleggingConsentActive(fx, k) && !(k.samtykke.omfang as string[]).includes('OPPLAERINGSPLAN_TIL_NAV')),
    (i) => !!navPerson(i)?.skjermet,
    (i) => navPerson(i)?.diskresjonskode === 'FORTROLIG',
    (i) => navPerson(i)?.diskresjonskode === 'STRENGT_FORTROLIG',
    (i) => notesOf(i).length === 0 && requestsOf(i).length === 0,
  ];
  const chosen = new Set<string>();
  for (const matches of cases) {
    const ident = persons.find((i) => !chosen.has(i) && matches(i));
    if (ident) chosen.add(ident);
  }
  const step = Math.max(1, Math.floor(persons.length / size));
  for (let i = 0; chosen.size < size && i < persons.length; i += step) chosen.add(persons[i]!);
  return [...chosen];
}
