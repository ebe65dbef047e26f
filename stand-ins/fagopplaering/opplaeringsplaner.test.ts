import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDigipostStandIn } from '../digipost/index.ts';
import { callDigipost, PDF_BASE64 } from '../digipost/testing.ts';
import { call, callers, demo, REFERENCE_NOW, snapshot, startAtReference } from './testing.ts';

let digipost: Awaited<ReturnType<typeof startDigipostStandIn>>;
let server: Awaited<ReturnType<typeof startAtReference>>;
beforeEach(async () => {
  digipost = await startDigipostStandIn({ port: 0, now: () => new Date(REFERENCE_NOW) });
  server = await startAtReference({ digipostUrl: digipost.url });
});
afterEach(async () => {
  await server.close();
  await digipost.close();
});

const content = (overrides: Record<string, unknown> = {}) => ({
  laerefagkode: 'HSBUA3----',
  rute: 'FAGBREV_PA_JOBB',
  godkjenteFag: [],
  gjenstaendeFag: [{ fagkode: 'BUA3002', fagnavn: 'Barne- og ungdomsarbeiderfaget', niva: 'VG3', opplaeringssted: 'BEDRIFT' }],
  estimertVarighetManeder: 24,
  merknader: 'Praksis i barnehage kan gi grunnlag for fagbrev på jobb.',
  ...overrides,
});

const createPlan = (requestId: string, body: unknown = content(), caller: Record<string, unknown> = callers.advisor) =>
  call(server.url, 'opprettOpplaeringsplan', `/kartlegginger/${requestId}/opplaeringsplan`, caller, { body });
const getPlan = (planId: string, caller: Record<string, unknown>) => call(server.url, 'hentOpplaeringsplan', `/opplaeringsplaner/${planId}`, caller);
const putPlan = (planId: string, body: unknown, caller: Record<string, unknown> = callers.advisor) =>
  call(server.url, 'endreOpplaeringsplan', `/opplaeringsplaner/${planId}`, caller, { method: 'PUT', body });
const send = (planId: string, versjon: number, caller: Record<string, unknown> = callers.advisor) =>
  call(server.url, 'sendOpplaeringsplan', `/opplaeringsplaner/${planId}/send`, caller, { body: { versjon } });

/** A Digipost user (Mathias) with a request under treatment and a draft plan. */
async function draftForDigipostUser() {
  const created = await call(server.url, 'opprettKartleggingsforesporsel', '/kartlegginger', callers.navAune, {
    headers: { 'idempotency-key': randomUUID() },
    body: {
      fnr: demo.mathias,
      henvisendeVeileder: { navIdent: 'Z990001', navn: 'Ingrid Aune', enhetId: '5701', enhetNavn: 'Nav Falkenborg' },
      onsketLaerefag: ['ELELE3----'],
      beskrivelse: 'Ønsker fagbrev.',
      samtykke: { gittTidspunkt: '2026-11-25T10:00:00+01:00', metode: 'MUNTLIG', omfang: ['FAG_OG_KARAKTERER', 'OPPLAERINGSPLAN_TIL_NAV'] },
    },
  });
  await call(server.url, 'endreKartleggingStatus', `/kartlegginger/${created.body.id}/status`, callers.advisor, { body: { status: 'UNDER_BEHANDLING', versjon: 1 } });
  const plan = await createPlan(created.body.id, content({ laerefagkode: 'ELELE3----', rute: 'LAERLING' }));
  return { requestId: created.body.id as string, planId: plan.body.id as string };
}

const lettersWithId = (messageId: string) => [...digipost.state.messages.values()].filter((m) => m.delivery.messageId === messageId);

