import { Router, type Request, type Response } from 'express';
import { toOsloIso } from '../../lib/time.ts';
import { callerOf } from '../common/app.ts';
import { actorOf, mayAccess, type Actor } from './access.ts';
import { dialogView, harUleste, markertLest } from './dialog-view.ts';
import { dialogError, funksjonellFeil } from './errors.ts';
import { fnrRequestSchema, fnrSchema, numericIdSchema, nyMeldingSchema, type NyMelding } from './schemas.ts';
import type { NavState } from './state.ts';
import type { Aktivitet, Dialog, Henvendelse, NavPerson } from './types.ts';

/**
 * veilarbdialog: threads with their messages, a new message (creating the thread when needed; at most one per
 * activity), marking read and the unread count. Errors are plain text, as the real service writes them.
 */
export function dialogRoutes(state: NavState): Router {
  const router = Router();

  router.get('/veilarbdialog/api/dialog', (req, res) => {
    const actor = requireActor(state, res);
    if (!actor) return;
    const raw = typeof req.query.fnr === 'string' ? req.query.fnr : actor.kind === 'BRUKER' ? actor.fnr : undefined;
    if (!raw || !fnrSchema.safeParse(raw).success) return dialogError(res, 400, 'Mangler eller ugyldig fnr');
    if (!mayAccess(state, actor, raw)) return dialogError(res, 403, 'Ikke tilgang');
    const person = state.person(raw);
    res.json(person ? state.dialogerOf(person).map((d) => dialogView(actor, d)) : []);
  });

  // Registered before /:dialogId so the literal path wins.
  router.post('/veilarbdialog/api/dialog/antallUleste', (req, res) => {
    const actor = requireActor(state, res);
    if (!actor) return;
    const parsed = fnrRequestSchema.safeParse(req.body);
    if (!parsed.success) return dialogError(res, 400, 'Mangler eller ugyldig fnr');
    if (!mayAccess(state, actor, parsed.data.fnr)) return dialogError(res, 403, 'Ikke tilgang');
    const person = state.person(parsed.data.fnr);
    const dialoger = person ? state.dialogerOf(person) : [];
    res.json({ antallUleste: dialoger.filter((d) => !d.historisk && harUleste(actor, d)).length });
  });

  router.post('/veilarbdialog/api/dialog', (req, res) => {
    const actor = requireActor(state, res);
    if (!actor) return;
    const parsed = nyMeldingSchema.safeParse(req.body);
    if (!parsed.success) return dialogError(res, 400, 'Ugyldig melding');
    const target = resolveTarget(state, actor, parsed.data);
    if ('error' in target) return dialogError(res, target.status, target.error);
    if (parsed.data.fnr && parsed.data.fnr !== target.owner.fnr) return dialogError(res, 400, 'fnr tilhører ikke dialogen');
    if (!mayAccess(state, actor, target.owner.fnr)) return dialogError(res, 403, 'Ikke tilgang');
    if (target.dialog?.historisk || target.aktivitet?.historisk) {
      return dialogError(res, 409, funksjonellFeil('NyHenvendelsePåHistoriskDialogException'));
    }
    if (actor.kind === 'NAV' && !target.owner.kanVarsles) return dialogError(res, 409, funksjonellFeil('KanIkkeVarsleBrukerException'));
    let dialog = target.dialog;
    if (!dialog) {
      const periode = target.aktivitet?.oppfolgingsperiodeId ?? state.gjeldendePeriode(target.owner)?.uuid;
      // No open period: a new thread would be historic from the start.
      if (!periode) return dialogError(res, 409, funksjonellFeil('NyHenvendelsePåHistoriskDialogException'));
      const overskrift = target.aktivitet?.tittel ?? parsed.data.overskrift;
      if (!overskrift) return dialogError(res, 400, 'Ny dialog mangler overskrift');
      dialog = newDialog(state, periode, overskrift, target.aktivitet?.id ?? null);
    }
    const saved = withMessage(state, actor, dialog, parsed.data);
    state.saveDialog(saved);
    res.json(dialogView(actor, saved));
  });

  router.get('/veilarbdialog/api/dialog/:dialogId', (req, res) => {
    const found = requireDialog(state, req, res);
    if (found) res.json(dialogView(found.actor, found.dialog));
  });

  router.put('/veilarbdialog/api/dialog/:dialogId/les', (req, res) => {
    const found = requireDialog(state, req, res);
    if (!found) return;
    const lest = markertLest(found.actor, found.dialog, toOsloIso(state.now()));
    state.saveDialog(lest);
    res.json(dialogView(found.actor, lest));
  });

  return router;
}

