import { describe, expect, it } from 'vitest';
import { loadContract } from '../../../stand-ins/common/contract.ts';
import * as fixture from './navFixture.ts';

// The replies the other tests give are only worth something if they are what NAV's services answer.
describe('the NAV replies the tests build from the demo fixtures', () => {
  const contract = loadContract('nav');

  it.each(fixture.demoPersons())('are valid contract responses for %s', (fnr) => {
    expect(contract.validateResponse('hentAktivitetsplan', 200, fixture.aktivitetsplan(fnr))).toEqual([]);
    expect(contract.validateResponse('hentDialoger', 200, fixture.dialoger(fnr))).toEqual([]);
    expect(contract.validateResponse('hentOppfolgingsstatus', 200, fixture.oppfolgingsstatus(fnr))).toEqual([]);
    expect(contract.validateResponse('hentOppfolgingsenhetOgVeileder', 200, fixture.enhetOgVeileder(fnr))).toEqual([]);
    const vedtak = fixture.siste14aVedtak(fnr);
    if (vedtak) expect(contract.validateResponse('hentSiste14aVedtak', 200, vedtak)).toEqual([]);
  });

  it('answer poao-tilgang with one decision per request', () => {
    const requestId = '0b7c2a52-4f0e-4c59-9a51-3f4f5d0c1a01';
    const body = fixture.evaluatePolicies('Z990001', {
      requests: [{ requestId, policyId: 'NAV_ANSATT_TILGANG_TIL_EKSTERN_BRUKER_V2', policyInput: { norskIdent: '08839918047' } }],
    });
    expect(contract.validateResponse('evaluatePolicies', 200, body)).toEqual([]);
    expect(body.results[0]!.decision.type).toBe('DENY');
  });
});