describe('Training plans', () => {
  describe('starting a draft (POST /kartlegginger/{id}/opplaeringsplan)', () => {
    it('creates an UTKAST plan by the advisor and links it to the request', async () => {
      const reply = await createPlan(demo.requestOlena);
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({
        kartleggingId: demo.requestOlena,
        fnr: demo.olena,
        laerefagTittel: 'Barne- og ungdomsarbeiderfaget',
        tentativ: true,
        status: 'UTKAST',
        utarbeidetAv: { id: 'FR-01', navn: 'Eirik Stene' },
        sendt: null,
        versjon: 1,
        godkjentPraksisManeder: null,
      });
      expect(server.state.kartlegginger.get(demo.requestOlena)).toMatchObject({ opplaeringsplanId: reply.body.id, versjon: 3 });
    });

    it('answers 409 PLAN_FINNES for a second plan and 409 UGYLDIG_STATUSOVERGANG on a withdrawn request', async () => {
      const second = await createPlan(demo.requestEmma, content({ laerefagkode: 'ELELE3----' }));
      const withdrawn = await createPlan(demo.requestTobias);
      expect([second.body.kode, withdrawn.body.kode]).toEqual(['PLAN_FINNES', 'UGYLDIG_STATUSOVERGANG']);
    });

    it('lets only the county write plans, and rejects an unknown trade, without changing anything', async () => {
      const before = snapshot(server.state);
      const nav = await createPlan(demo.requestOlena, content(), callers.navBjorgum);
      const unknownTrade = await createPlan(demo.requestOlena, content({ laerefagkode: 'XXXXX3----' }));
      const tooLong = await createPlan(demo.requestOlena, content({ estimertVarighetManeder: 97 }));
      expect([nav.status, unknownTrade.status, tooLong.status]).toEqual([403, 400, 400]);
      expect(snapshot(server.state)).toBe(before);
    });
  });

  describe('reading a plan (GET /opplaeringsplaner/{id})', () => {
    it('shows the plan to NAV when the consent includes it', async () => {
      const reply = await getPlan(demo.planEmma, callers.navAune);
      expect(reply.body).toMatchObject({ status: 'SENDT', sendt: { kanal: 'DIGIPOST' } });
    });

    it('refuses NAV when the consent does not include the plan', async () => {
      const plan = await createPlan(demo.requestOlena);
      const reply = await getPlan(plan.body.id, callers.navBjorgum);
      expect(reply.status).toBe(403);
      expect(reply.body.kode).toBe('IKKE_TILGANG');
    });

    it('answers 403 SAMTYKKE_TRUKKET to NAV and the county after withdrawal, but shows the person their plan', async () => {
      await call(server.url, 'trekkSamtykke', `/kartlegginger/${demo.requestEmma}/trekk-samtykke`, callers.person(demo.emma), {
        body: { metode: 'DIGITAL', registrertAv: { type: 'BRUKER', id: demo.emma } },
      });
      const nav = await getPlan(demo.planEmma, callers.navAune);
      const county = await getPlan(demo.planEmma, callers.advisor);
      const person = await getPlan(demo.planEmma, callers.person(demo.emma));
      expect([nav.body.kode, county.body.kode, person.status]).toEqual(['SAMTYKKE_TRUKKET', 'SAMTYKKE_TRUKKET', 200]);
    });

    it('refuses partners and other persons, and answers 404 for an unknown plan', async () => {
      const partner = await getPlan(demo.planEmma, callers.partner);
      const other = await getPlan(demo.planEmma, callers.person(demo.maria));
      const unknown = await getPlan(randomUUID(), callers.advisor);
      expect([partner.status, other.status, unknown.status]).toEqual([403, 403, 404]);
    });
  });

  describe('editing a draft (PUT /opplaeringsplaner/{id})', () => {
    it('saves the new content and bumps versjon', async () => {
      const plan = await createPlan(demo.requestOlena);
      const reply = await putPlan(plan.body.id, { ...content({ estimertVarighetManeder: 18 }), versjon: 1 });
      expect(reply.body).toMatchObject({ estimertVarighetManeder: 18, versjon: 2, status: 'UTKAST' });
    });

    it('answers 409 VERSJONSKONFLIKT for a stale versjon and keeps the plan as it was', async () => {
      const plan = await createPlan(demo.requestOlena);
      await putPlan(plan.body.id, { ...content({ estimertVarighetManeder: 18 }), versjon: 1 });
      const before = snapshot(server.state);
      const reply = await putPlan(plan.body.id, { ...content({ estimertVarighetManeder: 12 }), versjon: 1 });
      expect(reply.body.kode).toBe('VERSJONSKONFLIKT');
      expect(snapshot(server.state)).toBe(before);
    });

    it('answers 409 PLAN_ALLEREDE_SENDT for a sent plan and 403 for NAV', async () => {
      const sent = await putPlan(demo.planEmma, { ...content({ laerefagkode: 'ELELE3----' }), versjon: 3 });
      const nav = await putPlan(demo.planEmma, { ...content(), versjon: 3 }, callers.navAune);
      expect([sent.body.kode, nav.status]).toEqual(['PLAN_ALLEREDE_SENDT', 403]);
    });
  });

  describe('sending a plan (POST /opplaeringsplaner/{id}/send)', () => {
    it('delivers it to a Digipost user, marks plan SENDT and request PLAN_SENDT', async () => {
      const { requestId, planId } = await draftForDigipostUser();
      const reply = await send(planId, 1);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ status: 'SENDT', versjon: 2, sendt: { tidspunkt: REFERENCE_NOW, kanal: 'DIGIPOST' } });
      const messageId = reply.body.sendt.digipostMessageId;
      expect(lettersWithId(messageId)).toHaveLength(1);
      expect(lettersWithId(messageId)[0]!.recipient.personalIdentificationNumber).toBe(demo.mathias);
      expect(server.state.kartlegginger.get(requestId)).toMatchObject({ status: 'PLAN_SENDT' });
      const status = await callDigipost(digipost.url, 'getMessageDelivery', `/messages/${messageId}`);
      expect(status.body.status).toBe('DELIVERED');
    });

    it('returns the sent plan unchanged on a retry and sends exactly one letter', async () => {
      const { planId } = await draftForDigipostUser();
      const first = await send(planId, 1);
      const letters = digipost.state.messages.size;
      const retry = await send(planId, 1);
      expect(retry.body).toEqual(first.body);
      expect(digipost.state.messages.size).toBe(letters);
      expect(lettersWithId(first.body.sendt.digipostMessageId)).toHaveLength(1);
    });

    it('treats DUPLICATE_MESSAGE as success when an earlier attempt reached Digipost but its answer was lost', async () => {
      const { planId } = await draftForDigipostUser();
      // The earlier attempt: the id was stored on the plan and Digipost got the letter, the answer never came back.
      const messageId = randomUUID();
      server.state.digipostMessageIds.set(planId, messageId);
      await callDigipost(digipost.url, 'sendMessage', '/messages', {
        body: {
          messageId,
          recipient: { personalIdentificationNumber: demo.mathias },
          primaryDocument: { uuid: randomUUID(), subject: 'Tentativ opplæringsplan', fileType: 'pdf', content: PDF_BASE64 },
        },
      });
      const letters = digipost.state.messages.size;
      const reply = await send(planId, 1);
      expect(reply.body).toMatchObject({ status: 'SENDT', sendt: { digipostMessageId: messageId, kanal: 'DIGIPOST' } });
      expect(digipost.state.messages.size).toBe(letters);
      expect(lettersWithId(messageId)).toHaveLength(1);
    });

    it('prints the letter for a person who is not a Digipost user when an address is known', async () => {
      await server.close();
      server = await startAtReference({
        digipostUrl: digipost.url,
        printAddresses: new Map([[demo.olena, { name: 'Olena Kovalenko', norwegianAddress: { addressline1: 'Eksempelveien 1', zipCode: '7713', city: 'Steinkjer' } }]]),
      });
      const plan = await createPlan(demo.requestOlena);
      const reply = await send(plan.body.id, 1);
      expect(reply.body.sendt.kanal).toBe('PRINT');
      const letter = lettersWithId(reply.body.sendt.digipostMessageId)[0]!;
      expect(letter.delivery.status).toBe('DELIVERED_TO_PRINT');
      expect(letter.recipient.printDetails?.returnAddress.name).toBe('Trøndelag fylkeskommune, fagopplæringen');
    });

    it('answers 502 DIGIPOST_FEILET for a non-user without a print address, leaving plan and request as they were', async () => {
      const plan = await createPlan(demo.requestOlena);
      const before = snapshot(server.state);
      const letters = digipost.state.messages.size;
      const reply = await send(plan.body.id, 1);
      expect(reply.status).toBe(502);
      expect(reply.body.kode).toBe('DIGIPOST_FEILET');
      expect(snapshot(server.state)).toBe(before);
      expect(digipost.state.messages.size).toBe(letters);
    });

    it('answers 502 DIGIPOST_FEILET when Digipost is not configured', async () => {
      await server.close();
      server = await startAtReference();
      const plan = await createPlan(demo.requestOlena);
      const reply = await send(plan.body.id, 1);
      expect(reply.status).toBe(502);
    });

    it('answers 409 VERSJONSKONFLIKT for a stale versjon and sends nothing', async () => {
      const { planId } = await draftForDigipostUser();
      await putPlan(planId, { ...content({ laerefagkode: 'ELELE3----' }), versjon: 1 });
      const letters = digipost.state.messages.size;
      const reply = await send(planId, 1);
      expect(reply.body.kode).toBe('VERSJONSKONFLIKT');
      expect(digipost.state.messages.size).toBe(letters);
    });

    it('answers 403 SAMTYKKE_TRUKKET after withdrawal and 403 to NAV', async () => {
      const { requestId, planId } = await draftForDigipostUser();
      const nav = await send(planId, 1, callers.navAune);
      await call(server.url, 'trekkSamtykke', `/kartlegginger/${requestId}/trekk-samtykke`, callers.navAune, {
        body: { metode: 'MUNTLIG', registrertAv: { type: 'NAV', id: 'Z990001' } },
      });
      const withdrawn = await send(planId, 1);
      expect([nav.body.kode, withdrawn.body.kode]).toEqual(['IKKE_TILGANG', 'SAMTYKKE_TRUKKET']);
    });

    it('passes the correlation id on to Digipost and back', async () => {
      const { planId } = await draftForDigipostUser();
      const reply = await call(server.url, 'sendOpplaeringsplan', `/opplaeringsplaner/${planId}/send`, callers.advisor, {
        body: { versjon: 1 },
        headers: { 'x-correlation-id': 'send-1' },
      });
      expect(reply.headers.get('x-correlation-id')).toBe('send-1');
    });
  });
});
