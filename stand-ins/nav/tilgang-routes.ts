import { Router } from 'express';
import { callerOf } from '../common/app.ts';
import { evaluateBehandleSkjermede, evaluateTilgangTilBruker, evaluateTilgangTilEnhet, type Decision } from './access.ts';
import { springError } from './errors.ts';
import { evaluatePoliciesSchema, type PolicyRequest } from './schemas.ts';
import type { NavState } from './state.ts';

/**
 * poao-tilgang: a batch of policy evaluations, one decision per request. Machine-to-machine: the NAV
 * applications (token role NAV) ask; a person or another organisation gets 403.
 */
export function tilgangRoutes(state: NavState): Router {
  const router = Router();
  router.post('/poao-tilgang/api/v1/policy/evaluate', (req, res) => {
    if (callerOf(res).role !== 'NAV') return springError(req, res, state.now, 403, 'Ikke tilgang');
    const parsed = evaluatePoliciesSchema.safeParse(req.body);
    if (!parsed.success) return springError(req, res, state.now, 400, 'Ugyldig forespørsel');
    res.json({
      results: parsed.data.requests.map((r) => ({ requestId: r.requestId, decision: decisionDto(evaluate(state, r)) })),
    });
  });
  return router;
}

function evaluate(state: NavState, request: PolicyRequest): Decision {
  switch (request.policyId) {
    case 'NAV_ANSATT_TILGANG_TIL_EKSTERN_BRUKER_V2':
      return evaluateTilgangTilBruker(state.veilederByAzureId(request.policyInput.navAnsattAzureId), state.person(request.policyInput.norskIdent));
    case 'NAV_ANSATT_NAV_IDENT_LESETILGANG_TIL_EKSTERN_BRUKER_V1':
    case 'NAV_ANSATT_NAV_IDENT_SKRIVETILGANG_TIL_EKSTERN_BRUKER_V1':
      return evaluateTilgangTilBruker(state.veilederByIdent(request.policyInput.navIdent), state.person(request.policyInput.norskIdent));
    case 'NAV_ANSATT_TILGANG_TIL_NAV_ENHET_V1':
      return evaluateTilgangTilEnhet(state.veilederByAzureId(request.policyInput.navAnsattAzureId), request.policyInput.navEnhetId);
    case 'NAV_ANSATT_BEHANDLE_SKJERMEDE_PERSONER_V1':
      return evaluateBehandleSkjermede(state.veilederByAzureId(request.policyInput.navAnsattAzureId));
  }
}

/** DecisionDto: PERMIT carries null message and reason, as poao-tilgang serialises it. */
function decisionDto(decision: Decision) {
  return decision.type === 'PERMIT' ? { type: 'PERMIT', message: null, reason: null } : decision;
}
