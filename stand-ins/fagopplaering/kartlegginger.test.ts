import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, callers, demo, REFERENCE_NOW, snapshot, startAtReference } from './testing.ts';

let server: Awaited<ReturnType<typeof startAtReference>>;
beforeEach(async () => {
  server = await startAtReference();
});
afterEach(() => server.close());

const newRequest = (overrides: Record<string, unknown> = {}) => ({
  fnr: demo.mathias,
  henvisendeVeileder: { navIdent: 'Z990001', navn: 'Ingrid Aune', enhetId: '5701', enhetNavn: 'Nav Falkenborg' },
  onsketLaerefag: ['ELELE3----'],
  beskrivelse: 'Ønsker fagbrev som elektriker.',
  samtykke: { gittTidspunkt: '2026-11-25T10:00:00+01:00', metode: 'MUNTLIG', omfang: ['FAG_OG_KARAKTERER', 'OPPLAERINGSPLAN_TIL_NAV'] },
  ...overrides,
});

/** NAV asks Tobias (P12, who withdrew his earlier consent) for a digital consent. */
const askTobias = () =>
  newRequest({ fnr: demo.tobias, onsketLaerefag: ['BARLF3----'], samtykke: { metode: 'DIGITAL', omfang: ['FAG_OG_KARAKTERER', 'PRAKSIS'] } });

const create = (body: unknown, key: string | null = randomUUID(), caller: Record<string, unknown> | null = callers.navAune) =>
  call(server.url, 'opprettKartleggingsforesporsel', '/kartlegginger', caller, { body, headers: key ? { 'idempotency-key': key } : {} });

const status = (id: string, body: unknown, caller: Record<string, unknown> = callers.advisor) =>
  call(server.url, 'endreKartleggingStatus', `/kartlegginger/${id}/status`, caller, { body });

const withdraw = (id: string, caller: Record<string, unknown>, body: unknown = { metode: 'MUNTLIG', registrertAv: { type: 'NAV', id: 'Z990003' } }) =>
  call(server.url, 'trekkSamtykke', `/kartlegginger/${id}/trekk-samtykke`, caller, { body });

const grunnlag = (id: string, caller: Record<string, unknown>) =>
  call(server.url, 'hentKartleggingsgrunnlag', `/kartlegginger/${id}/grunnlag`, caller);

