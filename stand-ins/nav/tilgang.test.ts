import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, HAKON, INGRID, MORTEN, navToken, P, personToken, startAtReference } from './testing.ts';

type Server = Awaited<ReturnType<typeof startAtReference>>;
let server: Server;
beforeAll(async () => {
  server = await startAtReference();
});
afterAll(() => server.close());

const PATH = '/poao-tilgang/api/v1/policy/evaluate';
const evaluate = async (requests: unknown[], tok?: string) => call(server.url, 'evaluatePolicies', 'POST', PATH, { token: tok ?? (await navToken()), body: { requests } });
const tilBruker = (azureId: string, fnr: string) => ({
  requestId: randomUUID(),
  policyId: 'NAV_ANSATT_TILGANG_TIL_EKSTERN_BRUKER_V2',
  policyInput: { navAnsattAzureId: azureId, tilgangType: 'LESE', norskIdent: fnr },
});

describe('poao-tilgang stand-in', () => {
  it('answers a batch with one decision per request, by requestId', async () => {
    const requests = [tilBruker(INGRID.oid, P.emma), tilBruker(INGRID.oid, P.sander), tilBruker(HAKON.oid, P.sander)];
    const res = await evaluate(requests);
    const byId = new Map(res.body.results.map((r: { requestId: string; decision: unknown }) => [r.requestId, r.decision]));
    expect(byId.get(requests[0]!.requestId)).toEqual({ type: 'PERMIT', message: null, reason: null });
    expect(byId.get(requests[1]!.requestId)).toMatchObject({ type: 'DENY', reason: 'IKKE_TILGANG_TIL_SKJERMET_PERSON' });
    expect(byId.get(requests[2]!.requestId)).toMatchObject({ type: 'PERMIT' });
  });

  it('denies protected addresses without the matching group', async () => {
    const fortrolig = server.state.person(P.mathias)!;
    const strengt = server.state.person(P.sara)!;
    fortrolig.diskresjonskode = 'FORTROLIG';
    strengt.diskresjonskode = 'STRENGT_FORTROLIG';
    try {
      const res = await evaluate([tilBruker(INGRID.oid, P.mathias), tilBruker(MORTEN.oid, P.mathias), tilBruker(MORTEN.oid, P.sara)]);
      expect(res.body.results.map((r: { decision: { reason: string | null } }) => r.decision.reason)).toEqual([
        'IKKE_TILGANG_TIL_FORTROLIG_BRUKER',
        null,
        'IKKE_TILGANG_TIL_STRENGT_FORTROLIG_BRUKER',
      ]);
      // The same rule guards the NAV endpoints.
      const plan = await call(server.url, 'hentAktivitetsplan', 'GET', `/veilarbaktivitet/api/aktivitet?fnr=${P.mathias}`, { token: await navToken(INGRID) });
      expect(plan.status).toBe(403);
    } finally {
      fortrolig.diskresjonskode = 'UGRADERT';
      strengt.diskresjonskode = 'UGRADERT';
    }
  });

  it('decides the NAVident, office and shielded-persons policies', async () => {
    const res = await evaluate([
      { requestId: randomUUID(), policyId: 'NAV_ANSATT_NAV_IDENT_SKRIVETILGANG_TIL_EKSTERN_BRUKER_V1', policyInput: { navIdent: 'Z990003', norskIdent: P.sander } },
      { requestId: randomUUID(), policyId: 'NAV_ANSATT_TILGANG_TIL_NAV_ENHET_V1', policyInput: { navAnsattAzureId: INGRID.oid, navEnhetId: '5701' } },
      { requestId: randomUUID(), policyId: 'NAV_ANSATT_TILGANG_TIL_NAV_ENHET_V1', policyInput: { navAnsattAzureId: INGRID.oid, navEnhetId: '5702' } },
      { requestId: randomUUID(), policyId: 'NAV_ANSATT_BEHANDLE_SKJERMEDE_PERSONER_V1', policyInput: { navAnsattAzureId: HAKON.oid } },
      tilBruker('00000000-0000-4000-8000-000000000000', P.emma),
    ]);
    expect(res.body.results.map((r: { decision: { type: string; reason: string | null } }) => r.decision.reason ?? r.decision.type)).toEqual([
      'IKKE_TILGANG_TIL_SKJERMET_PERSON',
      'PERMIT',
      'IKKE_TILGANG_TIL_NAV_ENHET',
      'PERMIT',
      'MANGLER_TILGANG_TIL_AD_GRUPPE',
    ]);
  });

  it('answers 400 for an empty batch, an unknown policy or an input of another policy', async () => {
    const statuses = [
      (await evaluate([])).status,
      (await evaluate([{ ...tilBruker(INGRID.oid, P.emma), policyId: 'FINNES_IKKE' }])).status,
      (await evaluate([{ requestId: randomUUID(), policyId: 'NAV_ANSATT_TILGANG_TIL_NAV_ENHET_V1', policyInput: { navIdent: 'Z990001', norskIdent: P.emma } }])).status,
      (await evaluate([{ ...tilBruker(INGRID.oid, P.emma), requestId: 'not-a-uuid' }])).status,
    ];
    expect(statuses).toEqual([400, 400, 400, 400]);
  });

  it('is machine-to-machine: 401 without a token, 403 for a person', async () => {
    const none = await call(server.url, 'evaluatePolicies', 'POST', PATH, { body: { requests: [tilBruker(INGRID.oid, P.emma)] } });
    const person = await evaluate([tilBruker(INGRID.oid, P.emma)], await personToken(P.emma));
    expect([none.status, person.status]).toEqual([401, 403]);
  });
});
