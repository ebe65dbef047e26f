import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse, print } from 'graphql';
import { parseIdent } from '../../../lib/ident.ts';
import { osloDate } from '../../../lib/time.ts';
import { ageOn, inTargetGroup } from '../age.ts';

/**
 * What NAV's fixture files say, for the end-to-end tests: read from nav.json of a fixture folder and derived here
 * independently of the subgraph's code (the tests run at the files' reference time, so no time shift applies).
 */
type Json = Record<string, any>;

export interface NavTruth {
  raw: Json;
  referenceNow: Date;
  person(fnr: string): Json;
  /** The person's activities, historic ones included, in the file's order. */
  activities(fnr: string): Json[];
  threads(fnr: string): Json[];
  advisor(navIdent: string): { role: 'nav-advisor'; navIdent: string; azureId: string };
  /** Whether poao-tilgang permits the advisor to see the person (the stand-ins' rule, README "Access rules"). */
  permits(navIdent: string, fnr: string): boolean;
  /** The advisor's caseload as the graph must give it: assigned, under follow-up at the advisor's office, visible; target group first. */
  caseload(navIdent: string): string[];
  age(fnr: string): number;
}

export function navTruth(dir: string): NavTruth {
  const raw = JSON.parse(readFileSync(join(dir, 'nav.json'), 'utf8')) as Json;
  const referenceNow = new Date(raw.meta.referenceNow as string);
  const byFnr = new Map<string, Json>((raw.personer as Json[]).map((p) => [p.fnr, p]));
  const owner = new Map<string, string>();
  for (const p of raw.personer as Json[]) for (const period of p.oppfolgingsperioder as Json[]) owner.set(period.uuid, p.fnr);
  const veileder = (navIdent: string) => (raw.veiledere as Json[]).find((v) => v.navIdent === navIdent)!;
  const age = (fnr: string) => ageOn(parseIdent(fnr)!.birthDate, osloDate(referenceNow));
  const permits = (navIdent: string, fnr: string) => {
    const t = veileder(navIdent).tilganger;
    const p = byFnr.get(fnr);
    if (!p) return true;
    if (p.diskresjonskode?.startsWith('STRENGT_FORTROLIG') && !t.strengtFortroligAdresse) return false;
    if (p.diskresjonskode === 'FORTROLIG' && !t.fortroligAdresse) return false;
    return !(p.skjermet && !t.skjermedePersoner);
  };
  return {
    raw,
    referenceNow,
    person: (fnr) => byFnr.get(fnr)!,
    activities: (fnr) => (raw.aktiviteter as Json[]).filter((a) => owner.get(a.oppfolgingsperiodeId) === fnr),
    threads: (fnr) => (raw.dialoger as Json[]).filter((d) => owner.get(d.oppfolgingsperiode) === fnr),
    advisor: (navIdent) => ({ role: 'nav-advisor', navIdent, azureId: veileder(navIdent).azureId }),
    permits,
    age,
    caseload(navIdent) {
      const office = veileder(navIdent).enhetId;
      const mine = (raw.personer as Json[])
        .filter((p) => p.underOppfolging && p.veilederId === navIdent && p.oppfolgingsenhet?.enhetId === office && permits(navIdent, p.fnr))
        // NAV's list order within each group: surname, then first name.
        .sort((a, b) => `${a.etternavn} ${a.fornavn}`.localeCompare(`${b.etternavn} ${b.fornavn}`, 'nb'))
        .map((p) => p.fnr as string);
      const inGroup = (fnr: string) => inTargetGroup(age(fnr));
      return [...mine.filter(inGroup), ...mine.filter((f) => !inGroup(f))];
    },
  };
}

/** The nav subgraph's upstream calls so far, by "system operation", from its Prometheus counter. */
export async function upstreamCalls(subgraphUrl: string): Promise<Record<string, number>> {
  const text = await (await fetch(subgraphUrl.replace(/\/graphql$/, '/internal/metrics'))).text();
  const calls: Record<string, number> = {};
  for (const line of text.split('\n')) {
    const m = /^fagbrev_upstream_calls_total\{(.*)\} (\d+)/.exec(line);
    if (!m) continue;
    const labels = Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
    calls[`${labels.system} ${labels.operation}`] = Number(m[2]);
  }
  return calls;
}

/** The calls made between two counter readings (operations without calls left out). */
export function callsBetween(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const delta: Record<string, number> = {};
  for (const [key, n] of Object.entries(after)) if (n - (before[key] ?? 0) > 0) delta[key] = n - (before[key] ?? 0);
  return delta;
}

/** One operation of a client's file in operations/, as the client sends it. */
export function clientOperation(file: string, name: string): string {
  const document = parse(readFileSync(fileURLToPath(new URL(`../../../operations/${file}`, import.meta.url)), 'utf8'));
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);
  if (!operation) throw new Error(`${name} is not in ${file}`);
  return print(operation);
}
