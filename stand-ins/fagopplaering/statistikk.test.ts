import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, callers, REFERENCE_NOW, startAtReference } from './testing.ts';

let server: Awaited<ReturnType<typeof startAtReference>>;
beforeAll(async () => {
  server = await startAtReference();
});
afterAll(() => server.close());

const stats = (query: string, caller: Record<string, unknown> | null = callers.partner) =>
  call(server.url, 'statistikkKartlegginger', `/statistikk/kartlegginger${query}`, caller);

describe('Request statistics (GET /statistikk/kartlegginger)', () => {
  it('counts requests by month, status, trade and route for a partner', async () => {
    const reply = await stats('?fraMaaned=2026-09&tilMaaned=2026-11');
    expect(reply.body.generert).toBe(REFERENCE_NOW);
    expect(reply.body.rader).toEqual([
      { maaned: '2026-09', status: 'PLAN_SENDT', laerefagkode: 'BATMF3----', rute: 'PRAKSISKANDIDAT', antall: 1 },
      { maaned: '2026-09', status: 'PLAN_SENDT', laerefagkode: 'ELELE3----', rute: 'LAERLING', antall: 1 },
      { maaned: '2026-09', status: 'PLAN_SENDT', laerefagkode: 'HSHEA3----', rute: 'LAERLING', antall: 1 },
      { maaned: '2026-10', status: 'TRUKKET', laerefagkode: 'BARLF3----', rute: null, antall: 1 },
      { maaned: '2026-11', status: 'UNDER_BEHANDLING', laerefagkode: 'HSBUA3----', rute: null, antall: 1 },
    ]);
  });

  it('leaves out months outside the range', async () => {
    const reply = await stats('?fraMaaned=2026-10&tilMaaned=2026-10', callers.advisor);
    expect(reply.body.rader).toHaveLength(1);
  });

  it('refuses persons and career centres with 403', async () => {
    const person = await stats('?fraMaaned=2026-09&tilMaaned=2026-11', callers.person('14820482817'));
    const counsellor = await stats('?fraMaaned=2026-09&tilMaaned=2026-11', callers.counsellor);
    expect([person.status, counsellor.status]).toEqual([403, 403]);
  });

  it('rejects a missing month, a malformed month or a range that ends before it starts', async () => {
    const replies = await Promise.all([stats('?fraMaaned=2026-09'), stats('?fraMaaned=2026-13&tilMaaned=2026-12'), stats('?fraMaaned=2026-11&tilMaaned=2026-09')]);
    expect(replies.map((r) => r.status)).toEqual([400, 400, 400]);
  });

  it('answers 401 without a token', async () => {
    const reply = await stats('?fraMaaned=2026-09&tilMaaned=2026-11', null);
    expect(reply.status).toBe(401);
  });
});