function requireActor(state: NavState, res: Response): Actor | undefined {
  const actor = actorOf(state, callerOf(res));
  if (!actor) dialogError(res, 403, 'Ikke tilgang');
  return actor;
}

function requireDialog(state: NavState, req: Request<{ dialogId: string }>, res: Response): { actor: Actor; dialog: Dialog } | undefined {
  const actor = requireActor(state, res);
  if (!actor) return undefined;
  if (!numericIdSchema.safeParse(req.params.dialogId).success) return void dialogError(res, 400, 'Ugyldig dialogId');
  const dialog = state.dialoger.get(req.params.dialogId);
  if (!dialog) return void dialogError(res, 404, 'Fant ikke dialog');
  const owner = state.periode(dialog.oppfolgingsperiode)?.person;
  if (!owner || !mayAccess(state, actor, owner.fnr)) return void dialogError(res, 403, 'Ikke tilgang');
  return { actor, dialog };
}

type Target = { owner: NavPerson; dialog?: Dialog; aktivitet?: Aktivitet } | { status: number; error: string };

/** Where a message goes: the given thread, the activity's thread (made if missing) or a new free thread. */
function resolveTarget(state: NavState, actor: Actor, melding: NyMelding): Target {
  if (melding.dialogId) {
    const dialog = state.dialoger.get(melding.dialogId);
    const owner = dialog && state.periode(dialog.oppfolgingsperiode)?.person;
    return dialog && owner ? { owner, dialog } : { status: 400, error: 'Fant ikke dialog' };
  }
  if (melding.aktivitetId) {
    const aktivitet = state.aktiviteter.get(melding.aktivitetId);
    const owner = aktivitet && state.periode(aktivitet.oppfolgingsperiodeId)?.person;
    if (!aktivitet || !owner) return { status: 400, error: 'Fant ikke aktivitet' };
    return { owner, aktivitet, dialog: state.dialogForAktivitet(aktivitet.id) };
  }
  const fnr = melding.fnr ?? (actor.kind === 'BRUKER' ? actor.fnr : undefined);
  const owner = fnr ? state.person(fnr) : undefined;
  return owner ? { owner } : { status: 400, error: 'Mangler eller ukjent fnr' };
}

function newDialog(state: NavState, oppfolgingsperiode: string, overskrift: string, aktivitetId: string | null): Dialog {
  return {
    id: state.nextDialogId(),
    aktivitetId,
    overskrift,
    sisteTekst: null,
    sisteDato: null,
    opprettetDato: toOsloIso(state.now()),
    historisk: false,
    lest: true,
    venterPaSvar: false,
    ferdigBehandlet: true,
    lestAvBrukerTidspunkt: null,
    erLestAvBruker: true,
    oppfolgingsperiode,
    henvendelser: [],
    egenskaper: [],
  };
}

/**
 * The thread with the message added. Writing in a thread means having read it, so the sender's side is marked
 * read; the receiver has a new unread message. The person writing means NAV owes an answer; NAV writing answers.
 */
function withMessage(state: NavState, actor: Actor, dialog: Dialog, melding: NyMelding): Dialog {
  const now = toOsloIso(state.now());
  const henvendelse: Henvendelse = {
    id: state.nextHenvendelseId(),
    dialogId: dialog.id,
    avsender: actor.kind === 'NAV' ? 'VEILEDER' : 'BRUKER',
    avsenderId: actor.kind === 'NAV' ? actor.veileder.navIdent : null,
    sendt: now,
    lest: false,
    viktig: false,
    tekst: melding.tekst,
  };
  const read = markertLest(actor, dialog, now);
  const base = { ...read, henvendelser: [...read.henvendelser, henvendelse], sisteTekst: melding.tekst, sisteDato: now };
  if (actor.kind === 'NAV') {
    return {
      ...base,
      erLestAvBruker: false,
      venterPaSvar: melding.venterPaaSvarFraBruker ?? dialog.venterPaSvar,
      ferdigBehandlet: melding.venterPaaSvarFraNav === undefined ? true : !melding.venterPaaSvarFraNav,
    };
  }
  return { ...base, lest: false, venterPaSvar: false, ferdigBehandlet: false };
}
