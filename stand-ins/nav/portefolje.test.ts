import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, HAKON, INGRID, MORTEN, navToken, P, personToken, startAtReference } from './testing.ts';

type Server = Awaited<ReturnType<typeof startAtReference>>;
let server: Server;
beforeAll(async () => {
  server = await startAtReference();
});
afterAll(() => server.close());

const portefolje = async (veileder: string, query: string, body: unknown = {}, tok?: string) =>
  call(server.url, 'hentPortefoljeForVeileder', 'POST', `/veilarbportefolje/api/veileder/${veileder}/portefolje?${query}`, {
    token: tok ?? (await navToken()),
    body,
  });

describe('veilarbportefolje stand-in', () => {
  it('answers 401 without a body when the bearer token is missing', async () => {
    const res = await call(server.url, 'hentPortefoljeForVeileder', 'POST', '/veilarbportefolje/api/veileder/Z990001/portefolje?enhet=5701&sortDirection=ikke_satt&sortField=ikke_satt', { body: {} });
    expect(res.status).toBe(401);
  });

  it('lists the advisor’s caseload at the office, sorted and paged', async () => {
    const all = await portefolje('Z990001', 'enhet=5701&sortDirection=ascending&sortField=etternavn');
    expect(all.body).toMatchObject({ enhet: '5701', antallTotalt: 8, antallReturnert: 8, fraIndex: 0 });
    const names = all.body.brukere.map((b: { etternavn: string }) => b.etternavn);
    expect(names).toEqual([...names].sort((a: string, b: string) => a.localeCompare(b, 'nb')));
    const page = await portefolje('Z990001', 'enhet=5701&sortDirection=ascending&sortField=etternavn&fra=3&antall=2');
    expect(page.body).toMatchObject({ antallTotalt: 8, antallReturnert: 2, fraIndex: 3 });
    expect(page.body.brukere).toEqual(all.body.brukere.slice(3, 5));
  });

  it('filters on name or fnr, innsatsgruppe and ready-made filters', async () => {
    const byName = await portefolje('Z990001', 'enhet=5701&sortDirection=ikke_satt&sortField=ikke_satt', { navnEllerFnrQuery: 'emma' });
    expect(byName.body.brukere.map((b: { fnr: string }) => b.fnr)).toEqual([P.emma]);
    const waiting = await portefolje('Z990001', 'enhet=5701&sortDirection=ikke_satt&sortField=ikke_satt', { ferdigfilterListe: ['VENTER_PA_SVAR_FRA_NAV'] });
    expect(waiting.body.brukere.map((b: { fnr: string }) => b.fnr)).toContain(P.ole);
    const gruppe = await portefolje('Z990001', 'enhet=5701&sortDirection=ikke_satt&sortField=ikke_satt', { innsatsgruppeGjeldendeVedtak14a: ['VARIG_TILPASSET_INNSATS'] });
    expect(gruppe.body.antallTotalt).toBe(0);
  });

  it('lists a person the caller may not see, censored, and never finds them by name', async () => {
    // Sander (shielded) is in Håkon's caseload at 5702; Morten at the same office may see the caseload but not him.
    const asMorten = await portefolje('Z990004', 'enhet=5702&sortDirection=ikke_satt&sortField=ikke_satt', {}, await navToken(MORTEN));
    expect(asMorten.body.antallTotalt).toBe(1);
    expect(asMorten.body.brukere[0]).toMatchObject({ fnr: '', fornavn: '', etternavn: '', egenAnsatt: true });
    const search = await portefolje('Z990004', 'enhet=5702&sortDirection=ikke_satt&sortField=ikke_satt', { navnEllerFnrQuery: 'Sander' }, await navToken(MORTEN));
    expect(search.body.antallTotalt).toBe(0);
    const asHakon = await portefolje('Z990004', 'enhet=5702&sortDirection=ikke_satt&sortField=ikke_satt', {}, await navToken(HAKON));
    expect(asHakon.body.brukere[0]).toMatchObject({ fnr: P.sander, fornavn: 'Sander' });
  });

  it('answers 403 for an office the caller has no access to, and for a person', async () => {
    const office = await portefolje('Z990002', 'enhet=5702&sortDirection=ikke_satt&sortField=ikke_satt', {}, await navToken(INGRID));
    const person = await portefolje('Z990001', 'enhet=5701&sortDirection=ikke_satt&sortField=ikke_satt', {}, await personToken(P.emma));
    expect([office.status, person.status]).toEqual([403, 403]);
    expect(office.body).toMatchObject({ status: 403, error: 'Forbidden' });
  });

  it('answers 400 for a missing sort, a bad page size or a malformed ident', async () => {
    const statuses = [
      (await portefolje('Z990001', 'enhet=5701')).status,
      (await portefolje('Z990001', 'enhet=5701&sortDirection=ikke_satt&sortField=ikke_satt&antall=0')).status,
      (await portefolje('z1', 'enhet=5701&sortDirection=ikke_satt&sortField=ikke_satt')).status,
      (await portefolje('Z990001', 'sortDirection=ikke_satt&sortField=ikke_satt')).status,
    ];
    expect(statuses).toEqual([400, 400, 400, 400]);
  });
});
