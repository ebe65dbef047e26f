import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { serveApp, useNock } from '../../../test/support/subgraph.ts';
import {
  BASE,
  DIGIPOST,
  P,
  SENDER_ID,
  auditLines,
  auth,
  citizen,
  deliveryOf,
  eirik,
  entities,
  fagopplaering,
  fixture,
  ingrid,
  makeApp,
  marte,
  mockPoaoTilgang,
  mockRequestsOf,
  planOf,
  reps,
  requestsOf,
} from './support.ts';

useNock();
const post = serveApp(makeApp);

/** What CitizenOverview selects from training. */
const CITIZEN = `skillsMappingRequests {
  id status requestedAt
  trades { code title }
  consent { givenAt method withdrawnAt }
  trainingPlan { id route estimatedMonths remainingSubjects { code title } delivery { channel status } }
}`;
/** What AdvisorPersonOverview selects from training. */
const ADVISOR = 'skillsMappingRequests { id status requestedAt trainingPlan { id route estimatedMonths status } }';

const catalogue = () => fagopplaering().get(`${BASE}/laereplan/laerefag`).reply(200, fixture.laerefag);
const mockPlan = (id: string) => fagopplaering().get(`${BASE}/opplaeringsplaner/${id}`).reply(200, planOf(id));
const mockDelivery = (messageId: string) =>
  nock(DIGIPOST, { reqheaders: { 'x-digipost-userid': SENDER_ID } }).get(`/messages/${messageId}`).reply(200, deliveryOf(messageId));

