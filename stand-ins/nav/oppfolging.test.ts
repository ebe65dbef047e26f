import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, HAKON, MORTEN, navToken, P, personToken, startAtReference, token } from './testing.ts';

type Server = Awaited<ReturnType<typeof startAtReference>>;
let server: Server;
beforeAll(async () => {
  server = await startAtReference();
});
afterAll(() => server.close());

const post = async (operationId: string, path: string, body: unknown, tok?: string) =>
  call(server.url, operationId, 'POST', path, { token: tok ?? (await navToken()), body });

const HENT_STATUS = '/veilarboppfolging/api/v3/oppfolging/hent-status';
const GJELDENDE = '/veilarboppfolging/api/v3/oppfolging/hent-gjeldende-periode';
const PERIODER = '/veilarboppfolging/api/v3/oppfolging/hent-perioder';
const ENHET = '/veilarboppfolging/api/v2/person/hent-oppfolgingsstatus';
const VEDTAK = '/veilarbvedtaksstotte/api/v2/hent-siste-14a-vedtak';

describe('veilarboppfolging stand-in', () => {
  it('answers 401 without a body when the bearer token is missing', async () => {
    const res = await call(server.url, 'hentOppfolgingsstatus', 'POST', HENT_STATUS, { body: { fnr: P.emma } });
    expect(res.status).toBe(401);
    expect(res.body).toBeUndefined();
  });

  it('gives the follow-up status with all periods', async () => {
    const res = await post('hentOppfolgingsstatus', HENT_STATUS, { fnr: P.jorgen }, await navToken(MORTEN));
    expect(res.body).toMatchObject({ fnr: P.jorgen, underOppfolging: true, veilederId: 'Z990002', kanVarsles: true, underKvp: false });
    expect(res.body.oppfolgingsPerioder).toHaveLength(2);
  });

  it('answers 403 in Spring’s body shape when poao-tilgang denies the advisor', async () => {
    const res = await post('hentOppfolgingsstatus', HENT_STATUS, { fnr: P.sander });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ status: 403, error: 'Forbidden', path: HENT_STATUS });
    expect(JSON.stringify(res.body)).not.toContain(P.sander);
  });

  it('answers 400 for a malformed fnr and for a person NAV does not know', async () => {
    const bad = await post('hentOppfolgingsstatus', HENT_STATUS, { fnr: '123' });
    const unknown = await post('hentOppfolgingsstatus', HENT_STATUS, { fnr: P.unknown });
    expect([bad.status, unknown.status]).toEqual([400, 400]);
  });

  it('lets a person read their own status but not another’s', async () => {
    const own = await post('hentOppfolgingsstatus', HENT_STATUS, { fnr: P.emma }, await personToken(P.emma));
    const other = await post('hentOppfolgingsstatus', HENT_STATUS, { fnr: P.sara }, await personToken(P.emma));
    expect([own.status, other.status]).toEqual([200, 403]);
  });

  it('gives the current period, or 204 when the person has none', async () => {
    const current = await post('hentGjeldendeOppfolgingsperiode', GJELDENDE, { fnr: P.jorgen }, await navToken(MORTEN));
    expect(current.body).toEqual({ uuid: server.state.person(P.jorgen)!.oppfolgingsperioder[1]!.uuid, startDato: expect.any(String), sluttDato: null });
    const none = await post('hentGjeldendeOppfolgingsperiode', GJELDENDE, { fnr: P.unknown });
    expect(none.status).toBe(204);
  });

  it('lists all periods oldest first, ended ones included', async () => {
    const res = await post('hentOppfolgingsperioder', PERIODER, { fnr: P.jorgen }, await navToken(MORTEN));
    expect(res.body.map((p: { sluttDato: string | null }) => p.sluttDato !== null)).toEqual([true, false]);
    const denied = await post('hentOppfolgingsperioder', PERIODER, { fnr: P.sander });
    expect(denied.status).toBe(403);
  });

  it('gives the office and the assigned advisor, 404 for an unknown person', async () => {
    const res = await post('hentOppfolgingsenhetOgVeileder', ENHET, { fnr: P.sander }, await navToken(HAKON));
    expect(res.body).toMatchObject({ oppfolgingsenhet: { enhetId: '5702', navn: 'Nav Lerkendal' }, veilederId: 'Z990004' });
    const unknown = await post('hentOppfolgingsenhetOgVeileder', ENHET, { fnr: P.unknown });
    expect(unknown.status).toBe(404);
  });

  it('gives other organisations nothing (403)', async () => {
    const res = await post('hentOppfolgingsenhetOgVeileder', ENHET, { fnr: P.emma }, await token({ role: 'PARTNER', sub: 'rapport' }));
    expect(res.status).toBe(403);
  });
});

describe('veilarbvedtaksstotte stand-in', () => {
  it('gives the latest § 14 a decision', async () => {
    const res = await post('hentSiste14aVedtak', VEDTAK, { fnr: P.emma });
    expect(res.body).toMatchObject({ innsatsgruppe: 'STANDARD_INNSATS', fraArena: false });
  });

  it('answers 204 without a body when there is no decision', async () => {
    const person = server.state.person(P.mathias)!;
    const saved = person.siste14aVedtak;
    person.siste14aVedtak = null;
    try {
      const res = await post('hentSiste14aVedtak', VEDTAK, { fnr: P.mathias });
      expect(res.status).toBe(204);
      expect(res.body).toBeUndefined();
    } finally {
      person.siste14aVedtak = saved;
    }
  });

  it('answers 403 when poao-tilgang denies the advisor', async () => {
    const res = await post('hentSiste14aVedtak', VEDTAK, { fnr: P.sander });
    expect(res.status).toBe(403);
  });
});
