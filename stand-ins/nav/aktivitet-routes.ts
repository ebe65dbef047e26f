import { randomUUID } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { toOsloIso } from '../../lib/time.ts';
import { callerOf } from '../common/app.ts';
import { actorIdent, actorOf, mayAccess, type Actor } from './access.ts';
import { aktivitetView, FERDIG_STATUS_MESSAGE, FINAL_STATUSES } from './aktivitet-view.ts';
import { aktivitetError } from './errors.ts';
import { aktivitetEndringSchema, FIELDS_BY_TYPE, fnrSchema, numericIdSchema, nyAktivitetSchema, referatEndringSchema, type NyAktivitet } from './schemas.ts';
import type { NavState } from './state.ts';
import type { Aktivitet } from './types.ts';

/** Types only a NAV employee may create (meetings and their summaries). */
const NAV_ONLY_TYPES: ReadonlySet<string> = new Set(['MOTE', 'SAMTALEREFERAT']);

/**
 * veilarbaktivitet: the plan, one activity and its versions, create in a period, status change with optimistic
 * concurrency on `versjon`, and the meeting summary (referat). Errors are `{"message","statusCode"}`.
 */
export function aktivitetRoutes(state: NavState): Router {
  const router = Router();

  router.get('/veilarbaktivitet/api/aktivitet', (req, res) => {
    const actor = requireActor(state, res);
    if (!actor) return;
    const fnr = fnrFromQuery(req, actor);
    if (!fnr) return aktivitetError(res, 400, 'Mangler eller ugyldig fnr');
    if (!mayAccess(state, actor, fnr)) return aktivitetError(res, 403);
    const person = state.person(fnr);
    const aktiviteter = person ? state.aktiviteterOf(person).map((a) => aktivitetView(actor, a)) : [];
    res.json({ aktiviteter });
  });

  router.get('/veilarbaktivitet/api/aktivitet/:id', (req, res) => {
    const found = requireAktivitet(state, req, res);
    if (found) res.json(aktivitetView(found.actor, found.aktivitet));
  });

  router.get('/veilarbaktivitet/api/aktivitet/:id/versjoner', (req, res) => {
    const found = requireAktivitet(state, req, res);
    if (found) res.json((state.versjoner.get(found.aktivitet.id) ?? []).map((a) => aktivitetView(found.actor, a)));
  });

  router.post('/veilarbaktivitet/api/aktivitet/:oppfolgingsperiodeId/ny', (req, res) => {
    const actor = requireActor(state, res);
    if (!actor) return;
    const owner = state.periode(req.params.oppfolgingsperiodeId);
    if (owner && !mayAccess(state, actor, owner.person.fnr)) return aktivitetError(res, 403);
    const parsed = nyAktivitetSchema.safeParse(req.body);
    if (!parsed.success) return aktivitetError(res, 400, 'Ugyldig aktivitet');
    if (actor.kind === 'BRUKER' && NAV_ONLY_TYPES.has(parsed.data.type)) return aktivitetError(res, 403);
    // Only the owner's current, open period takes new activities; an unknown period is not current either.
    if (!owner || owner.periode.sluttDato || state.gjeldendePeriode(owner.person) !== owner.periode) {
      return aktivitetError(res, 409, 'Oppfølgingsperioden er ikke gjeldende');
    }
    const aktivitet = newAktivitet(state, actor, owner.periode.uuid, parsed.data);
    state.saveAktivitet(aktivitet);
    res.json(aktivitetView(actor, aktivitet));
  });

  router.put('/veilarbaktivitet/api/aktivitet/:id/status', (req, res) => {
    const found = requireAktivitet(state, req, res);
    if (!found) return;
    const { actor, aktivitet } = found;
    const parsed = aktivitetEndringSchema.safeParse(req.body);
    if (!parsed.success || parsed.data.id !== aktivitet.id) return aktivitetError(res, 400, 'Mangler id eller versjon');
    // veilarbaktivitet checks the version before anything else: a stale client learns first that it is stale.
    if (parsed.data.versjon !== aktivitet.versjon) return aktivitetError(res, 409);
    if (aktivitet.historisk || FINAL_STATUSES.has(aktivitet.status)) return aktivitetError(res, 400, FERDIG_STATUS_MESSAGE);
    const endret: Aktivitet = {
      ...changed(state, actor, aktivitet, 'STATUS_ENDRET'),
      status: parsed.data.status,
      avsluttetKommentar: FINAL_STATUSES.has(parsed.data.status) ? (parsed.data.avsluttetKommentar ?? null) : (aktivitet.avsluttetKommentar ?? null),
    };
    state.saveAktivitet(endret);
    res.json(aktivitetView(actor, endret));
  });

  const referat = (publiser: boolean) => (req: Request<{ id: string }>, res: Response) => {
    const found = requireAktivitet(state, req, res);
    if (!found) return;
    const { actor, aktivitet } = found;
    // Summaries are written by NAV employees only.
    if (actor.kind !== 'NAV') return aktivitetError(res, 403);
    const parsed = referatEndringSchema.safeParse(req.body);
    if (!parsed.success || parsed.data.id !== aktivitet.id) return aktivitetError(res, 400, 'Ugyldig referat');
    if (aktivitet.type !== 'MOTE' && aktivitet.type !== 'SAMTALEREFERAT') {
      return aktivitetError(res, 400, 'Referat kan bare skrives på møte og samtalereferat');
    }
    if (parsed.data.versjon !== aktivitet.versjon) return aktivitetError(res, 409);
    if (aktivitet.historisk || aktivitet.status === 'AVBRUTT') return aktivitetError(res, 400, FERDIG_STATUS_MESSAGE);
    const transaksjon = publiser ? 'REFERAT_PUBLISERT' : aktivitet.referat ? 'REFERAT_ENDRET' : 'REFERAT_OPPRETTET';
    const endret: Aktivitet = {
      ...changed(state, actor, aktivitet, transaksjon),
      referat: parsed.data.referat,
      erReferatPublisert: publiser || aktivitet.erReferatPublisert,
    };
    state.saveAktivitet(endret);
    res.json(endret);
  };
  router.put('/veilarbaktivitet/api/aktivitet/:id/referat', referat(false));
  router.put('/veilarbaktivitet/api/aktivitet/:id/referat/publiser', referat(true));

  return router;
}

