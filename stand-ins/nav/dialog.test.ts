import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, HAKON, MORTEN, navToken, P, personToken, startAtReference, token } from './testing.ts';

type Server = Awaited<ReturnType<typeof startAtReference>>;
let server: Server;
beforeEach(async () => {
  server = await startAtReference();
});
afterEach(() => server.close());

const snapshot = () => JSON.stringify([...server.state.dialoger]);
const send = async (body: unknown, tok?: string) => call(server.url, 'nyMelding', 'POST', '/veilarbdialog/api/dialog', { token: tok ?? (await navToken()), body });
const HISTORISK = 'Funksjonell feil under behandling: NyHenvendelsePåHistoriskDialogException - null ';

describe('veilarbdialog stand-in', () => {
  describe('authentication and access', () => {
    it('answers 401 without a body when the bearer token is missing', async () => {
      const res = await call(server.url, 'hentDialoger', 'GET', `/veilarbdialog/api/dialog?fnr=${P.emma}`);
      expect(res.status).toBe(401);
      expect(res.body).toBeUndefined();
    });

    it('denies a shielded person’s threads with a plain-text 403', async () => {
      const res = await call(server.url, 'hentDialoger', 'GET', `/veilarbdialog/api/dialog?fnr=${P.sander}`, { token: await navToken() });
      expect(res.status).toBe(403);
      expect(res.contentType).toMatch(/^text\/plain/);
      const permitted = await call(server.url, 'hentDialoger', 'GET', `/veilarbdialog/api/dialog?fnr=${P.sander}`, { token: await navToken(HAKON) });
      expect(permitted.status).toBe(200);
    });

    it('lets a person reach only their own threads', async () => {
      const own = await call(server.url, 'hentDialog', 'GET', '/veilarbdialog/api/dialog/810001', { token: await personToken(P.emma) });
      const other = await call(server.url, 'hentDialog', 'GET', '/veilarbdialog/api/dialog/810003', { token: await personToken(P.emma) });
      const otherList = await call(server.url, 'hentDialoger', 'GET', `/veilarbdialog/api/dialog?fnr=${P.mathias}`, { token: await personToken(P.emma) });
      expect([own.status, other.status, otherList.status]).toEqual([200, 403, 403]);
    });

    it('answers 404 in plain text for a thread that does not exist', async () => {
      const res = await call(server.url, 'hentDialog', 'GET', '/veilarbdialog/api/dialog/1', { token: await navToken() });
      expect(res.status).toBe(404);
      expect(typeof res.body).toBe('string');
    });
  });

  describe('reading threads', () => {
    it('lists the person’s threads with their messages oldest first', async () => {
      const res = await call(server.url, 'hentDialoger', 'GET', `/veilarbdialog/api/dialog?fnr=${P.emma}`, { token: await navToken() });
      expect(res.body.map((d: { id: string }) => d.id)).toEqual(['810001', '810002']);
      expect(res.body[0].henvendelser.map((h: { id: string }) => h.id)).toEqual(['1810001', '1810002', '1810003', '1810004', '1810005']);
    });

    it('shows `lest` from the caller’s side: NAV has unread messages in one thread, the person in another', async () => {
      const asNav = await call(server.url, 'hentDialoger', 'GET', `/veilarbdialog/api/dialog?fnr=${P.ole}`, { token: await navToken() });
      const asPerson = await call(server.url, 'hentDialoger', 'GET', '/veilarbdialog/api/dialog', { token: await personToken(P.ole) });
      const lest = (list: { id: string; lest: boolean }[]) => Object.fromEntries(list.map((d) => [d.id, d.lest]));
      expect(lest(asNav.body)).toEqual({ '810005': false, '810006': true });
      expect(lest(asPerson.body)).toEqual({ '810005': true, '810006': false });
    });

    it('counts threads with unread messages from the caller’s side', async () => {
      const nav = await call(server.url, 'antallUleste', 'POST', '/veilarbdialog/api/dialog/antallUleste', { token: await navToken(), body: { fnr: P.ole } });
      const person = await call(server.url, 'antallUleste', 'POST', '/veilarbdialog/api/dialog/antallUleste', { token: await personToken(P.ole), body: { fnr: P.ole } });
      const denied = await call(server.url, 'antallUleste', 'POST', '/veilarbdialog/api/dialog/antallUleste', { token: await navToken(), body: { fnr: P.sander } });
      expect([nav.body, person.body]).toEqual([{ antallUleste: 1 }, { antallUleste: 1 }]);
      expect(denied.status).toBe(403);
    });

    it('leaves historic threads out of the unread count', async () => {
      server.state.dialoger.get('810010')!.henvendelser[0]!.lest = false; // a BRUKER message NAV never read
      const res = await call(server.url, 'antallUleste', 'POST', '/veilarbdialog/api/dialog/antallUleste', { token: await navToken(MORTEN), body: { fnr: P.jorgen } });
      expect(res.body).toEqual({ antallUleste: 0 });
    });
  });

  describe('marking read', () => {
    it('marks the person’s messages read for NAV', async () => {
      const res = await call(server.url, 'markerDialogSomLest', 'PUT', '/veilarbdialog/api/dialog/810005/les', { token: await navToken() });
      expect(res.body.lest).toBe(true);
      expect(res.body.henvendelser.every((h: { lest: boolean }) => h.lest)).toBe(true);
      const count = await call(server.url, 'antallUleste', 'POST', '/veilarbdialog/api/dialog/antallUleste', { token: await navToken(), body: { fnr: P.ole } });
      expect(count.body).toEqual({ antallUleste: 0 });
    });

    it('marks NAV’s messages read by the person, with the time they read them', async () => {
      const res = await call(server.url, 'markerDialogSomLest', 'PUT', '/veilarbdialog/api/dialog/810006/les', { token: await personToken(P.ole) });
      expect(res.body).toMatchObject({ lest: true, erLestAvBruker: true, lestAvBrukerTidspunkt: '2026-11-26T08:00:00.000+01:00' });
      // NAV's view of the same thread: NAV's own `lest` is unchanged, the person has read it.
      const asNav = await call(server.url, 'hentDialog', 'GET', '/veilarbdialog/api/dialog/810006', { token: await navToken() });
      expect(asNav.body).toMatchObject({ lest: true, erLestAvBruker: true });
    });

    it('denies marking another person’s thread (403)', async () => {
      const res = await call(server.url, 'markerDialogSomLest', 'PUT', '/veilarbdialog/api/dialog/810006/les', { token: await personToken(P.emma) });
      expect(res.status).toBe(403);
    });
  });

  describe('sending a message', () => {
    it('adds NAV’s message to an existing thread as VEILEDER', async () => {
      const res = await send({ dialogId: '810001', tekst: 'Hei igjen', venterPaaSvarFraBruker: true });
      expect(res.status).toBe(200);
      const last = res.body.henvendelser.at(-1);
      expect(last).toMatchObject({ id: '1810039', dialogId: '810001', avsender: 'VEILEDER', avsenderId: 'Z990001', lest: false, tekst: 'Hei igjen' });
      expect(res.body).toMatchObject({ sisteTekst: 'Hei igjen', venterPaSvar: true, erLestAvBruker: false });
    });

    it('adds the person’s message as BRUKER, leaving it unread for NAV and NAV owing an answer', async () => {
      const res = await send({ dialogId: '810001', tekst: 'Takk!' }, await personToken(P.emma));
      expect(res.body.henvendelser.at(-1)).toMatchObject({ avsender: 'BRUKER', avsenderId: null });
      const asNav = await call(server.url, 'hentDialog', 'GET', '/veilarbdialog/api/dialog/810001', { token: await navToken() });
      expect(asNav.body).toMatchObject({ lest: false, ferdigBehandlet: false });
    });

    it('puts a message about an activity in its existing thread', async () => {
      const res = await send({ aktivitetId: '4100101', tekst: 'Hvordan gikk timen?' });
      expect(res.body.id).toBe('810001');
      expect([...server.state.dialoger.values()].filter((d) => d.aktivitetId === '4100101')).toHaveLength(1);
    });

    it('creates the activity’s thread when it has none, headed by the activity’s title', async () => {
      const res = await send({ aktivitetId: '4100102', tekst: 'Referatet ligger ute nå.' });
      expect(res.body).toMatchObject({ id: '810015', aktivitetId: '4100102', overskrift: 'Oppfølgingsmøte etter karriereveiledning', historisk: false });
      expect(res.body.henvendelser).toHaveLength(1);
      const again = await send({ aktivitetId: '4100102', tekst: 'En ting til.' });
      expect(again.body.id).toBe('810015');
    });

    it('creates a free thread with the given heading in the current period', async () => {
      const res = await send({ fnr: P.emma, overskrift: 'Spørsmål om kurs', tekst: 'Vil du på kurs?' });
      expect(res.body).toMatchObject({ id: '810015', aktivitetId: null, overskrift: 'Spørsmål om kurs', oppfolgingsperiode: '56bfd8a4-6519-4dcf-ad30-accc712380c6' });
    });

    it('creates a new record on every call (NAV has no idempotency)', async () => {
      const body = { dialogId: '810002', tekst: 'Samme tekst' };
      await send(body);
      const second = await send(body);
      expect(second.body.henvendelser.filter((h: { tekst: string }) => h.tekst === 'Samme tekst')).toHaveLength(2);
    });

    it('answers 409 in plain text for a historic thread and for a historic activity, changing nothing', async () => {
      const before = snapshot();
      const thread = await send({ dialogId: '810010', tekst: 'Hei' }, await navToken(MORTEN));
      const activity = await send({ aktivitetId: '4100118', tekst: 'Hei' }, await navToken(MORTEN));
      expect([thread.status, activity.status]).toEqual([409, 409]);
      expect(thread.body).toBe(HISTORISK);
      expect(thread.contentType).toMatch(/^text\/plain/);
      expect(snapshot()).toBe(before);
    });

    it('answers 409 when NAV writes to a person who cannot be notified', async () => {
      server.state.person(P.emma)!.kanVarsles = false;
      const before = snapshot();
      const res = await send({ dialogId: '810001', tekst: 'Hei' });
      expect(res.status).toBe(409);
      expect(snapshot()).toBe(before);
    });

    it('answers 400 for an unknown thread, a free thread without heading or an empty text, changing nothing', async () => {
      const before = snapshot();
      const statuses = [
        (await send({ dialogId: '1', tekst: 'Hei' })).status,
        (await send({ fnr: P.emma, tekst: 'Hei' })).status,
        (await send({ dialogId: '810001', tekst: '' })).status,
        (await send({ dialogId: '810001', tekst: 'Hei', fnr: P.mathias })).status,
      ];
      expect(statuses).toEqual([400, 400, 400, 400]);
      expect(snapshot()).toBe(before);
    });

    it('denies writing to a shielded person’s thread and to another person’s thread (403), changing nothing', async () => {
      const before = snapshot();
      const shielded = await send({ dialogId: '810009', tekst: 'Hei' });
      const other = await send({ dialogId: '810003', tekst: 'Hei' }, await personToken(P.emma));
      const otherOrg = await send({ dialogId: '810001', tekst: 'Hei' }, await token({ role: 'FAGOPPLAERING', advisorId: 'FR-01' }));
      expect([shielded.status, other.status, otherOrg.status]).toEqual([403, 403, 403]);
      expect(snapshot()).toBe(before);
    });
  });
});
