import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, callers, demo, REFERENCE_NOW, snapshot, startAtReference } from './testing.ts';

/**
 * "Consent belongs to the person" (the contract's extension): who may register a consent, decided from the token.
 * The clock is the fixtures' reference time, 2026-11-26 08:00 Oslo.
 */
let server: Awaited<ReturnType<typeof startAtReference>>;
beforeEach(async () => {
  server = await startAtReference();
});
afterEach(() => server.close());

type Caller = Record<string, unknown>;
const ALL = ['FAG_OG_KARAKTERER', 'PRAKSIS', 'LAEREKONTRAKTER', 'OPPLAERINGSPLAN_TIL_NAV'];
const hoursBefore = (hours: number) => new Date(new Date(REFERENCE_NOW).getTime() - hours * 3_600_000).toISOString();

const request = (fnr: string, samtykke: Record<string, unknown>) => ({
  fnr,
  henvisendeVeileder: { navIdent: 'Z990001', navn: 'Ingrid Aune', enhetId: '5701', enhetNavn: 'Nav Falkenborg' },
  onsketLaerefag: ['BARLF3----'],
  beskrivelse: 'Ønsker å se på veien til fagbrev.',
  samtykke,
});
const create = (body: unknown, caller: Caller = callers.navAune) =>
  call(server.url, 'opprettKartleggingsforesporsel', '/kartlegginger', caller, { body, headers: { 'idempotency-key': randomUUID() } });
const ask = (fnr: string, omfang = ALL) => create(request(fnr, { metode: 'DIGITAL', omfang }));
const give = (id: string, caller: Caller, omfang: string[] = ALL) =>
  call(server.url, 'giSamtykke', `/kartlegginger/${id}/samtykke`, caller, { body: { omfang } });
const get = (id: string, caller: Caller) => call(server.url, 'hentKartleggingsforesporsel', `/kartlegginger/${id}`, caller);
const records = (fnr: string, caller: Caller) => call(server.url, 'sokOpplaeringsdata', '/personer/opplaeringsdata/sok', caller, { body: { fnr: [fnr] } });
const status = (id: string, body: unknown, caller: Caller) => call(server.url, 'endreKartleggingStatus', `/kartlegginger/${id}/status`, caller, { body });
const withdraw = (id: string, caller: Caller, registrertAv: Caller) =>
  call(server.url, 'trekkSamtykke', `/kartlegginger/${id}/trekk-samtykke`, caller, { body: { metode: 'DIGITAL', registrertAv } });

