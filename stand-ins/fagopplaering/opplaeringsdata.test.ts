import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, callers, demo, startAtReference } from './testing.ts';

let server: Awaited<ReturnType<typeof startAtReference>>;
beforeAll(async () => {
  server = await startAtReference();
});
afterAll(() => server.close());

const sok = (caller: Record<string, unknown> | null, body: unknown, headers?: Record<string, string>) =>
  call(server.url, 'sokOpplaeringsdata', '/personer/opplaeringsdata/sok', caller, { body, headers });

describe('Batch search of records (POST /personer/opplaeringsdata/sok)', () => {
  it('answers 401 IKKE_AUTENTISERT without a bearer token', async () => {
    const reply = await sok(null, { fnr: [demo.emma] });
    expect(reply.status).toBe(401);
    expect(reply.body.kode).toBe('IKKE_AUTENTISERT');
  });

  describe('for a fagopplæring advisor', () => {
    it('returns everyone with records and lists the rest as not found', async () => {
      const reply = await sok(callers.advisor, { fnr: [demo.maria, demo.tobias, demo.mathias] });
      expect(reply.body.personer.map((p: { fnr: string }) => p.fnr)).toEqual([demo.maria, demo.tobias]);
      expect(reply.body.ikkeFunnet).toEqual([demo.mathias]);
      expect(reply.body.ikkeTilgang).toEqual([]);
      const tobias = reply.body.personer[1];
      expect(tobias.laerekontrakter[0].status).toBe('HEVET');
    });

    it('returns only the kinds asked for', async () => {
      const reply = await sok(callers.advisor, { fnr: [demo.maria], inkluder: ['PRAKSIS'] });
      expect(reply.body.personer[0]).toMatchObject({ fag: [], praksis: [], laerekontrakter: [] });
    });
  });

  describe('for a NAV advisor', () => {
    it('returns a person with an open request and full consent', async () => {
      const reply = await sok(callers.navAune, { fnr: [demo.emma] });
      expect(reply.body.personer[0].fag).toHaveLength(6);
    });

    it('returns only the kinds the consent covers', async () => {
      const reply = await sok(callers.navBjorgum, { fnr: [demo.olena] });
      expect(reply.body.personer[0].praksis).toHaveLength(1);
      expect(reply.body.ikkeTilgang).toEqual([]);
    });

    it('puts a person whose consent does not cover the asked kinds under ikkeTilgang', async () => {
      const reply = await sok(callers.navBjorgum, { fnr: [demo.olena], inkluder: ['LAEREKONTRAKTER'] });
      expect(reply.body).toEqual({ personer: [], ikkeFunnet: [], ikkeTilgang: [demo.olena] });
    });

    it('puts persons with a withdrawn or no request under ikkeTilgang, without revealing who has records', async () => {
      const reply = await sok(callers.navAune, { fnr: [demo.tobias, demo.mathias, demo.emma] });
      expect(reply.body.ikkeTilgang).toEqual([demo.tobias, demo.mathias]);
      expect(reply.body.ikkeFunnet).toEqual([]);
      expect(reply.body.personer).toHaveLength(1);
    });
  });

  it('gives a person their own records and nobody else’s', async () => {
    const reply = await sok(callers.person(demo.maria), { fnr: [demo.maria, demo.emma] });
    expect(reply.body.personer.map((p: { fnr: string }) => p.fnr)).toEqual([demo.maria]);
    expect(reply.body.ikkeTilgang).toEqual([demo.emma]);
  });

  it('gives partners and career centres no personal records', async () => {
    const partner = await sok(callers.partner, { fnr: [demo.maria] });
    const counsellor = await sok(callers.counsellor, { fnr: [demo.maria] });
    expect(partner.body.ikkeTilgang).toEqual([demo.maria]);
    expect(counsellor.body.personer).toEqual([]);
  });

  describe('rejects bad input with 400', () => {
    it('for duplicate numbers, with the correlation id in the body and header', async () => {
      const reply = await sok(callers.advisor, { fnr: [demo.maria, demo.maria] }, { 'x-correlation-id': 'abc-123' });
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ kode: 'UGYLDIG_FORESPORSEL', correlationId: 'abc-123' });
      expect(reply.headers.get('x-correlation-id')).toBe('abc-123');
    });

    it('for more than 200 numbers, an empty list or a malformed number', async () => {
      const many = Array.from({ length: 201 }, (_, i) => String(10000000000 + i));
      const replies = await Promise.all([
        sok(callers.advisor, { fnr: many }),
        sok(callers.advisor, { fnr: [] }),
        sok(callers.advisor, { fnr: ['1234'] }),
      ]);
      expect(replies.map((r) => r.status)).toEqual([400, 400, 400]);
      expect(replies[2]!.body.feil[0].felt).toBe('fnr.0');
    });

    it('for malformed JSON', async () => {
      const response = await fetch(`${server.url}/personer/opplaeringsdata/sok`, {
        method: 'POST',
        headers: { authorization: `Bearer ${'e30.' + Buffer.from('{"role":"FAGOPPLAERING"}').toString('base64url') + '.'}`, 'content-type': 'application/json' },
        body: '{"fnr": [',
      });
      expect(response.status).toBe(400);
      expect((await response.json()).kode).toBe('UGYLDIG_FORESPORSEL');
    });
  });
});
