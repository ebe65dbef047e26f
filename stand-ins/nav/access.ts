import type { UpstreamCaller } from '../common/app.ts';
import type { NavState } from './state.ts';
import type { NavPerson, Veileder } from './types.ts';

/**
 * NAV's access rules. poao-tilgang decides for NAV employees (address protection and shielding against the
 * employee's groups, `veiledere[].tilganger`); a person reaches only their own data; other roles reach nothing.
 */

export type DenyReason =
  | 'MANGLER_TILGANG_TIL_AD_GRUPPE'
  | 'IKKE_TILGANG_TIL_NAV_ENHET'
  | 'IKKE_TILGANG_TIL_FORTROLIG_BRUKER'
  | 'IKKE_TILGANG_TIL_STRENGT_FORTROLIG_BRUKER'
  | 'IKKE_TILGANG_TIL_STRENGT_FORTROLIG_UTLAND_BRUKER'
  | 'IKKE_TILGANG_TIL_SKJERMET_PERSON';

/** poao-tilgang's DecisionDto. */
export type Decision = { type: 'PERMIT' } | { type: 'DENY'; reason: DenyReason; message: string };

const PERMIT: Decision = { type: 'PERMIT' };
const deny = (reason: DenyReason, message: string): Decision => ({ type: 'DENY', reason, message });

/**
 * NAV_ANSATT_TILGANG_TIL_EKSTERN_BRUKER: address protection first, then shielding, as poao-tilgang orders its
 * rules. Reading and writing are decided alike, and across offices (as in NAV). A person NAV does not know has
 * nothing to protect: PERMIT.
 */
export function evaluateTilgangTilBruker(veileder: Veileder | undefined, person: NavPerson | undefined): Decision {
  if (!veileder) return deny('MANGLER_TILGANG_TIL_AD_GRUPPE', 'NAV-ansatt mangler tilgang til Modia');
  if (!person) return PERMIT;
  const t = veileder.tilganger;
  if (person.diskresjonskode === 'STRENGT_FORTROLIG_UTLAND' && !t.strengtFortroligAdresse) {
    return deny('IKKE_TILGANG_TIL_STRENGT_FORTROLIG_UTLAND_BRUKER', 'NAV-ansatt mangler tilgang til strengt fortrolig utland bruker');
  }
  if (person.diskresjonskode === 'STRENGT_FORTROLIG' && !t.strengtFortroligAdresse) {
    return deny('IKKE_TILGANG_TIL_STRENGT_FORTROLIG_BRUKER', 'NAV-ansatt mangler tilgang til strengt fortrolig bruker');
  }
  if (person.diskresjonskode === 'FORTROLIG' && !t.fortroligAdresse) {
    return deny('IKKE_TILGANG_TIL_FORTROLIG_BRUKER', 'NAV-ansatt mangler tilgang til fortrolig bruker');
  }
  if (person.skjermet && !t.skjermedePersoner) {
    return deny('IKKE_TILGANG_TIL_SKJERMET_PERSON', 'NAV-ansatt mangler tilgang til skjermet person');
  }
  return PERMIT;
}

/** NAV_ANSATT_TILGANG_TIL_NAV_ENHET: the fixture gives each employee one office. */
export function evaluateTilgangTilEnhet(veileder: Veileder | undefined, enhetId: string): Decision {
  if (!veileder) return deny('MANGLER_TILGANG_TIL_AD_GRUPPE', 'NAV-ansatt mangler tilgang til Modia');
  return veileder.enhetId === enhetId ? PERMIT : deny('IKKE_TILGANG_TIL_NAV_ENHET', 'NAV-ansatt har ikke tilgang til NAV-enhet');
}

/** NAV_ANSATT_BEHANDLE_SKJERMEDE_PERSONER: membership of the group for shielded persons. */
export function evaluateBehandleSkjermede(veileder: Veileder | undefined): Decision {
  if (veileder?.tilganger.skjermedePersoner) return PERMIT;
  return deny('MANGLER_TILGANG_TIL_AD_GRUPPE', 'NAV-ansatt mangler tilgang til AD-gruppe for skjermede personer');
}

/** Who acts, as the NAV applications see it: an employee or the person (innsender NAV / BRUKER). */
export type Actor = { kind: 'NAV'; veileder: Veileder } | { kind: 'BRUKER'; fnr: string };

/**
 * The actor behind a token: a NAV employee known by NAVident (or Entra oid), or a person by pid. Other roles,
 * and employees NAV does not know, are no actor at all (403).
 */
export function actorOf(state: NavState, caller: UpstreamCaller): Actor | undefined {
  if (caller.role === 'NAV') {
    const veileder =
      (caller.NAVident ? state.veilederByIdent(caller.NAVident) : undefined) ??
      (caller.oid ? state.veilederByAzureId(caller.oid) : undefined);
    return veileder ? { kind: 'NAV', veileder } : undefined;
  }
  if (caller.role === 'PERSON' && caller.pid) return { kind: 'BRUKER', fnr: caller.pid };
  return undefined;
}

/** Whether the actor may read and write the person's data. */
export function mayAccess(state: NavState, actor: Actor, fnr: string): boolean {
  if (actor.kind === 'BRUKER') return actor.fnr === fnr;
  return evaluateTilgangTilBruker(actor.veileder, state.person(fnr)).type === 'PERMIT';
}

/** `endretAv` / `avsenderId` of a write: the NAVident, or the person's fnr. */
export function actorIdent(actor: Actor): string {
  return actor.kind === 'NAV' ? actor.veileder.navIdent : actor.fnr;
}
