import { describe, expect, it } from 'vitest';
import { serveApp, useNock } from '../../../test/support/subgraph.ts';
import {
  KS_BASE,
  P,
  TIMEOUT_MS,
  auth,
  bookingsOf,
  citizen,
  entities,
  ks,
  makeApp,
  mockBookings,
  mockGrants,
  mockNotes,
  notesOf,
  persons,
} from './support.ts';

const QUERY = entities('guidanceBookings { id mode } careerNotes { id sharedWithNav }');

/** Emma's notes answer normally, so each test shows the rest of the response keeps its data. */
function notesAnswerNormally() {
  mockNotes(P.emma);
  mockGrants([notesOf(P.emma)[0]!.id]);
  return [{ id: notesOf(P.emma)[0]!.id, sharedWithNav: true }];
}

describe('career subgraph, when the booking system fails', () => {
  useNock();
  const post = serveApp(makeApp);

  it('answers UPSTREAM_CONTRACT_VIOLATION on the field whose payload breaks the contract, and the other fields keep their data', async () => {
    const [booking] = bookingsOf(P.emma);
    mockBookings(P.emma, [{ ...booking!, mode: 'VIDEO' }]);
    const notes = notesAnswerNormally();

    const res = await post(QUERY, persons(P.emma), auth.bearer(citizen(P.emma)));

    expect(res.body.data!._entities[0]).toEqual({ ident: P.emma, guidanceBookings: null, careerNotes: notes });
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0]).toMatchObject({
      path: ['_entities', 0, 'guidanceBookings'],
      extensions: { code: 'UPSTREAM_CONTRACT_VIOLATION', system: 'karrieresenter' },
    });
  });

  it('answers UPSTREAM_TIMEOUT when the system does not answer in time, and the other fields keep their data', async () => {
    ks().post(`${KS_BASE}/bookings/search`, { fnr: P.emma, includeWithheld: true }).delay(TIMEOUT_MS + 300).reply(200, { bookings: bookingsOf(P.emma), withheld: [] });
    const notes = notesAnswerNormally();

    const res = await post(QUERY, persons(P.emma), auth.bearer(citizen(P.emma)));

    expect(res.body.data!._entities[0]).toEqual({ ident: P.emma, guidanceBookings: null, careerNotes: notes });
    expect(res.body.errors!.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_TIMEOUT']);
  });

  it('answers UPSTREAM_UNAVAILABLE on a 500 without passing on its body, and the other fields keep their data', async () => {
    ks()
      .post(`${KS_BASE}/bookings/search`, { fnr: P.emma, includeWithheld: true })
      .reply(500, { type: 'about:blank', title: 'Internal', status: 500, code: 'INTERNAL_ERROR', detail: `crashed on ${P.emma}` }, { 'content-type': 'application/problem+json' });
    const notes = notesAnswerNormally();

    const res = await post(QUERY, persons(P.emma), auth.bearer(citizen(P.emma)));

    expect(res.body.data!._entities[0]).toEqual({ ident: P.emma, guidanceBookings: null, careerNotes: notes });
    expect(res.body.errors!.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect(JSON.stringify(res.body.errors)).not.toContain(P.emma);
  });

  it('answers FORBIDDEN when the system refuses the caller with 403', async () => {
    ks()
      .post(`${KS_BASE}/bookings/search`, { fnr: P.emma, includeWithheld: true })
      .reply(403, { type: 'about:blank', title: 'Forbidden', status: 403, code: 'FORBIDDEN' }, { 'content-type': 'application/problem+json' });
    const res = await post(entities('guidanceBookings { id }'), persons(P.emma), auth.bearer(citizen(P.emma)));
    expect(res.body.data!._entities[0]).toEqual({ ident: P.emma, guidanceBookings: null });
    expect(res.body.errors!.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it("keeps one person's failure to that person: the other person's bookings still arrive", async () => {
    ks().post(`${KS_BASE}/bookings/search`, { fnr: P.emma, includeWithheld: true }).reply(503, '');
    mockBookings(P.ole);
    const res = await post(
      entities('guidanceBookings { status }'),
      persons(P.emma, P.ole),
      auth.bearer({ role: 'career-counsellor', counsellorId: 'KV-101', centreId: 'KS-TRD' }),
    );
    expect(res.body.data!._entities).toEqual([
      { ident: P.emma, guidanceBookings: null },
      { ident: P.ole, guidanceBookings: [{ status: 'CANCELLED' }, { status: 'COMPLETED' }] },
    ]);
    expect(res.body.errors!.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_UNAVAILABLE']);
  });
});

describe('career subgraph, bad requests', () => {
  useNock();
  const post = serveApp(makeApp);

  it('answers BAD_USER_INPUT for an ident with wrong check digits, reading nothing for it', async () => {
    mockBookings(P.emma);
    const res = await post(entities('guidanceBookings { id }'), persons('14820482818', P.emma), auth.bearer(citizen(P.emma)));
    expect(res.body.data!._entities).toEqual([null, { ident: P.emma, guidanceBookings: [{ id: bookingsOf(P.emma)[0]!.id }] }]);
    expect(res.body.errors!.map((e) => [e.path, e.extensions?.code])).toEqual([[['_entities', 0], 'BAD_USER_INPUT']]);
    expect(JSON.stringify(res.body.errors)).not.toContain('14820482818');
  });

  it('answers UNAUTHENTICATED (401) to a request without a token, reading nothing', async () => {
    const res = await post(QUERY, persons(P.emma));
    expect(res.status).toBe(401);
    expect(res.body.errors!.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});