describe('Person.skillsMappingRequests', () => {
  describe('for the person themself', () => {
    it('gives the request with its consent, trades and the plan with its Digipost delivery, mapped from the records', async () => {
      const [request] = requestsOf(P.emma);
      const plan = planOf(request!.opplaeringsplanId!);
      mockRequestsOf(P.emma);
      catalogue();
      mockPlan(plan.id);
      mockDelivery(plan.sendt!.digipostMessageId);
      const res = await post(entities(CITIZEN), reps(P.emma), auth.bearer(citizen(P.emma)));
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!._entities[0].skillsMappingRequests).toEqual([
        {
          id: request!.id,
          status: 'PLAN_SENDT',
          requestedAt: '2026-09-08T11:30:00.000+02:00',
          trades: [{ code: 'ELELE3----', title: 'Elektrikerfaget' }],
          consent: { givenAt: '2026-09-08T10:40:00.000+02:00', method: 'SKRIFTLIG', withdrawnAt: null },
          trainingPlan: {
            id: plan.id,
            route: 'APPRENTICESHIP',
            estimatedMonths: 36,
            remainingSubjects: plan.gjenstaendeFag.map((f) => ({ code: f.fagkode, title: f.fagnavn })),
            delivery: { channel: 'DIGIPOST', status: 'DELIVERED' },
          },
        },
      ]);
    });

    it('reports a printed letter as DELIVERED_TO_PRINT', async () => {
      const plan = planOf(requestsOf(P.maria)[0]!.opplaeringsplanId!);
      mockRequestsOf(P.maria);
      mockPlan(plan.id);
      mockDelivery(plan.sendt!.digipostMessageId);
      const res = await post(entities('skillsMappingRequests { trainingPlan { delivery { channel status } } }'), reps(P.maria), auth.bearer(citizen(P.maria)));
      expect(res.body.data!._entities[0].skillsMappingRequests[0].trainingPlan.delivery).toEqual({ channel: 'PRINT', status: 'DELIVERED_TO_PRINT' });
    });

    it('still shows a request whose consent the person withdrew', async () => {
      mockRequestsOf(P.tobias);
      const res = await post(entities('skillsMappingRequests { status consent { withdrawnAt } trainingPlan { id } }'), reps(P.tobias), auth.bearer(citizen(P.tobias)));
      expect(res.body.data!._entities[0].skillsMappingRequests).toEqual([
        { status: 'TRUKKET', consent: { withdrawnAt: '2026-10-20T09:00:00.000+02:00' }, trainingPlan: null },
      ]);
    });

    it('keeps the plan when Digipost is down: only the delivery status gets the error', async () => {
      const plan = planOf(requestsOf(P.emma)[0]!.opplaeringsplanId!);
      mockRequestsOf(P.emma);
      mockPlan(plan.id);
      nock(DIGIPOST).get(`/messages/${plan.sendt!.digipostMessageId}`).reply(503, { errorCode: 'API_UNAVAILABLE', errorMessage: 'down', errorType: 'SERVER' });
      const res = await post(entities('skillsMappingRequests { trainingPlan { id delivery { channel status } } }'), reps(P.emma), auth.bearer(citizen(P.emma)));
      expect(res.body.data!._entities[0].skillsMappingRequests[0].trainingPlan).toEqual({ id: plan.id, delivery: { channel: 'DIGIPOST', status: null } });
      expect(res.body.errors![0]!.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', system: 'digipost' });
    });
  });

  describe('for a NAV advisor poao-tilgang permits', () => {
    it('gives requests under active consent with the plan when the consent lets NAV see it', async () => {
      const [request] = requestsOf(P.henrik);
      mockPoaoTilgang('PERMIT');
      mockRequestsOf(P.henrik);
      mockPlan(request!.opplaeringsplanId!);
      const res = await post(entities(ADVISOR), reps(P.henrik), auth.bearer(ingrid));
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!._entities[0].skillsMappingRequests).toEqual([
        {
          id: request!.id,
          status: 'PLAN_SENDT',
          requestedAt: request!.opprettet,
          trainingPlan: { id: request!.opplaeringsplanId, route: 'EXPERIENCE_BASED_CANDIDATE', estimatedMonths: planOf(request!.opplaeringsplanId!).estimertVarighetManeder, status: 'SENT' },
        },
      ]);
      // The disclosure to NAV is on the audit trail with the request as the grant, never with the fødselsnummer in clear elsewhere.
      expect(auditLines.some((l) => l.includes(request!.id))).toBe(true);
    });

    it('leaves out a request whose consent was withdrawn, silently', async () => {
      mockPoaoTilgang('PERMIT');
      mockRequestsOf(P.tobias);
      const res = await post(entities(ADVISOR), reps(P.tobias), auth.bearer(ingrid));
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data!._entities[0].skillsMappingRequests).toEqual([]);
    });

    it('withholds the plan with CONSENT_REQUIRED when the consent does not cover the plan to NAV', async () => {
      // Olena's request has no plan yet; give it one to see the scope rule (omfang lacks OPPLAERINGSPLAN_TIL_NAV).
      const [request] = requestsOf(P.olena);
      const withPlan = { ...request!, opplaeringsplanId: planOf(requestsOf(P.henrik)[0]!.opplaeringsplanId!).id };
      mockPoaoTilgang('PERMIT');
      mockRequestsOf(P.olena, [withPlan]);
      const res = await post(entities(ADVISOR), reps(P.olena), auth.bearer(ingrid));
      expect(res.body.data!._entities[0].skillsMappingRequests).toEqual([
        { id: request!.id, status: 'UNDER_BEHANDLING', requestedAt: request!.opprettet, trainingPlan: null },
      ]);
      expect(res.body.errors![0]!.extensions).toEqual({ code: 'CONSENT_REQUIRED', purpose: 'SKILLS_MAPPING' });
    });

    it('sees a withdrawal on the very next request', async () => {
      const [request] = requestsOf(P.henrik);
      mockPoaoTilgang('PERMIT');
      mockRequestsOf(P.henrik);
      const first = await post(entities('skillsMappingRequests { id }'), reps(P.henrik), auth.bearer(ingrid));
      expect(first.body.data!._entities[0].skillsMappingRequests).toEqual([{ id: request!.id }]);

      const withdrawn = { ...request!, status: 'TRUKKET' as const, samtykke: { ...request!.samtykke!, trukketTidspunkt: '2026-11-25T12:00:00.000+01:00' } };
      mockPoaoTilgang('PERMIT');
      mockRequestsOf(P.henrik, [withdrawn]);
      const second = await post(entities('skillsMappingRequests { id }'), reps(P.henrik), auth.bearer(ingrid));
      expect(second.body.data!._entities[0].skillsMappingRequests).toEqual([]);
    });
  });

  describe('for a NAV advisor poao-tilgang denies', () => {
    it('refuses with FORBIDDEN and reads nothing from fagopplæring', async () => {
      mockPoaoTilgang('DENY');
      const res = await post(entities(ADVISOR), reps(P.henrik), auth.bearer(ingrid));
      expect(res.body.data!._entities[0].skillsMappingRequests).toBeNull();
      expect(res.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    });
  });

  describe('for a training advisor', () => {
    it('gives the open request of a person under active consent', async () => {
      mockRequestsOf(P.olena);
      const res = await post(entities('skillsMappingRequests { id status }'), reps(P.olena), auth.bearer(eirik));
      expect(res.body.data!._entities[0].skillsMappingRequests).toEqual([{ id: requestsOf(P.olena)[0]!.id, status: 'UNDER_BEHANDLING' }]);
    });
  });

  describe('for a career counsellor', () => {
    it('refuses with FORBIDDEN', async () => {
      const res = await post(entities('skillsMappingRequests { id }'), reps(P.emma), auth.bearer(marte));
      expect(res.body.data!._entities[0].skillsMappingRequests).toBeNull();
      expect(res.body.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    });
  });
});
