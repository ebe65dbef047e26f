import { describe, expect, it } from 'vitest';
import { loadContract, type ContractName } from '../stand-ins/common/contract.ts';
import { DEMO_FIXTURES_DIR } from '../stand-ins/common/fixtures.ts';
import { allIdents, GENERATED_FIXTURES_DIR, readFixtures, type Fixtures } from './support/fixtures.ts';

type Json = Record<string, any>;

/** Which records of each file are which component schema of the system's contract. */
function recordsBySchema(fx: Fixtures): Array<[ContractName, string, unknown[]]> {
  const { nav, karrieresenter: k, fagopplaering: f, digipost: d } = fx;
  const personer = nav.personer as Json[];
  return [
    ['nav', 'AktivitetDTO', [...nav.aktiviteter, ...Object.values(nav.aktivitetVersjoner as Record<string, Json[]>).flat()]],
    ['nav', 'DialogDTO', nav.dialoger],
    ['nav', 'OppfolgingPeriodeDTO', personer.flatMap((p) => p.oppfolgingsperioder)],
    ['nav', 'Oppfolgingsenhet', [...nav.enheter, ...personer.flatMap((p) => (p.oppfolgingsenhet ? [p.oppfolgingsenhet] : []))]],
    ['nav', 'Siste14aVedtakDTO', personer.flatMap((p) => (p.siste14aVedtak ? [p.siste14aVedtak] : []))],
    ['nav', 'Fnr', personer.map((p) => p.fnr)],
    ['nav', 'NavIdent', nav.veiledere.map((v: Json) => v.navIdent)],
    ['karrieresenter', 'Centre', k.centres],
    ['karrieresenter', 'Counsellor', k.counsellors],
    ['karrieresenter', 'Slot', k.slots],
    ['karrieresenter', 'Booking', k.bookings],
    ['karrieresenter', 'Notification', k.notifications],
    ['karrieresenter', 'Note', k.notes],
    ['karrieresenter', 'ShareGrant', k.shareGrants],
    ['fagopplaering', 'Radgiver', f.radgivere],
    ['fagopplaering', 'Laerefag', f.laerefag],
    ['fagopplaering', 'PersonOpplaeringsdata', f.personer],
    ['fagopplaering', 'Kartleggingsforesporsel', f.kartlegginger],
    ['fagopplaering', 'Opplaeringsplan', f.opplaeringsplaner],
    ['digipost', 'IdentificationResult', (d.recipients as Json[]).map((r) => r.identificationResult)],
    ['digipost', 'MessageRecipient', (d.messages as Json[]).map((m) => m.recipient)],
    ['digipost', 'MessageDelivery', (d.messages as Json[]).map((m) => m.delivery)],
  ];
}

/** Both mod-11 check digits of an 11-digit ident (Skatteetaten's weights), computed here, not by lib/ident.ts. */
function checkDigitsValid(ident: string): boolean {
  if (!/^\d{11}$/.test(ident)) return false;
  const d = [...ident].map(Number);
  const control = (weights: number[]) => {
    const r = 11 - (weights.reduce((sum, w, i) => sum + w * d[i]!, 0) % 11);
    return r === 11 ? 0 : r;
  };
  return control([3, 7, 6, 1, 8, 9, 4, 5, 2]) === d[9] && control([5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) === d[10];
}

const SETS = { demo: DEMO_FIXTURES_DIR, generated: GENERATED_FIXTURES_DIR };

for (const [set, dir] of Object.entries(SETS)) {
  describe(`the ${set} fixture set`, () => {
    const fx = readFixtures(dir);

    for (const [system, schema, records] of recordsBySchema(fx)) {
      it(`every ${system} ${schema} record validates against the contract's component schema`, () => {
        expect(records.length).toBeGreaterThan(0);
        const contract = loadContract(system);
        const errors = records.flatMap((r, i) => contract.validateSchema(schema, r).map((e) => `${schema}[${i}] ${e}`));
        expect(errors.slice(0, 20)).toEqual([]);
      });
    }

    it('every ident in every system has two valid check digits', () => {
      const invalid = [...allIdents(fx)].filter((ident) => !checkDigitsValid(ident));
      expect(invalid).toEqual([]);
    });

    it('every person the county systems know is a person NAV knows (the sets are consistent)', () => {
      const nav = new Set((fx.nav.personer as Json[]).map((p) => p.fnr));
      expect([...allIdents(fx)].filter((ident) => !nav.has(ident))).toEqual([]);
    });

    it('all four files are written as of the same reference time and for the same number of persons', () => {
      const metas = [fx.nav, fx.karrieresenter, fx.fagopplaering, fx.digipost].map((f) => f.meta);
      expect(new Set(metas.map((m) => m.referenceNow)).size).toBe(1);
      expect(new Set(metas.map((m) => m.persons))).toEqual(new Set([(fx.nav.personer as Json[]).length]));
    });
  });
}

describe('the two sets', () => {
  it('are checked for real: a record off its contract is reported', () => {
    const booking = { ...(readFixtures(DEMO_FIXTURES_DIR).karrieresenter.bookings as Json[])[0], mode: 'HOLOGRAM' };
    expect(loadContract('karrieresenter').validateSchema('Booking', booking)).not.toEqual([]);
    expect(checkDigitsValid('14820482818')).toBe(false);
  });

  it('share no person (the generated persons are disjoint from the demo personas)', () => {
    const demo = allIdents(readFixtures(DEMO_FIXTURES_DIR));
    expect([...allIdents(readFixtures(GENERATED_FIXTURES_DIR))].filter((ident) => demo.has(ident))).toEqual([]);
  });
});
