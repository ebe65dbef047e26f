import { Router } from 'express';
import { callerOf } from '../../common/app.ts';
import { canReadRequest, isHiddenFrom, unfinishedRequestOf } from '../access.ts';
import { refuseRegisteredConsent } from '../consent.ts';
import { fingerprint, idempotencyScope, lookup, remember } from '../idempotency.ts';
import { requestById } from '../lookup.ts';
import { checkNewRequest, createRequest } from '../newRequest.ts';
import { invalid, problem } from '../problem.ts';
import { nyKartleggingBody, sokKartleggingerBody, uuidParam } from '../schemas.ts';
import type { FagopplaeringState } from '../state.ts';

/**
 * POST /kartlegginger (NAV sends a request, idempotent: with the consent it records on the person's behalf, or
 * asking for the person's digital consent), POST /kartlegginger/sok and GET /kartlegginger/{id}.
 */
export function kartleggingRoutes(state: FagopplaeringState, now: () => Date): Router {
  const router = Router();

  router.post('/kartlegginger', (req, res) => {
    const caller = callerOf(res);
    if (caller.role !== 'NAV' || !caller.NAVident) return problem(res, 403, 'IKKE_TILGANG', 'Bare NAV sender kartleggingsforespørsler.');
    const key = req.get('idempotency-key');
    if (!key || !uuidParam.safeParse(key).success) {
      return problem(res, 400, 'UGYLDIG_FORESPORSEL', 'Idempotency-Key (UUID) er påkrevd.', [{ felt: 'Idempotency-Key', melding: 'må være en UUID' }]);
    }
    const at = now();
    const scope = idempotencyScope(caller, key);
    const print = fingerprint(req.body);
    const earlier = lookup(state.idempotency, scope, print, at);
    if (earlier.kind === 'replay') {
      return void res.status(earlier.response.status).set('Idempotent-Replayed', 'true').json(earlier.response.body);
    }
    if (earlier.kind === 'reused') return problem(res, 422, 'IDEMPOTENCY_KEY_REUSED', 'Nøkkelen er brukt med en annen forespørsel.');

    const raw = req.body as { samtykke?: unknown } | undefined;
    if (raw && typeof raw === 'object' && raw.samtykke == null) return problem(res, 422, 'SAMTYKKE_MANGLER', 'Forespørselen må ha personens samtykke.');
    const body = nyKartleggingBody.safeParse(req.body);
    if (!body.success) return invalid(res, body.error);
    if (body.data.henvisendeVeileder.navIdent !== caller.NAVident) {
      return problem(res, 403, 'IKKE_TILGANG', 'Henvisende veileder må være innlogget veileder.');
    }
    const feil = checkNewRequest(state, body.data, at);
    if (feil.length) return problem(res, 400, 'UGYLDIG_FORESPORSEL', 'Forespørselen er ugyldig.', feil);
    const refusal = refuseRegisteredConsent(state, body.data.fnr, body.data.samtykke, at);
    if (refusal) return problem(res, refusal.status, refusal.kode, refusal.detail);
    if (unfinishedRequestOf(state, body.data.fnr)) return problem(res, 409, 'AAPEN_FORESPORSEL_FINNES', 'Personen har allerede en åpen forespørsel.');

    const created = createRequest(state, body.data, caller, at);
    remember(state.idempotency, scope, print, 201, created, at);
    res.status(201).set('Idempotent-Replayed', 'false').json(created);
  });

  router.post('/kartlegginger/sok', (req, res) => {
    const body = sokKartleggingerBody.safeParse(req.body);
    if (!body.success) return invalid(res, body.error);
    const caller = callerOf(res);
    const { fnr, navIdent, status } = body.data;
    const found = [...state.kartlegginger.values()]
      .filter((k) => (!fnr || k.fnr === fnr) && (!navIdent || k.henvisendeVeileder.navIdent === navIdent) && (!status || status.includes(k.status)))
      // The contract has no 403 here: requests the caller may not read are simply not found.
      .filter((k) => !isHiddenFrom(caller, k) && canReadRequest(caller, k).ok)
      .sort((a, b) => new Date(b.opprettet).getTime() - new Date(a.opprettet).getTime());
    res.json({ kartlegginger: found });
  });

  router.get('/kartlegginger/:kartleggingId', (req, res) => {
    const request = requestById(state, req.params.kartleggingId, callerOf(res));
    if (!request) return problem(res, 404, 'IKKE_FUNNET', 'Ukjent forespørsel.');
    const decision = canReadRequest(callerOf(res), request);
    if (!decision.ok) return problem(res, decision.status, decision.kode, decision.detail);
    res.json(request);
  });

  return router;
}