describe('Consent belongs to the person', () => {
  describe('a digital consent comes only from the person', () => {
    it('refuses a DIGITAL consent NAV states (with gittTidspunkt) with 403 DIGITALT_SAMTYKKE_KUN_FRA_PERSON, storing nothing', async () => {
      const before = snapshot(server.state);
      const reply = await create(request(demo.mathias, { metode: 'DIGITAL', gittTidspunkt: hoursBefore(1), omfang: ALL }));
      expect([reply.status, reply.body.kode]).toEqual([403, 'DIGITALT_SAMTYKKE_KUN_FRA_PERSON']);
      expect(snapshot(server.state)).toBe(before);
      expect(server.state.idempotency.size).toBe(0);
    });

    it('turns NAV\'s DIGITAL request without gittTidspunkt into an ask: VENTER_PA_SAMTYKKE, no consent, nothing readable', async () => {
      const reply = await ask(demo.tobias, ['FAG_OG_KARAKTERER', 'PRAKSIS']);
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ status: 'VENTER_PA_SAMTYKKE', samtykke: null, etterspurtOmfang: ['FAG_OG_KARAKTERER', 'PRAKSIS'] });
      expect(reply.body.statushistorikk).toEqual([{ status: 'VENTER_PA_SAMTYKKE', tidspunkt: REFERENCE_NOW, utfortAv: { type: 'NAV', id: 'Z990001' } }]);
      expect((await records(demo.tobias, callers.navAune)).body.ikkeTilgang).toEqual([demo.tobias]);
      const grunnlag = await call(server.url, 'hentKartleggingsgrunnlag', `/kartlegginger/${reply.body.id}/grunnlag`, callers.navAune);
      expect([grunnlag.status, grunnlag.body.kode]).toEqual([403, 'SAMTYKKE_MANGLER']);
    });

    it('hides a request awaiting consent from the county\'s advisors: not found, not searchable, not counted', async () => {
      const asked = await ask(demo.mathias);
      const id = asked.body.id as string;
      const county = callers.advisor;
      expect((await get(id, county)).status).toBe(404);
      expect((await status(id, { status: 'UNDER_BEHANDLING', versjon: 1 }, county)).status).toBe(404);
      const plan = await call(server.url, 'opprettOpplaeringsplan', `/kartlegginger/${id}/opplaeringsplan`, county, {
        body: { laerefagkode: 'BARLF3----', rute: 'LAERLING', godkjenteFag: [], gjenstaendeFag: [], estimertVarighetManeder: 24, merknader: '' },
      });
      expect(plan.status).toBe(404);
      const search = await call(server.url, 'sokKartleggingsforesporsler', '/kartlegginger/sok', county, { body: { fnr: demo.mathias } });
      expect(search.body.kartlegginger).toEqual([]);
      const stats = await call(server.url, 'statistikkKartlegginger', '/statistikk/kartlegginger?fraMaaned=2026-11&tilMaaned=2026-11', callers.partner);
      expect(stats.body.rader.reduce((n: number, r: { antall: number }) => n + r.antall, 0)).toBe(1); // Olena's, from the fixture
      // NAV, who asked, and the person see it.
      expect((await get(id, callers.navAune)).body.status).toBe('VENTER_PA_SAMTYKKE');
      expect((await get(id, callers.person(demo.mathias))).body.status).toBe('VENTER_PA_SAMTYKKE');
    });

    it('lets the person give it with their own token, now, at most what was asked; then the records are readable', async () => {
      const { body: asked } = await ask(demo.tobias, ['FAG_OG_KARAKTERER', 'PRAKSIS']);
      const reply = await give(asked.id, callers.person(demo.tobias), ['FAG_OG_KARAKTERER']);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({
        status: 'MOTTATT',
        versjon: 2,
        samtykke: { gittTidspunkt: REFERENCE_NOW, metode: 'DIGITAL', omfang: ['FAG_OG_KARAKTERER'], trukketTidspunkt: null, registrertAv: { type: 'BRUKER', id: demo.tobias } },
      });
      const nav = await records(demo.tobias, callers.navAune);
      expect(nav.body.personer[0].fag.length).toBeGreaterThan(0);
      expect(nav.body.personer[0].laerekontrakter).toEqual([]);
      // The same consent again (a retry) answers the request unchanged.
      const again = await give(asked.id, callers.person(demo.tobias), ['FAG_OG_KARAKTERER']);
      expect([again.status, again.body.versjon]).toEqual([200, 2]);
    });

    it('refuses NAV, the county and another person the person\'s consent, and a scope beyond what was asked', async () => {
      const { body: asked } = await ask(demo.tobias, ['FAG_OG_KARAKTERER']);
      const before = snapshot(server.state);
      const nav = await give(asked.id, callers.navAune, ['FAG_OG_KARAKTERER']);
      const county = await give(asked.id, callers.advisor, ['FAG_OG_KARAKTERER']);
      const other = await give(asked.id, callers.person(demo.emma), ['FAG_OG_KARAKTERER']);
      const more = await give(asked.id, callers.person(demo.tobias), ['FAG_OG_KARAKTERER', 'LAEREKONTRAKTER']);
      expect([nav.status, nav.body.kode]).toEqual([403, 'DIGITALT_SAMTYKKE_KUN_FRA_PERSON']);
      expect(county.status).toBe(404);
      expect(other.status).toBe(404); // hidden from everyone but NAV and the person, like from the county
      expect([more.status, more.body.feil]).toEqual([400, [{ felt: 'omfang.1', melding: 'NAV har ikke bedt om dette' }]]);
      expect(snapshot(server.state)).toBe(before);
    });

    it('answers 409 UGYLDIG_STATUSOVERGANG for a request that does not await consent', async () => {
      const reply = await give(demo.requestTobias, callers.person(demo.tobias));
      expect([reply.status, reply.body.kode]).toEqual([409, 'UGYLDIG_STATUSOVERGANG']);
    });
  });

  describe('a consent NAV records on the person\'s behalf', () => {
    it('carries the recording advisor from the token, whatever the body claims', async () => {
      const reply = await create(request(demo.mathias, { metode: 'MUNTLIG', gittTidspunkt: hoursBefore(2), omfang: ALL, registrertAv: { type: 'BRUKER', id: demo.mathias } }));
      expect(reply.status).toBe(201);
      expect(reply.body.samtykke.registrertAv).toEqual({ type: 'NAV', id: 'Z990001' });
      expect(reply.body.etterspurtOmfang).toEqual(ALL);
    });

    it('may be at most 72 hours old: 71 h is recorded, 73 h and 40 days are 422 SAMTYKKE_TILBAKEDATERT', async () => {
      const old = await create(request(demo.mathias, { metode: 'SKRIFTLIG', gittTidspunkt: hoursBefore(73), omfang: ALL }));
      const older = await create(request(demo.mathias, { metode: 'MUNTLIG', gittTidspunkt: hoursBefore(40 * 24), omfang: ALL }));
      expect([old.status, old.body.kode, older.status, older.body.kode]).toEqual([422, 'SAMTYKKE_TILBAKEDATERT', 422, 'SAMTYKKE_TILBAKEDATERT']);
      const recent = await create(request(demo.mathias, { metode: 'MUNTLIG', gittTidspunkt: hoursBefore(71), omfang: ALL }));
      expect(recent.status).toBe(201);
    });

    it('needs gittTidspunkt (400)', async () => {
      const reply = await create(request(demo.mathias, { metode: 'MUNTLIG', omfang: ALL }));
      expect([reply.status, reply.body.feil]).toEqual([400, [{ felt: 'samtykke.gittTidspunkt', melding: 'påkrevd for MUNTLIG og SKRIFTLIG' }]]);
    });
  });

  describe('after the person said no, only the person can consent again', () => {
    it('refuses NAV\'s oral or written consent for Tobias, who withdrew, with 403 SAMTYKKE_KUN_FRA_PERSON', async () => {
      const before = snapshot(server.state);
      const oral = await create(request(demo.tobias, { metode: 'MUNTLIG', gittTidspunkt: hoursBefore(1), omfang: ALL }));
      const written = await create(request(demo.tobias, { metode: 'SKRIFTLIG', gittTidspunkt: hoursBefore(1), omfang: ALL }));
      expect([oral.status, oral.body.kode, written.body.kode]).toEqual([403, 'SAMTYKKE_KUN_FRA_PERSON', 'SAMTYKKE_KUN_FRA_PERSON']);
      expect(snapshot(server.state)).toBe(before);
      expect((await records(demo.tobias, callers.navAune)).body.ikkeTilgang).toEqual([demo.tobias]);
    });

    it('counts a declined ask as a no, and NAV closing its own ask does not lift one', async () => {
      const { body: asked } = await ask(demo.mathias);
      expect((await withdraw(asked.id, callers.person(demo.mathias), { type: 'BRUKER', id: demo.mathias })).body).toMatchObject({ status: 'TRUKKET', samtykke: null });
      const oral = await create(request(demo.mathias, { metode: 'MUNTLIG', gittTidspunkt: hoursBefore(1), omfang: ALL }));
      expect(oral.body.kode).toBe('SAMTYKKE_KUN_FRA_PERSON');
      const { body: again } = await ask(demo.mathias);
      expect((await status(again.id, { status: 'AVSLUTTET', versjon: 1 }, callers.navAune)).body.status).toBe('AVSLUTTET');
      expect((await create(request(demo.mathias, { metode: 'MUNTLIG', gittTidspunkt: hoursBefore(1), omfang: ALL }))).body.kode).toBe('SAMTYKKE_KUN_FRA_PERSON');
    });

    it('lets NAV record one again once the person has consented herself since', async () => {
      const { body: asked } = await ask(demo.tobias);
      expect((await give(asked.id, callers.person(demo.tobias))).status).toBe(200);
      expect((await status(asked.id, { status: 'UNDER_BEHANDLING', versjon: 2 }, callers.advisor)).status).toBe(200);
      expect((await status(asked.id, { status: 'AVSLUTTET', versjon: 3 }, callers.advisor)).status).toBe(200);
      const oral = await create(request(demo.tobias, { metode: 'MUNTLIG', gittTidspunkt: hoursBefore(1), omfang: ALL }));
      expect(oral.status).toBe(201);
    });
  });

  describe('who registered what', () => {
    it('lets the referring advisor close their own request before it is taken on, and nobody else from NAV', async () => {
      const { body: asked } = await ask(demo.mathias);
      const other = await status(asked.id, { status: 'AVSLUTTET', versjon: 1 }, callers.navBjorgum);
      const take = await status(asked.id, { status: 'UNDER_BEHANDLING', versjon: 1 }, callers.navAune);
      expect([other.status, take.status, take.body.kode]).toEqual([403, 409, 'UGYLDIG_STATUSOVERGANG']);
      const closed = await status(asked.id, { status: 'AVSLUTTET', versjon: 1 }, callers.navAune);
      expect(closed.body).toMatchObject({ status: 'AVSLUTTET', tildeltRadgiver: null });
      expect(closed.body.statushistorikk.at(-1).utfortAv).toEqual({ type: 'NAV', id: 'Z990001' });
      const taken = await status(demo.requestOlena, { status: 'AVSLUTTET', versjon: 2 }, callers.navBjorgum);
      expect([taken.status, taken.body.kode]).toEqual([409, 'UGYLDIG_STATUSOVERGANG']);
    });

    it('registers a withdrawal in the caller\'s name only (403 for someone else\'s name)', async () => {
      const before = snapshot(server.state);
      const forged = await withdraw(demo.requestEmma, callers.navAune, { type: 'BRUKER', id: demo.emma });
      expect([forged.status, forged.body.kode]).toEqual([403, 'IKKE_TILGANG']);
      expect(snapshot(server.state)).toBe(before);
    });

    it('fills in registrertAv and etterspurtOmfang for fixture records without them: DIGITAL the person, else the referring advisor', async () => {
      const emma = await get(demo.requestEmma, callers.advisor); // SKRIFTLIG, sent by Z990001
      const henrik = [...server.state.kartlegginger.values()].find((k) => k.fnr === demo.henrik)!; // DIGITAL
      expect(emma.body.samtykke.registrertAv).toEqual({ type: 'NAV', id: 'Z990001' });
      expect(emma.body.etterspurtOmfang).toEqual(emma.body.samtykke.omfang);
      expect(henrik.samtykke!.registrertAv).toEqual({ type: 'BRUKER', id: demo.henrik });
    });
  });
});
