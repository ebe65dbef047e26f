import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, INGRID, MORTEN, HAKON, navToken, P, personToken, startAtReference, token } from './testing.ts';

type Server = Awaited<ReturnType<typeof startAtReference>>;
let server: Server;
beforeEach(async () => {
  server = await startAtReference();
});
afterEach(() => server.close());

const snapshot = () => JSON.stringify({ a: [...server.state.aktiviteter], v: [...server.state.versjoner] });
const EMMA_PERIODE = '56bfd8a4-6519-4dcf-ad30-accc712380c6';
const JORGEN_OLD_PERIODE = '8b5deef5';

const nyEgen = { tittel: 'Utforske fagbrev som tømrer', type: 'EGEN', status: 'PLANLAGT', hensikt: 'Finne ut om tømrerfaget passer', avtalt: true };

describe('veilarbaktivitet stand-in', () => {
  describe('authentication and access', () => {
    it('answers 401 without a body when the bearer token is missing or has no known role', async () => {
      const none = await call(server.url, 'hentAktivitetsplan', 'GET', `/veilarbaktivitet/api/aktivitet?fnr=${P.emma}`);
      const noRole = await call(server.url, 'hentAktivitetsplan', 'GET', `/veilarbaktivitet/api/aktivitet?fnr=${P.emma}`, { token: await token({ sub: 'x' }) });
      expect([none.status, noRole.status]).toEqual([401, 401]);
      expect(none.body).toBeUndefined();
    });

    it('denies an advisor without access to shielded persons with 403 in veilarbaktivitet’s body shape', async () => {
      const res = await call(server.url, 'hentAktivitetsplan', 'GET', `/veilarbaktivitet/api/aktivitet?fnr=${P.sander}`, { token: await navToken(INGRID) });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ statusCode: 403 });
    });

    it('lets the advisor with access to shielded persons read the shielded person’s plan', async () => {
      const res = await call(server.url, 'hentAktivitetsplan', 'GET', `/veilarbaktivitet/api/aktivitet?fnr=${P.sander}`, { token: await navToken(HAKON) });
      expect(res.status).toBe(200);
      expect(res.body.aktiviteter.map((a: { id: string }) => a.id)).toEqual(['4100116', '4100117']);
    });

    it('lets a person read only their own plan', async () => {
      const own = await call(server.url, 'hentAktivitetsplan', 'GET', '/veilarbaktivitet/api/aktivitet', { token: await personToken(P.emma) });
      const other = await call(server.url, 'hentAktivitetsplan', 'GET', `/veilarbaktivitet/api/aktivitet?fnr=${P.mathias}`, { token: await personToken(P.emma) });
      const otherActivity = await call(server.url, 'hentAktivitet', 'GET', '/veilarbaktivitet/api/aktivitet/4100105', { token: await personToken(P.emma) });
      expect(own.status).toBe(200);
      expect(own.body.aktiviteter).toHaveLength(4);
      expect([other.status, otherActivity.status]).toEqual([403, 403]);
    });

    it('gives other organisations nothing (403)', async () => {
      const res = await call(server.url, 'hentAktivitet', 'GET', '/veilarbaktivitet/api/aktivitet/4100101', {
        token: await token({ role: 'KARRIERESENTER', counsellorId: 'KV-101', centreId: 'KS-TRD' }),
      });
      expect(res.status).toBe(403);
    });

    it('rejects a missing or malformed fnr with 400', async () => {
      const missing = await call(server.url, 'hentAktivitetsplan', 'GET', '/veilarbaktivitet/api/aktivitet', { token: await navToken() });
      const bad = await call(server.url, 'hentAktivitetsplan', 'GET', '/veilarbaktivitet/api/aktivitet?fnr=12345678901', { token: await navToken() });
      expect([missing.status, bad.status]).toEqual([400, 400]);
    });
  });

  describe('reading the plan', () => {
    it('lists all the person’s activities, historic ones included', async () => {
      const res = await call(server.url, 'hentAktivitetsplan', 'GET', `/veilarbaktivitet/api/aktivitet?fnr=${P.jorgen}`, { token: await navToken(MORTEN) });
      const byId = Object.fromEntries(res.body.aktiviteter.map((a: { id: string; historisk: boolean }) => [a.id, a.historisk]));
      expect(byId).toEqual({ '4100118': true, '4100119': true, '4100120': true, '4100121': false, '4100122': false });
    });

    it('lists nothing for a person NAV does not know', async () => {
      const res = await call(server.url, 'hentAktivitetsplan', 'GET', `/veilarbaktivitet/api/aktivitet?fnr=${P.unknown}`, { token: await navToken() });
      expect(res.body).toEqual({ aktiviteter: [] });
    });

    it('shows a published summary to the person and an unpublished one only to NAV', async () => {
      const moteId = '4100108'; // Sara's planned meeting, no summary yet
      await call(server.url, 'oppdaterReferat', 'PUT', `/veilarbaktivitet/api/aktivitet/${moteId}/referat`, {
        token: await navToken(),
        body: { id: moteId, versjon: '700009', referat: 'Vi snakket om barnehage.' },
      });
      const asPerson = await call(server.url, 'hentAktivitet', 'GET', `/veilarbaktivitet/api/aktivitet/${moteId}`, { token: await personToken(P.sara) });
      const asNav = await call(server.url, 'hentAktivitet', 'GET', `/veilarbaktivitet/api/aktivitet/${moteId}`, { token: await navToken() });
      expect(asPerson.body.referat).toBeUndefined();
      expect(asNav.body.referat).toBe('Vi snakket om barnehage.');
      const published = await call(server.url, 'hentAktivitet', 'GET', '/veilarbaktivitet/api/aktivitet/4100103', { token: await personToken(P.emma) });
      expect(published.body.referat).toEqual(expect.any(String));
    });

    it('answers 404 for an activity that does not exist', async () => {
      const res = await call(server.url, 'hentAktivitet', 'GET', '/veilarbaktivitet/api/aktivitet/999', { token: await navToken() });
      expect(res.status).toBe(404);
      expect(res.body.statusCode).toBe(404);
    });

    it('lists an activity’s versions newest first', async () => {
      const res = await call(server.url, 'hentAktivitetVersjoner', 'GET', '/veilarbaktivitet/api/aktivitet/4100107/versjoner', { token: await navToken() });
      expect(res.body.map((a: { versjon: string; status: string }) => [a.versjon, a.status])).toEqual([
        ['700008', 'GJENNOMFORES'],
        ['700007', 'PLANLAGT'],
      ]);
    });

    it('denies the versions of a shielded person’s activity (403) and answers 404 for an unknown one', async () => {
      const denied = await call(server.url, 'hentAktivitetVersjoner', 'GET', '/veilarbaktivitet/api/aktivitet/4100116/versjoner', { token: await navToken() });
      const missing = await call(server.url, 'hentAktivitetVersjoner', 'GET', '/veilarbaktivitet/api/aktivitet/1/versjoner', { token: await navToken() });
      expect([denied.status, missing.status]).toEqual([403, 404]);
    });
  });

  describe('creating an activity', () => {
    it('stores it in the person’s current period with the next id and the next global versjon', async () => {
      const res = await call(server.url, 'opprettAktivitet', 'POST', `/veilarbaktivitet/api/aktivitet/${EMMA_PERIODE}/ny`, { token: await navToken(), body: nyEgen });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: '4100128',
        versjon: '700029',
        tittel: nyEgen.tittel,
        status: 'PLANLAGT',
        hensikt: nyEgen.hensikt,
        avtalt: true,
        historisk: false,
        endretAv: 'Z990001',
        endretAvType: 'NAV',
        transaksjonsType: 'OPPRETTET',
        opprettetDato: '2026-11-26T08:00:00.000+01:00',
        oppfolgingsperiodeId: EMMA_PERIODE,
      });
      const plan = await call(server.url, 'hentAktivitetsplan', 'GET', `/veilarbaktivitet/api/aktivitet?fnr=${P.emma}`, { token: await navToken() });
      expect(plan.body.aktiviteter.map((a: { id: string }) => a.id)).toContain('4100128');
    });

    it('creates a new activity on every call (NAV has no idempotency)', async () => {
      const first = await call(server.url, 'opprettAktivitet', 'POST', `/veilarbaktivitet/api/aktivitet/${EMMA_PERIODE}/ny`, { token: await navToken(), body: nyEgen });
      const second = await call(server.url, 'opprettAktivitet', 'POST', `/veilarbaktivitet/api/aktivitet/${EMMA_PERIODE}/ny`, { token: await navToken(), body: nyEgen });
      expect([first.body.id, second.body.id]).toEqual(['4100128', '4100129']);
      expect(second.body.versjon).toBe('700030');
    });

    it('keeps only the fields of the activity’s type', async () => {
      const res = await call(server.url, 'opprettAktivitet', 'POST', `/veilarbaktivitet/api/aktivitet/${EMMA_PERIODE}/ny`, {
        token: await navToken(),
        body: { ...nyEgen, arbeidsgiver: 'Elektro AS', adresse: 'Kongens gate 1' },
      });
      expect(res.body.arbeidsgiver).toBeUndefined();
      expect(res.body.adresse).toBeUndefined();
    });

    it('lets the person create an own activity, never agreed with NAV, but not a meeting', async () => {
      const egen = await call(server.url, 'opprettAktivitet', 'POST', `/veilarbaktivitet/api/aktivitet/${EMMA_PERIODE}/ny`, { token: await personToken(P.emma), body: nyEgen });
      expect(egen.body).toMatchObject({ avtalt: false, endretAv: P.emma, endretAvType: 'BRUKER' });
      const mote = await call(server.url, 'opprettAktivitet', 'POST', `/veilarbaktivitet/api/aktivitet/${EMMA_PERIODE}/ny`, {
        token: await personToken(P.emma),
        body: { tittel: 'Møte', type: 'MOTE', status: 'PLANLAGT' },
      });
      expect(mote.status).toBe(403);
    });

    it('answers 409 for an ended period and leaves the state unchanged', async () => {
      const ended = server.state.personer.find((p) => p.fnr === P.jorgen)!.oppfolgingsperioder[0]!.uuid;
      expect(ended.startsWith(JORGEN_OLD_PERIODE)).toBe(true);
      const before = snapshot();
      const res = await call(server.url, 'opprettAktivitet', 'POST', `/veilarbaktivitet/api/aktivitet/${ended}/ny`, { token: await navToken(MORTEN), body: nyEgen });
      expect(res.status).toBe(409);
      expect(snapshot()).toBe(before);
    });

    it('answers 409 for a period that does not exist', async () => {
      const res = await call(server.url, 'opprettAktivitet', 'POST', '/veilarbaktivitet/api/aktivitet/00000000-0000-4000-8000-000000000000/ny', { token: await navToken(), body: nyEgen });
      expect(res.status).toBe(409);
    });

    it('rejects types that cannot be created here and invalid bodies with 400, changing nothing', async () => {
      const before = snapshot();
      const bodies = [
        { ...nyEgen, type: 'EKSTERNAKTIVITET' },
        { ...nyEgen, type: 'STILLING_FRA_NAV' },
        { ...nyEgen, tittel: '' },
        { ...nyEgen, status: 'FERDIG' },
        { tittel: 'x'.repeat(101), type: 'SAMTALEREFERAT', status: 'FULLFORT' },
        { ...nyEgen, fraDato: '27.11.2026' },
      ];
      for (const body of bodies) {
        const res = await call(server.url, 'opprettAktivitet', 'POST', `/veilarbaktivitet/api/aktivitet/${EMMA_PERIODE}/ny`, { token: await navToken(), body });
        expect(res.status, JSON.stringify(body)).toBe(400);
      }
      const malformed = await call(server.url, 'opprettAktivitet', 'POST', `/veilarbaktivitet/api/aktivitet/${EMMA_PERIODE}/ny`, { token: await navToken(), rawBody: '{"tittel":' });
      expect(malformed.status).toBe(400);
      expect(snapshot()).toBe(before);
    });

    it('denies creating in a shielded person’s period (403) without storing anything', async () => {
      const sanderPeriode = server.state.personer.find((p) => p.fnr === P.sander)!.oppfolgingsperioder[0]!.uuid;
      const before = snapshot();
      const res = await call(server.url, 'opprettAktivitet', 'POST', `/veilarbaktivitet/api/aktivitet/${sanderPeriode}/ny`, { token: await navToken(), body: nyEgen });
      expect(res.status).toBe(403);
      expect(snapshot()).toBe(before);
    });
  });

  describe('changing the status', () => {
    const put = async (id: string, body: unknown, tok?: string) =>
      call(server.url, 'oppdaterAktivitetStatus', 'PUT', `/veilarbaktivitet/api/aktivitet/${id}/status`, { token: tok ?? (await navToken()), body });

    it('stores a new version with the next global versjon', async () => {
      const res = await put('4100101', { id: '4100101', versjon: '700001', status: 'FULLFORT', avsluttetKommentar: 'Ferdig' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ versjon: '700029', status: 'FULLFORT', avsluttetKommentar: 'Ferdig', transaksjonsType: 'STATUS_ENDRET', endretAv: 'Z990001' });
      const versjoner = await call(server.url, 'hentAktivitetVersjoner', 'GET', '/veilarbaktivitet/api/aktivitet/4100101/versjoner', { token: await navToken() });
      expect(versjoner.body.map((a: { versjon: string }) => a.versjon)).toEqual(['700029', '700001']);
    });

    it('answers 409 to the advisor’s stale versjon (Sara’s 700007 against stored 700008), changing nothing', async () => {
      const before = snapshot();
      const res = await put('4100107', { id: '4100107', versjon: '700007', status: 'FULLFORT' });
      expect(res.status).toBe(409);
      expect(res.body).toEqual({ statusCode: 409 });
      expect(snapshot()).toBe(before);
    });

    it('answers 400 "Kan ikke endre aktivitet i en ferdig status" for an AVBRUTT activity', async () => {
      const res = await put('4100122', { id: '4100122', versjon: '700023', status: 'GJENNOMFORES' }, await navToken(MORTEN));
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ message: 'Kan ikke endre aktivitet i en ferdig status', statusCode: 400 });
    });

    it('answers 400 for a historic activity', async () => {
      const res = await put('4100118', { id: '4100118', versjon: '700019', status: 'GJENNOMFORES' }, await navToken(MORTEN));
      expect(res.status).toBe(400);
      expect(res.body.message).toBe('Kan ikke endre aktivitet i en ferdig status');
    });

    it('answers 400 when id or versjon is missing or the id is another activity’s', async () => {
      const before = snapshot();
      expect((await put('4100101', { id: '4100101', status: 'FULLFORT' })).status).toBe(400);
      expect((await put('4100101', { versjon: '700001', status: 'FULLFORT' })).status).toBe(400);
      expect((await put('4100101', { id: '4100104', versjon: '700001', status: 'FULLFORT' })).status).toBe(400);
      expect(snapshot()).toBe(before);
    });

    it('lets the person change their own activity and denies others (403), answering 404 for unknown ids', async () => {
      const own = await put('4100104', { id: '4100104', versjon: '700004', status: 'GJENNOMFORES' }, await personToken(P.emma));
      expect(own.body).toMatchObject({ status: 'GJENNOMFORES', endretAvType: 'BRUKER' });
      const other = await put('4100105', { id: '4100105', versjon: '700005', status: 'GJENNOMFORES' }, await personToken(P.emma));
      const unknown = await put('999', { id: '999', versjon: '1', status: 'GJENNOMFORES' });
      expect([other.status, unknown.status]).toEqual([403, 404]);
    });
  });

  describe('the meeting summary (referat)', () => {
    const referat = async (id: string, body: unknown, publiser = false, tok?: string) =>
      call(server.url, publiser ? 'publiserReferat' : 'oppdaterReferat', 'PUT', `/veilarbaktivitet/api/aktivitet/${id}/referat${publiser ? '/publiser' : ''}`, {
        token: tok ?? (await navToken()),
        body,
      });

    it('writes a summary without publishing it, then publishes it', async () => {
      const written = await referat('4100108', { id: '4100108', versjon: '700009', referat: 'Utkast' });
      expect(written.body).toMatchObject({ referat: 'Utkast', erReferatPublisert: false, transaksjonsType: 'REFERAT_OPPRETTET', versjon: '700029' });
      const published = await referat('4100108', { id: '4100108', versjon: '700029', referat: 'Endelig' }, true);
      expect(published.body).toMatchObject({ referat: 'Endelig', erReferatPublisert: true, transaksjonsType: 'REFERAT_PUBLISERT', versjon: '700030' });
    });

    it('keeps a published summary published when it is edited', async () => {
      const res = await referat('4100103', { id: '4100103', versjon: '700003', referat: 'Rettet skrivefeil' });
      expect(res.body).toMatchObject({ erReferatPublisert: true, transaksjonsType: 'REFERAT_ENDRET' });
    });

    it('is for NAV employees only (403 for the person)', async () => {
      const res = await referat('4100108', { id: '4100108', versjon: '700009', referat: 'Mitt referat' }, false, await personToken(P.sara));
      expect(res.status).toBe(403);
    });

    it('answers 400 on other types and on a summary over 5000 characters, 409 on a stale versjon, changing nothing', async () => {
      const before = snapshot();
      expect((await referat('4100101', { id: '4100101', versjon: '700001', referat: 'x' })).status).toBe(400);
      expect((await referat('4100108', { id: '4100108', versjon: '700001', referat: 'x' }, true)).status).toBe(409);
      expect((await referat('4100108', { id: '4100108', versjon: '700009', referat: 'x'.repeat(5001) })).status).toBe(400);
      expect(snapshot()).toBe(before);
    });
  });
});
