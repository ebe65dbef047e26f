import { Router } from 'express';
import { springError } from './errors.ts';
import { personRequest } from './person-request.ts';
import type { NavState } from './state.ts';

/**
 * veilarboppfolging: follow-up status with all periods, the current period, all periods, and the office with
 * the assigned advisor (the v2 endpoint, as in the real split).
 */
export function oppfolgingRoutes(state: NavState): Router {
  const router = Router();

  router.post('/veilarboppfolging/api/v3/oppfolging/hent-status', (req, res) => {
    const found = personRequest(state, req, res);
    if (!found) return;
    const { actor, person } = found;
    // Without an aktørId there is no status to compose; the real service fails the lookup too.
    if (!person) return springError(req, res, state.now, 400, 'Fant ikke aktørId for bruker');
    res.json({
      fnr: person.fnr,
      aktorId: person.aktorId,
      veilederId: person.veilederId,
      reservasjonKRR: person.reservasjonKRR,
      registrertKRR: true,
      kanVarsles: person.kanVarsles,
      manuell: person.manuell,
      underOppfolging: person.underOppfolging,
      underKvp: false,
      oppfolgingUtgang: person.underOppfolging ? null : (person.oppfolgingsperioder.at(-1)?.sluttDato ?? null),
      kanStarteOppfolging: actor.kind === 'NAV' ? !person.underOppfolging : null,
      oppfolgingsPerioder: person.oppfolgingsperioder,
      // Access was checked above, and NAV reads and writes alike.
      harSkriveTilgang: actor.kind === 'NAV' ? true : null,
      servicegruppe: person.servicegruppe ?? null,
      formidlingsgruppe: person.formidlingsgruppe ?? null,
    });
  });

  router.post('/veilarboppfolging/api/v3/oppfolging/hent-gjeldende-periode', (req, res) => {
    const found = personRequest(state, req, res);
    if (!found) return;
    const periode = found.person && state.gjeldendePeriode(found.person);
    if (!periode) return void res.status(204).end();
    res.json({ uuid: periode.uuid, startDato: periode.startDato, sluttDato: periode.sluttDato ?? null });
  });

  router.post('/veilarboppfolging/api/v3/oppfolging/hent-perioder', (req, res) => {
    const found = personRequest(state, req, res);
    if (found) res.json(found.person?.oppfolgingsperioder ?? []);
  });

  router.post('/veilarboppfolging/api/v2/person/hent-oppfolgingsstatus', (req, res) => {
    const found = personRequest(state, req, res);
    if (!found) return;
    const { person } = found;
    if (!person) return springError(req, res, state.now, 404, 'Fant ikke bruker');
    res.json({
      oppfolgingsenhet: person.oppfolgingsenhet,
      veilederId: person.veilederId,
      formidlingsgruppe: person.formidlingsgruppe ?? null,
      servicegruppe: person.servicegruppe ?? null,
      hovedmaalkode: person.hovedmaalkode ?? null,
    });
  });

  return router;
}
