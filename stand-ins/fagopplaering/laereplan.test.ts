import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, callers, startAtReference } from './testing.ts';

let server: Awaited<ReturnType<typeof startAtReference>>;
beforeAll(async () => {
  server = await startAtReference();
});
afterAll(() => server.close());

describe('The trade catalogue (GET /laereplan/laerefag)', () => {
  it('lists the five trades to any authenticated caller', async () => {
    const reply = await call(server.url, 'listLaerefag', '/laereplan/laerefag', callers.partner);
    expect(reply.body.map((l: { programomradekode: string }) => l.programomradekode)).toContain('BATMF3----');
    expect(reply.body).toHaveLength(5);
  });

  it('filters by utdanningsprogram, and an unknown programme matches nothing', async () => {
    const hs = await call(server.url, 'listLaerefag', '/laereplan/laerefag?utdanningsprogram=HS', callers.advisor);
    const none = await call(server.url, 'listLaerefag', '/laereplan/laerefag?utdanningsprogram=hs', callers.advisor);
    expect(hs.body.length).toBeGreaterThan(0);
    expect(hs.body.every((l: { utdanningsprogram: { kode: string } }) => l.utdanningsprogram.kode === 'HS')).toBe(true);
    expect(none.body).toEqual([]);
  });

  it('returns one trade with its Vg1 → Vg2 → Vg3 path', async () => {
    const reply = await call(server.url, 'hentLaerefag', '/laereplan/laerefag/BATMF3----', callers.navAune);
    expect(reply.body.lop.map((l: { niva: string }) => l.niva)).toEqual(['VG1', 'VG2', 'VG3']);
  });

  it('answers 404 for an unknown or malformed code', async () => {
    const unknown = await call(server.url, 'hentLaerefag', '/laereplan/laerefag/XXXXX3----', callers.navAune);
    const malformed = await call(server.url, 'hentLaerefag', '/laereplan/laerefag/nope', callers.navAune);
    expect([unknown.status, malformed.status]).toEqual([404, 404]);
  });

  it('answers 401 without a token', async () => {
    const reply = await call(server.url, 'listLaerefag', '/laereplan/laerefag', null);
    expect(reply.status).toBe(401);
  });
});
