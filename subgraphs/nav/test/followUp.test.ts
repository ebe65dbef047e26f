import { describe, expect, it } from 'vitest';
import { useNock } from '../../../test/support/subgraph.ts';
import { TEST_TIMEOUT_MS, mock, nav, navSubgraphForTests } from './harness.ts';
import { advisor, oppfolgingsstatus } from './navFixture.ts';

const EMMA = '14820482817'; // P01: Z990001, Nav Falkenborg, STANDARD_INNSATS
const JORGEN = '02909717194'; // P09: an ended period 2022–2023 and an open one, Nav Lerkendal
const INGRID = advisor('Z990001');

const ADVISOR_FOLLOW_UP = `query($i: ID!) { person(ident: $i) { ident followUp {
  periodId startedAt innsatsgruppe mainGoal innsatsgruppeDecidedAt advisor { navIdent } office { id name }
  canBeNotified manualFollowUp reservedAgainstDigitalContact } } }`;

describe('nav subgraph: follow-up', () => {
  useNock();
  const { ask } = navSubgraphForTests();

  it('gives the advisor the open period, the § 14 a decision, office and advisor, as NAV has them', async () => {
    mock.poaoTilgang('Z990001', [EMMA]);
    mock.oppfolgingsstatus(EMMA);
    mock.siste14aVedtak(EMMA);
    mock.enhetOgVeileder(EMMA);
    const res = await ask(INGRID, ADVISOR_FOLLOW_UP, { i: EMMA });
    expect(res.body).toEqual({
      data: {
        person: {
          ident: EMMA,
          followUp: {
            periodId: '56bfd8a4-6519-4dcf-ad30-accc712380c6',
            startedAt: '2026-03-02T09:00:00.000+01:00',
            innsatsgruppe: 'STANDARD_INNSATS',
            mainGoal: 'SKAFFE_ARBEID',
            innsatsgruppeDecidedAt: '2026-03-20T10:00:00.000+01:00',
            advisor: { navIdent: 'Z990001' },
            office: { id: '5701', name: 'Nav Falkenborg' },
            canBeNotified: true,
            manualFollowUp: false,
            reservedAgainstDigitalContact: false,
          },
        },
      },
    });
  });

  it('takes the open period when an earlier one has ended', async () => {
    mock.poaoTilgang('Z990001', [JORGEN]);
    mock.oppfolgingsstatus(JORGEN);
    const res = await ask(INGRID, 'query($i: ID!) { person(ident: $i) { followUp { periodId } } }', { i: JORGEN });
    expect(res.body).toEqual({ data: { person: { followUp: { periodId: 'd0c56d22-d52e-478b-b941-ead7a1535b4a' } } } });
  });

  it('gives the citizen their own follow-up with the calls their page needs, each made once', async () => {
    mock.oppfolgingsstatus(EMMA);
    mock.siste14aVedtak(EMMA);
    mock.enhetOgVeileder(EMMA);
    const res = await ask({ role: 'citizen', ident: EMMA }, '{ me { followUp { startedAt innsatsgruppe mainGoal office { id name } } } }');
    expect(res.body).toEqual({
      data: { me: { followUp: { startedAt: '2026-03-02T09:00:00.000+01:00', innsatsgruppe: 'STANDARD_INNSATS', mainGoal: 'SKAFFE_ARBEID', office: { id: '5701', name: 'Nav Falkenborg' } } } },
    });
  });

  it('is null for a person not under follow-up', async () => {
    const status = oppfolgingsstatus(EMMA);
    status.underOppfolging = false;
    status.oppfolgingsPerioder[0].sluttDato = '2026-11-01T12:00:00.000+01:00';
    mock.oppfolgingsstatus(EMMA, status);
    const res = await ask({ role: 'citizen', ident: EMMA }, '{ me { followUp { periodId } } }');
    expect(res.body).toEqual({ data: { me: { followUp: null } } });
  });

  it('has no innsatsgruppe while there is no § 14 a decision (204)', async () => {
    mock.oppfolgingsstatus(EMMA);
    mock.siste14aVedtak(EMMA, null);
    const res = await ask({ role: 'citizen', ident: EMMA }, '{ me { followUp { periodId innsatsgruppe mainGoal } } }');
    expect(res.body).toEqual({ data: { me: { followUp: { periodId: '56bfd8a4-6519-4dcf-ad30-accc712380c6', innsatsgruppe: null, mainGoal: null } } } });
  });

  describe('when one NAV service fails', () => {
    it('answers UPSTREAM_UNAVAILABLE on the fields of a service that answers 500, and the rest still resolves', async () => {
      mock.oppfolgingsstatus(EMMA);
      mock.enhetOgVeileder(EMMA);
      nav().post('/veilarbvedtaksstotte/api/v2/hent-siste-14a-vedtak').reply(500, { status: 500, error: 'Internal Server Error' });
      const res = await ask({ role: 'citizen', ident: EMMA }, '{ me { followUp { periodId innsatsgruppe office { id } } } }');
      expect(res.body.data).toEqual({ me: { followUp: { periodId: '56bfd8a4-6519-4dcf-ad30-accc712380c6', innsatsgruppe: null, office: { id: '5701' } } } });
      expect(res.body.errors).toEqual([
        expect.objectContaining({ path: ['me', 'followUp', 'innsatsgruppe'], extensions: { code: 'UPSTREAM_UNAVAILABLE', system: 'veilarbvedtaksstotte' } }),
      ]);
    });

    it('answers UPSTREAM_TIMEOUT when a service is slower than the timeout', async () => {
      mock.oppfolgingsstatus(EMMA);
      nav()
        .post('/veilarboppfolging/api/v2/person/hent-oppfolgingsstatus')
        .delay(TEST_TIMEOUT_MS + 300)
        .reply(200, { oppfolgingsenhet: null, veilederId: null });
      const res = await ask({ role: 'citizen', ident: EMMA }, '{ me { followUp { periodId office { id } } } }');
      expect(res.body.data).toEqual({ me: { followUp: { periodId: '56bfd8a4-6519-4dcf-ad30-accc712380c6', office: null } } });
      expect(res.body.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['me.followUp.office', 'UPSTREAM_TIMEOUT']]);
    });

    it('answers UPSTREAM_CONTRACT_VIOLATION for a payload that breaks the contract, without echoing it', async () => {
      const broken = { ...oppfolgingsstatus(EMMA), underOppfolging: 'ja' };
      mock.oppfolgingsstatus(EMMA, broken);
      const res = await ask({ role: 'citizen', ident: EMMA }, '{ me { ident age followUp { periodId } } }');
      expect(res.body.data).toEqual({ me: { ident: EMMA, age: 22, followUp: null } });
      expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_CONTRACT_VIOLATION']);
      expect(JSON.stringify(res.body.errors)).not.toContain(EMMA);
    });
  });
});