describe('Skills-mapping requests', () => {
  describe('creating one (POST /kartlegginger)', () => {
    it('creates a MOTTATT request with the next reference, recorded as sent by the NAV advisor', async () => {
      const reply = await create(newRequest());
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({
        referanse: 'KF-2026-000006',
        status: 'MOTTATT',
        versjon: 1,
        tildeltRadgiver: null,
        opplaeringsplanId: null,
        opprettet: REFERENCE_NOW,
        samtykke: { trukketTidspunkt: null },
      });
      expect(reply.body.statushistorikk).toEqual([{ status: 'MOTTATT', tidspunkt: REFERENCE_NOW, utfortAv: { type: 'NAV', id: 'Z990001' } }]);
      expect(server.state.kartlegginger.get(reply.body.id)).toEqual(reply.body);
    });

    it('replays the first response for the same key and body, creating nothing new', async () => {
      const key = randomUUID();
      const first = await create(newRequest(), key);
      const again = await create(newRequest(), key);
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body).toEqual(first.body);
      expect([...server.state.kartlegginger.values()].filter((k) => k.fnr === demo.mathias)).toHaveLength(1);
    });

    it('answers 422 IDEMPOTENCY_KEY_REUSED for the same key with another body', async () => {
      const key = randomUUID();
      await create(newRequest(), key);
      const before = snapshot(server.state);
      const reply = await create(newRequest({ beskrivelse: 'Noe annet.' }), key);
      expect(reply.status).toBe(422);
      expect(reply.body.kode).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(snapshot(server.state)).toBe(before);
    });

    it('answers 409 AAPEN_FORESPORSEL_FINNES when the person already has an open request', async () => {
      const before = snapshot(server.state);
      const reply = await create(newRequest({ fnr: demo.olena }));
      expect(reply.status).toBe(409);
      expect(reply.body.kode).toBe('AAPEN_FORESPORSEL_FINNES');
      expect(snapshot(server.state)).toBe(before);
    });

    it('accepts NAV asking for a digital consent of a person whose earlier request was withdrawn', async () => {
      const reply = await create(askTobias());
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ status: 'VENTER_PA_SAMTYKKE', samtykke: null, etterspurtOmfang: ['FAG_OG_KARAKTERER', 'PRAKSIS'] });
    });

    it('answers 422 SAMTYKKE_MANGLER without consent', async () => {
      const { samtykke: _, ...withoutConsent } = newRequest();
      const reply = await create(withoutConsent);
      expect(reply.status).toBe(422);
      expect(reply.body.kode).toBe('SAMTYKKE_MANGLER');
    });

    it('rejects a missing Idempotency-Key, an unknown trade or a bad check digit with 400 and changes nothing', async () => {
      const before = snapshot(server.state);
      const noKey = await create(newRequest(), null);
      const unknownTrade = await create(newRequest({ onsketLaerefag: ['XXXXX3----'] }));
      const badFnr = await create(newRequest({ fnr: '23869823563' }));
      const futureConsent = await create(newRequest({ samtykke: { ...newRequest().samtykke, gittTidspunkt: '2026-12-01T10:00:00+01:00' } }));
      expect([noKey.status, unknownTrade.status, badFnr.status, futureConsent.status]).toEqual([400, 400, 400, 400]);
      expect(unknownTrade.body.feil).toEqual([{ felt: 'onsketLaerefag.0', melding: 'ukjent lærefag' }]);
      expect(snapshot(server.state)).toBe(before);
      expect(server.state.idempotency.size).toBe(0);
    });

    it('lets only NAV send requests, and only in the logged-in advisor’s name', async () => {
      const county = await create(newRequest(), randomUUID(), callers.advisor);
      const otherAdvisor = await create(newRequest(), randomUUID(), callers.navBjorgum);
      const noToken = await create(newRequest(), randomUUID(), null);
      expect([county.status, otherAdvisor.status, noToken.status]).toEqual([403, 403, 401]);
    });
  });

  describe('finding and reading them', () => {
    it('finds a person’s requests newest first', async () => {
      await create(askTobias());
      const reply = await call(server.url, 'sokKartleggingsforesporsler', '/kartlegginger/sok', callers.navAune, { body: { fnr: demo.tobias } });
      expect(reply.body.kartlegginger.map((k: { status: string }) => k.status)).toEqual(['VENTER_PA_SAMTYKKE', 'TRUKKET']);
    });

    it('filters by NAV advisor and status', async () => {
      const reply = await call(server.url, 'sokKartleggingsforesporsler', '/kartlegginger/sok', callers.advisor, {
        body: { navIdent: 'Z990003', status: ['PLAN_SENDT'] },
      });
      expect(reply.body.kartlegginger.map((k: { fnr: string }) => k.fnr)).toEqual([demo.henrik]);
    });

    it('shows a person only their own requests, and rejects an empty search', async () => {
      const own = await call(server.url, 'sokKartleggingsforesporsler', '/kartlegginger/sok', callers.person(demo.emma), { body: { status: ['PLAN_SENDT'] } });
      const empty = await call(server.url, 'sokKartleggingsforesporsler', '/kartlegginger/sok', callers.advisor, { body: {} });
      expect(own.body.kartlegginger.map((k: { fnr: string }) => k.fnr)).toEqual([demo.emma]);
      expect(empty.status).toBe(400);
    });

    it('lets NAV read a withdrawn request', async () => {
      const reply = await call(server.url, 'hentKartleggingsforesporsel', `/kartlegginger/${demo.requestTobias}`, callers.navAune);
      expect(reply.body.status).toBe('TRUKKET');
    });

    it('refuses another person’s request and partners with 403, unknown ids with 404', async () => {
      const other = await call(server.url, 'hentKartleggingsforesporsel', `/kartlegginger/${demo.requestEmma}`, callers.person(demo.maria));
      const partner = await call(server.url, 'hentKartleggingsforesporsel', `/kartlegginger/${demo.requestEmma}`, callers.partner);
      const unknown = await call(server.url, 'hentKartleggingsforesporsel', `/kartlegginger/${randomUUID()}`, callers.advisor);
      const malformed = await call(server.url, 'hentKartleggingsforesporsel', '/kartlegginger/abc', callers.advisor);
      expect([other.status, partner.status, unknown.status, malformed.status]).toEqual([403, 403, 404, 404]);
    });
  });

  describe('moving the status (POST /kartlegginger/{id}/status)', () => {
    it('takes a new request on, assigning the advisor', async () => {
      const created = await create(newRequest());
      const reply = await status(created.body.id, { status: 'UNDER_BEHANDLING', versjon: 1 });
      expect(reply.body).toMatchObject({ status: 'UNDER_BEHANDLING', versjon: 2, tildeltRadgiver: { id: 'FR-01', navn: 'Eirik Stene' } });
      expect(reply.body.statushistorikk.at(-1)).toEqual({ status: 'UNDER_BEHANDLING', tidspunkt: REFERENCE_NOW, utfortAv: { type: 'FAGOPPLAERING', id: 'FR-01' } });
    });

    it('answers 409 VERSJONSKONFLIKT for a stale versjon and changes nothing', async () => {
      const before = snapshot(server.state);
      const reply = await status(demo.requestOlena, { status: 'AVSLUTTET', versjon: 1 });
      expect(reply.status).toBe(409);
      expect(reply.body.kode).toBe('VERSJONSKONFLIKT');
      expect(snapshot(server.state)).toBe(before);
    });

    it('answers 409 UGYLDIG_STATUSOVERGANG for a move the flow does not allow', async () => {
      const backwards = await status(demo.requestOlena, { status: 'UNDER_BEHANDLING', versjon: 2 });
      const fromWithdrawn = await status(demo.requestTobias, { status: 'AVSLUTTET', versjon: 3 });
      expect([backwards.body.kode, fromWithdrawn.body.kode]).toEqual(['UGYLDIG_STATUSOVERGANG', 'UGYLDIG_STATUSOVERGANG']);
    });

    it('closes a request under treatment', async () => {
      const reply = await status(demo.requestOlena, { status: 'AVSLUTTET', versjon: 2, tildeltRadgiverId: 'FR-02' });
      expect(reply.body).toMatchObject({ status: 'AVSLUTTET', versjon: 3, tildeltRadgiver: { id: 'FR-02' } });
    });

    it('refuses NAV with 403, an unknown advisor and a bad body with 400', async () => {
      const before = snapshot(server.state);
      // Olena's request was sent by Z990003, not Z990001.
      const nav = await status(demo.requestOlena, { status: 'AVSLUTTET', versjon: 2 }, callers.navAune);
      const unknownAdvisor = await status(demo.requestOlena, { status: 'AVSLUTTET', versjon: 2, tildeltRadgiverId: 'FR-99' });
      const bad = await status(demo.requestOlena, { status: 'PLAN_SENDT', versjon: 2 });
      expect([nav.status, unknownAdvisor.status, bad.status]).toEqual([403, 400, 400]);
      expect(snapshot(server.state)).toBe(before);
    });
  });

  describe('withdrawing consent (POST /kartlegginger/{id}/trekk-samtykke)', () => {
    it('makes the request TRUKKET and its records unreadable for NAV and the county, but not for the person', async () => {
      const before = await grunnlag(demo.requestOlena, callers.navBjorgum);
      expect(before.status).toBe(200);
      const reply = await withdraw(demo.requestOlena, callers.navBjorgum);
      expect(reply.body).toMatchObject({ status: 'TRUKKET', versjon: 3, samtykke: { trukketTidspunkt: REFERENCE_NOW } });
      expect(reply.body.statushistorikk.at(-1)).toEqual({ status: 'TRUKKET', tidspunkt: REFERENCE_NOW, utfortAv: { type: 'NAV', id: 'Z990003' } });
      const nav = await grunnlag(demo.requestOlena, callers.navBjorgum);
      const county = await grunnlag(demo.requestOlena, callers.advisor);
      const person = await grunnlag(demo.requestOlena, callers.person(demo.olena));
      expect([nav.body.kode, county.body.kode]).toEqual(['SAMTYKKE_TRUKKET', 'SAMTYKKE_TRUKKET']);
      expect(person.status).toBe(200);
      const request = await call(server.url, 'hentKartleggingsforesporsel', `/kartlegginger/${demo.requestOlena}`, callers.navBjorgum);
      expect(request.body.status).toBe('TRUKKET');
    });

    it('lets the person withdraw their own consent at a time they give', async () => {
      const reply = await withdraw(demo.requestEmma, callers.person(demo.emma), {
        metode: 'DIGITAL',
        registrertAv: { type: 'BRUKER', id: demo.emma },
        trukketTidspunkt: '2026-11-25T12:00:00+01:00',
      });
      expect(reply.body.samtykke.trukketTidspunkt).toBe('2026-11-25T12:00:00.000+01:00');
    });

    it('answers 409 ALLEREDE_TRUKKET the second time', async () => {
      const reply = await withdraw(demo.requestTobias, callers.navAune);
      expect(reply.status).toBe(409);
      expect(reply.body.kode).toBe('ALLEREDE_TRUKKET');
    });

    it('refuses another person and partners with 403, a time in the future with 400', async () => {
      const before = snapshot(server.state);
      const other = await withdraw(demo.requestEmma, callers.person(demo.maria));
      const partner = await withdraw(demo.requestEmma, callers.partner);
      const future = await withdraw(demo.requestEmma, callers.navAune, {
        metode: 'MUNTLIG',
        registrertAv: { type: 'NAV', id: 'Z990001' },
        trukketTidspunkt: '2026-12-01T12:00:00+01:00',
      });
      expect([other.status, partner.status, future.status]).toEqual([403, 403, 400]);
      expect(snapshot(server.state)).toBe(before);
    });
  });

  describe('the records a request covers (GET /kartlegginger/{id}/grunnlag)', () => {
    it('gives NAV only the kinds in the consent’s scope', async () => {
      const created = await create(askTobias());
      await call(server.url, 'giSamtykke', `/kartlegginger/${created.body.id}/samtykke`, callers.person(demo.tobias), { body: { omfang: ['FAG_OG_KARAKTERER'] } });
      const reply = await grunnlag(created.body.id, callers.navAune);
      expect(reply.body.fag).toHaveLength(11);
      expect(reply.body.laerekontrakter).toEqual([]);
      expect(server.state.personer.get(demo.tobias)!.laerekontrakter).toHaveLength(1);
    });

    it('gives empty lists for a person without records in the county', async () => {
      const created = await create(newRequest());
      const reply = await grunnlag(created.body.id, callers.advisor);
      expect(reply.body).toEqual({ fnr: demo.mathias, fag: [], praksis: [], laerekontrakter: [] });
    });

    it('refuses NAV once the request is closed, and partners always', async () => {
      await status(demo.requestOlena, { status: 'AVSLUTTET', versjon: 2 });
      const nav = await grunnlag(demo.requestOlena, callers.navBjorgum);
      const partner = await grunnlag(demo.requestEmma, callers.partner);
      expect([nav.body.kode, partner.body.kode]).toEqual(['IKKE_TILGANG', 'IKKE_TILGANG']);
    });
  });
});
