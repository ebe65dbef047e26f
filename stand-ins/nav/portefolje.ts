import { addDays, osloDate } from '../../lib/time.ts';
import { evaluateTilgangTilBruker } from './access.ts';
import type { Filtervalg } from './schemas.ts';
import type { NavState } from './state.ts';
import type { NavPerson, Veileder } from './types.ts';

/** "New for the advisor": the fixture has no flag for it, so a person assigned within these days counts. */
const NY_FOR_VEILEDER_DAGER = 14;

export interface PortefoljeQuery {
  veilederident: string;
  enhet: string;
  fra: number;
  antall: number;
  sortDirection: 'ikke_satt' | 'ascending' | 'descending';
  sortField: 'ikke_satt' | 'etternavn' | 'fodselsnummer' | 'oppfolging_startet' | 'tildelt_tidspunkt';
}

/**
 * One page of an advisor's caseload at an office, as the calling employee may see it: persons the caller may
 * not see are counted and listed, but censored (empty fnr and names), and a name or fnr search never finds them.
 */
export function portefolje(state: NavState, caller: Veileder, query: PortefoljeQuery, filter: Filtervalg) {
  const kontorVeiledere = new Set(state.veiledere.filter((v) => v.enhetId === query.enhet).map((v) => v.navIdent));
  const denied = (p: NavPerson) => evaluateTilgangTilBruker(caller, p).type === 'DENY';
  const matches = state.personer
    .filter((p) => p.underOppfolging && p.oppfolgingsenhet.enhetId === query.enhet && p.veilederId === query.veilederident)
    .filter((p) => matchesFilter(state, p, filter, kontorVeiledere, denied(p)));
  const sorted = sort(state, matches, query);
  const page = sorted.slice(query.fra, query.fra + query.antall);
  return {
    enhet: query.enhet,
    antallTotalt: sorted.length,
    antallReturnert: page.length,
    fraIndex: query.fra,
    brukere: page.map((p) => (denied(p) ? censored(p) : bruker(state, p))),
  };
}

function bruker(state: NavState, p: NavPerson) {
  const start = state.gjeldendePeriode(p)?.startDato;
  return {
    fnr: p.fnr,
    fornavn: p.fornavn,
    etternavn: p.etternavn,
    veilederId: p.veilederId,
    oppfolgingStartdato: start ? osloDate(new Date(start)) : null,
    tildeltTidspunkt: p.tildeltTidspunkt ?? null,
    egenAnsatt: p.skjermet,
    skjermetTil: null,
    innsatsgruppe: p.siste14aVedtak?.innsatsgruppe ?? null,
  };
}

/** What a denied person's row keeps: that there is one, whose it is, and the shielding mark. */
function censored(p: NavPerson) {
  return { fnr: '', fornavn: '', etternavn: '', veilederId: p.veilederId, oppfolgingStartdato: null, tildeltTidspunkt: null, egenAnsatt: p.skjermet, skjermetTil: null, innsatsgruppe: null };
}

function matchesFilter(state: NavState, p: NavPerson, filter: Filtervalg, kontorVeiledere: Set<string>, denied: boolean): boolean {
  const query = filter.navnEllerFnrQuery?.trim().toLowerCase();
  if (query) {
    if (denied) return false;
    const name = `${p.fornavn} ${p.etternavn}`.toLowerCase();
    if (!p.fnr.startsWith(query) && !name.includes(query)) return false;
  }
  const grupper = filter.innsatsgruppeGjeldendeVedtak14a;
  if (grupper?.length && !grupper.includes(p.siste14aVedtak?.innsatsgruppe as never)) return false;
  const dialoger = () => state.dialogerOf(p).filter((d) => !d.historisk);
  for (const ferdigfilter of filter.ferdigfilterListe ?? []) {
    const ok = (() => {
      switch (ferdigfilter) {
        case 'UFORDELTE_BRUKERE':
          return !p.veilederId || !kontorVeiledere.has(p.veilederId);
        case 'NYE_BRUKERE_FOR_VEILEDER':
          return !!p.tildeltTidspunkt && p.tildeltTidspunkt >= addDays(osloDate(state.now()), -NY_FOR_VEILEDER_DAGER);
        case 'VENTER_PA_SVAR_FRA_NAV':
          return dialoger().some((d) => !d.ferdigBehandlet);
        case 'VENTER_PA_SVAR_FRA_BRUKER':
          return dialoger().some((d) => d.venterPaSvar);
        case 'UDELT_SAMTALEREFERAT':
          return state.aktiviteterOf(p).some((a) => !a.historisk && a.type === 'SAMTALEREFERAT' && !a.erReferatPublisert);
      }
    })();
    if (!ok) return false;
  }
  return true;
}

function sort(state: NavState, persons: NavPerson[], query: PortefoljeQuery): NavPerson[] {
  const key = (p: NavPerson): string => {
    switch (query.sortField) {
      case 'etternavn':
        return `${p.etternavn} ${p.fornavn}`;
      case 'fodselsnummer':
        return p.fnr;
      case 'oppfolging_startet':
        return String(Date.parse(state.gjeldendePeriode(p)?.startDato ?? '') || 0).padStart(15, '0');
      case 'tildelt_tidspunkt':
        return p.tildeltTidspunkt ?? '';
      case 'ikke_satt':
        return '';
    }
  };
  if (query.sortField === 'ikke_satt') return persons;
  const direction = query.sortDirection === 'descending' ? -1 : 1;
  return [...persons].sort((a, b) => direction * key(a).localeCompare(key(b), 'nb'));
}
