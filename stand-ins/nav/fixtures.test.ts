import { describe, expect, it } from 'vitest';
import { loadContract } from '../common/contract.ts';
import { loadNavState } from './state.ts';
import { REFERENCE_NOW } from './testing.ts';

describe('the NAV demo fixture', () => {
  it('holds only records that validate against their component schemas', async () => {
    const state = await loadNavState({ now: () => REFERENCE_NOW });
    const contract = loadContract('nav');
    const errors = (schema: string, records: unknown[]) => records.flatMap((r, i) => contract.validateSchema(schema, r).map((e) => `${schema}[${i}] ${e}`));
    expect([
      ...errors('AktivitetDTO', [...state.versjoner.values()].flat()),
      ...errors('DialogDTO', [...state.dialoger.values()]),
      ...errors('OppfolgingPeriodeDTO', state.personer.flatMap((p) => p.oppfolgingsperioder)),
      ...errors('Oppfolgingsenhet', state.personer.map((p) => p.oppfolgingsenhet)),
      ...errors('Oppfolgingsenhet', state.enheter),
      ...errors('Siste14aVedtakDTO', state.personer.flatMap((p) => (p.siste14aVedtak ? [p.siste14aVedtak] : []))),
      ...errors('Fnr', state.personer.map((p) => p.fnr)),
      ...errors('NavIdent', state.veiledere.map((v) => v.navIdent)),
    ]).toEqual([]);
  });

  it('moves event times to the clock but keeps birth dates', async () => {
    const state = await loadNavState({ now: () => new Date('2026-12-03T08:00:00.000+01:00') });
    const emma = state.person('14820482817')!;
    expect(emma.oppfolgingsperioder[0]!.startDato).toBe('2026-03-09T09:00:00.000+01:00');
    expect(emma.fodselsdato).toBe('2004-02-14');
  });
});
