import { GENERATED_FIXTURES_DIR } from '../support/fixtures.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../lib/auth/caller.ts';
import { useStack } from '../support/stack.ts';

/** The training operations through the gateway on the generated set (300 persons), against its fixture files. */

type Json = Record<string, any>;
const DIR = GENERATED_FIXTURES_DIR;
const fag = JSON.parse(readFileSync(`${DIR}/fagopplaering.json`, 'utf8')) as Json;
const nav = JSON.parse(readFileSync(`${DIR}/nav.json`, 'utf8')) as Json;

const FR01: Caller = { role: 'training-advisor', advisorId: 'FR-01' };
const WORKLIST = `query ($first: Int!, $after: String) {
  skillsMappingRequests(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { id status person { ident completedSubjects { code } } }
  }
}`;
const MAPPING = `query ($ident: ID!, $trade: ID!) {
  person(ident: $ident) { priorSubjectMapping(trade: $trade) { trade { code } credited { code } remaining { code } eligibleRoutes } }
}`;

const open = (fag.kartlegginger as Json[])
  .filter((k) => ['MOTTATT', 'UNDER_BEHANDLING', 'PLAN_SENDT'].includes(k.status) && k.samtykke.trukketTidspunkt === null)
  .sort((a, b) => Date.parse(b.opprettet) - Date.parse(a.opprettet));

describe('the training subgraph on the generated set', () => {
  const graph = useStack({ fixturesDir: DIR });

  it('lists every open request under active consent in the worklist, page by page, newest first', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page <= Math.ceil(open.length / 20); page++) {
      const res = await graph.query(FR01, WORKLIST, { first: 20, after });
      const list = res.data!.skillsMappingRequests;
      expect(list.totalCount).toBe(open.length);
      seen.push(...list.nodes.map((n: Json) => n.id));
      if (!list.pageInfo.hasNextPage) break;
      after = list.pageInfo.endCursor;
    }
    expect(seen).toEqual(open.map((k) => k.id));
  });

  it('maps each person on the first page against their first trade: credited are exactly the required subjects they passed', async () => {
    for (const k of open.slice(0, 8)) {
      const trade = fag.laerefag.find((l: Json) => l.programomradekode === k.onsketLaerefag[0]);
      const res = await graph.query(FR01, MAPPING, { ident: k.fnr, trade: trade.programomradekode });
      const consentCovers = ['FAG_OG_KARAKTERER', 'PRAKSIS'].every((o) => k.samtykke.omfang.includes(o));
      if (!consentCovers) {
        expect(res.data!.person.priorSubjectMapping).toBeNull();
        continue;
      }
      expect(res.errors).toBeUndefined();
      const required = [
        ...trade.lop.filter((a: Json) => a.niva !== 'VG3').flatMap((a: Json) => a.fag.filter((f: Json) => !f.kunForPrivatister)),
        ...trade.fellesfag,
        ...trade.lop.filter((a: Json) => a.niva === 'VG3').flatMap((a: Json) => a.fag.filter((f: Json) => !f.kunForPrivatister)),
      ].map((f: Json) => f.fagkode);
      const results: Json[] = (fag.personer as Json[]).find((p) => p.fnr === k.fnr)?.fag ?? [];
      const passed = new Set<string>(results.filter((f) => f.bestatt).map((f) => f.fagkode as string));
      const m = res.data!.person.priorSubjectMapping;
      // Fellesfag variants of another programme may also credit; every other subject needs its own passed code.
      const variants = (code: string) => (/^(MAT|NAT)1/.test(code) ? [...passed].some((p) => p.slice(0, 4) === code.slice(0, 4)) : false);
      expect(m.credited.map((s: Json) => s.code)).toEqual(required.filter((c) => passed.has(c) || variants(c)));
      expect(m.remaining.map((s: Json) => s.code)).toEqual(required.filter((c) => !passed.has(c) && !variants(c)));
      expect(trade.ruter).toEqual(expect.arrayContaining(m.eligibleRoutes.map((r: string) => ({ APPRENTICESHIP: 'LAERLING', EXPERIENCE_BASED_CANDIDATE: 'PRAKSISKANDIDAT', CERTIFICATE_AT_WORK: 'FAGBREV_PA_JOBB', ADULT_EDUCATION: 'VOKSENOPPLAERING' })[r])));
    }
  });

  it('gives a NAV advisor the mapping of a person with an open request only under that consent', async () => {
    const k = open.find((r) => ['FAG_OG_KARAKTERER', 'PRAKSIS'].every((o) => r.samtykke.omfang.includes(o)) && !nav.personer.find((p: Json) => p.fnr === r.fnr).skjermet)!;
    const azureId = nav.veiledere.find((v: Json) => v.navIdent === 'Z990001').azureId;
    const res = await graph.query({ role: 'nav-advisor', navIdent: 'Z990001', azureId }, MAPPING, { ident: k.fnr, trade: k.onsketLaerefag[0] });
    expect(res.errors).toBeUndefined();
    expect(res.data!.person.priorSubjectMapping.trade.code).toBe(k.onsketLaerefag[0]);
  });
});
