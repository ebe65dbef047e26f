import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_FIXTURES_DIR } from '../../../stand-ins/common/fixtures.ts';

/**
 * Contract-shaped NAV payloads built from the demo fixtures (stand-ins/fixtures/demo/nav.json), as the NAV
 * services answer them — so the tests reply with real shapes, not invented ones. The files are at their
 * reference day, which the tests use as "now".
 */

type Json = Record<string, any>;
const raw = JSON.parse(readFileSync(join(DEMO_FIXTURES_DIR, 'nav.json'), 'utf8')) as Json;

/** The fixtures' reference day (2026-11-26 08:00 Europe/Oslo). */
export const REFERENCE_NOW = new Date(raw.meta.referenceNow as string);

/** A fresh copy, so a test can change a record into a hand-made state without touching the others. */
const copy = <T>(value: T): T => structuredClone(value);

export function personRecord(fnr: string): Json {
  const person = (raw.personer as Json[]).find((p) => p.fnr === fnr);
  if (!person) throw new Error(`no demo person ${fnr}`);
  return copy(person);
}

export const demoPersons = (): string[] => (raw.personer as Json[]).map((p) => p.fnr as string);

function periodsOf(fnr: string): Set<string> {
  return new Set((personRecord(fnr).oppfolgingsperioder as Json[]).map((p) => p.uuid as string));
}

/** The NAV advisor as a caller of the graph (Entra object id from the fixture). */
export function advisor(navIdent: string): { role: 'nav-advisor'; navIdent: string; azureId: string } {
  const veileder = (raw.veiledere as Json[]).find((v) => v.navIdent === navIdent);
  if (!veileder) throw new Error(`no demo advisor ${navIdent}`);
  return { role: 'nav-advisor', navIdent, azureId: veileder.azureId as string };
}

/** veilarbaktivitet hentAktivitetsplan: all the person's activities (owner = owner of the period). */
export function aktivitetsplan(fnr: string): { aktiviteter: Json[] } {
  const periods = periodsOf(fnr);
  return { aktiviteter: copy((raw.aktiviteter as Json[]).filter((a) => periods.has(a.oppfolgingsperiodeId))) };
}

/** veilarbdialog hentDialoger: the person's threads as a NAV employee sees them. */
export function dialoger(fnr: string): Json[] {
  const periods = periodsOf(fnr);
  return copy((raw.dialoger as Json[]).filter((d) => periods.has(d.oppfolgingsperiode)));
}

/** veilarboppfolging hentOppfolgingsstatus (v3 hent-status). */
export function oppfolgingsstatus(fnr: string): Json {
  const p = personRecord(fnr);
  return {
    fnr: p.fnr,
    aktorId: p.aktorId,
    veilederId: p.veilederId,
    reservasjonKRR: p.reservasjonKRR,
    registrertKRR: true,
    kanVarsles: p.kanVarsles,
    manuell: p.manuell,
    underOppfolging: p.underOppfolging,
    underKvp: false,
    oppfolgingsPerioder: p.oppfolgingsperioder,
    servicegruppe: p.servicegruppe ?? null,
    formidlingsgruppe: p.formidlingsgruppe ?? null,
  };
}

/** veilarboppfolging hentOppfolgingsenhetOgVeileder (v2 hent-oppfolgingsstatus). */
export function enhetOgVeileder(fnr: string): Json {
  const p = personRecord(fnr);
  return {
    oppfolgingsenhet: p.oppfolgingsenhet,
    veilederId: p.veilederId,
    formidlingsgruppe: p.formidlingsgruppe ?? null,
    servicegruppe: p.servicegruppe ?? null,
    hovedmaalkode: p.hovedmaalkode ?? null,
  };
}

/** veilarbvedtaksstotte hentSiste14aVedtak; null = no decision (204). */
export function siste14aVedtak(fnr: string): Json | null {
  return personRecord(fnr).siste14aVedtak ?? null;
}

/** poao-tilgang's answer for an advisor, by the simulators' rule: shielded persons only for advisors allowed them. */
export function evaluatePolicies(navIdent: string, body: { requests: Json[] }): { results: Json[] } {
  const veileder = (raw.veiledere as Json[]).find((v) => v.navIdent === navIdent)!;
  return {
    results: body.requests.map((r) => {
      const person = (raw.personer as Json[]).find((p) => p.fnr === r.policyInput.norskIdent);
      const denied = person?.skjermet && !veileder.tilganger.skjermedePersoner;
      return {
        requestId: r.requestId,
        decision: denied
          ? { type: 'DENY', message: 'NAV-ansatt mangler tilgang til skjermet person', reason: 'IKKE_TILGANG_TIL_SKJERMET_PERSON' }
          : { type: 'PERMIT', message: null, reason: null },
      };
    }),
  };
}