function requireActor(state: NavState, res: Response): Actor | undefined {
  const actor = actorOf(state, callerOf(res));
  if (!actor) aktivitetError(res, 403);
  return actor;
}

/** `fnr` from the query; a person may leave it out (their own plan). */
function fnrFromQuery(req: Request, actor: Actor): string | undefined {
  const raw = typeof req.query.fnr === 'string' ? req.query.fnr : actor.kind === 'BRUKER' ? actor.fnr : undefined;
  return fnrSchema.safeParse(raw).success ? raw : undefined;
}

/** The activity of the path's `id`, after the caller's access to its owner is checked (404, 403 otherwise). */
function requireAktivitet(state: NavState, req: Request<{ id: string }>, res: Response): { actor: Actor; aktivitet: Aktivitet } | undefined {
  const actor = requireActor(state, res);
  if (!actor) return undefined;
  if (!numericIdSchema.safeParse(req.params.id).success) return void aktivitetError(res, 400, 'Ugyldig aktivitetId');
  const aktivitet = state.aktiviteter.get(req.params.id);
  if (!aktivitet) return void aktivitetError(res, 404, 'Fant ikke aktivitet');
  const owner = state.periode(aktivitet.oppfolgingsperiodeId);
  if (!owner || !mayAccess(state, actor, owner.person.fnr)) return void aktivitetError(res, 403);
  return { actor, aktivitet };
}

/** The next version of an activity: new `versjon` from the global sequence, stamped with who and when. */
function changed(state: NavState, actor: Actor, aktivitet: Aktivitet, transaksjonsType: string): Aktivitet {
  return {
    ...aktivitet,
    versjon: state.nextVersjon(),
    endretDato: toOsloIso(state.now()),
    endretAv: actorIdent(actor),
    endretAvType: actor.kind,
    transaksjonsType,
  };
}

function newAktivitet(state: NavState, actor: Actor, oppfolgingsperiodeId: string, ny: NyAktivitet): Aktivitet {
  const now = toOsloIso(state.now());
  const aktivitet: Aktivitet = {
    id: state.nextAktivitetId(),
    funksjonellId: randomUUID(),
    versjon: state.nextVersjon(),
    tittel: ny.tittel,
    beskrivelse: ny.beskrivelse ?? null,
    lenke: ny.lenke ?? null,
    type: ny.type,
    status: ny.status,
    fraDato: ny.fraDato ?? null,
    tilDato: ny.tilDato ?? null,
    opprettetDato: now,
    endretDato: now,
    endretAv: actorIdent(actor),
    endretAvType: actor.kind,
    historisk: false,
    // Only NAV agrees an activity with the person ("avtalt med NAV").
    avtalt: actor.kind === 'NAV' ? ny.avtalt : false,
    transaksjonsType: 'OPPRETTET',
    oppfolgingsperiodeId,
    erReferatPublisert: false,
  };
  const fields: readonly string[] = FIELDS_BY_TYPE[ny.type];
  for (const field of fields) {
    const value = (ny as Record<string, unknown>)[field];
    if (value !== undefined) aktivitet[field] = value;
  }
  return aktivitet;
}
