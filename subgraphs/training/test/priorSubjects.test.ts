import { describe, expect, it } from 'vitest';
import { personal } from '../../../lib/consent/subject.ts';
import { toTrade } from '../mapping.ts';
import type { CompletedSubjectModel, PracticeModel, TradeModel } from '../model.ts';
import { mapPriorSubjects, planContent } from '../priorSubjects/index.ts';
import { relevantPracticeMonths } from '../priorSubjects/practice.ts';
import { requiredCandidatePracticeMonths } from '../priorSubjects/routes.ts';
import { fixture } from './support.ts';

/**
 * The prior-subject mapping on hand-made records against the five trades of the reference catalogue (the demo
 * fixture's laerefag, real LK20 codes). Expectations follow from the rules, worked out by hand per case.
 */

const TODAY = '2026-11-26';
const trade = (code: string): TradeModel => toTrade(fixture.laerefag.find((l) => l.programomradekode === code)!);
const TOMRER = trade('BATMF3----');
const RORLEGGER = trade('BARLF3----');
const ELEKTRIKER = trade('ELELE3----');
const HELSEARBEIDER = trade('HSHEA3----');
const BARNE_UNGDOM = trade('HSBUA3----');

// Valid idents with known birth years (the demo personas'): 1993, 2005, 1995 (D-number), 2004.
const BORN_1993 = '27859311208';
const BORN_2005 = '03910587500';
const BORN_1995 = '59889523365';
const BORN_2004 = '14820482817';

const titleOf = (code: string) =>
  fixture.laerefag.flatMap((l) => [...l.lop.flatMap((a) => a.fag), ...(l.fellesfag ?? [])]).find((f) => f.fagkode === code)?.tittel ?? code;

function result(
  code: string,
  level: 'VG1' | 'VG2' | 'VG3',
  grades: { overall?: string | null; exam?: string | null },
  when: { year: number; term?: 'SPRING' | 'AUTUMN'; external?: boolean } = { year: 2022 },
): CompletedSubjectModel {
  const overallGrade = grades.overall ?? null;
  const examGrade = grades.exam ?? null;
  // As the county's record says it (FullfortFag.bestatt): a pupil passes when every grade passes; an external
  // candidate's exam is the deciding assessment, whatever an old standpunkt grade says.
  const pass = (g: string | null) => g !== null && /^([2-6]|B|BM|GK|R)$/.test(g);
  const deciding = when.external ? [examGrade] : [overallGrade, examGrade].filter((g) => g !== null);
  return personal(BORN_2004, {
    code,
    title: titleOf(code),
    subjectType: /^(ENG|MAT|NAT|KRO|SAK)/.test(code) ? 'COMMON_CORE' : 'COMMON_PROGRAMME',
    level,
    programmeArea: 'XXXXX1----',
    grade: examGrade ?? overallGrade,
    overallGrade,
    examGrade,
    passed: deciding.length > 0 && deciding.every(pass),
    year: when.year,
    term: when.term ?? 'SPRING',
    candidateType: when.external ? 'EXTERNAL_CANDIDATE' : 'PUPIL',
  });
}
const passed = (code: string, level: 'VG1' | 'VG2' | 'VG3', grade = '4', year = 2022) => result(code, level, { overall: grade }, { year });

function period(tradeCode: string | null, from: string, to: string | null, positionPercent = 100, documented = true): PracticeModel {
  return personal(BORN_2004, {
    employer: 'Bedrift AS',
    occupation: 'Arbeider',
    occupationCode: null,
    relevantTradeCode: tradeCode,
    from,
    to,
    positionPercent,
    documented,
    documentation: documented ? 'CERTIFICATE' : 'SELF_DECLARATION',
  });
}

const codes = (list: Array<{ code: string }>) => list.map((s) => s.code);
const creditedCodes = (m: ReturnType<typeof mapPriorSubjects>) => m.credited.map((c) => c.subject.code);
const VG1_BA = ['BAT1005', 'BAT1006'];

describe('the trade requirements', () => {
  it('asks a praksiskandidat for 25 % more practice than the full 2 + 2 training time, as the catalogue says', () => {
    for (const l of fixture.laerefag) {
      // 1.25 × (2 school years + the læretid) must agree with the catalogue's own kravPraksisManeder.
      expect(requiredCandidatePracticeMonths(toTrade(l)), l.programomradekode).toBe(Math.ceil(1.25 * (24 + l.laretidManeder)));
      expect(requiredCandidatePracticeMonths(toTrade(l)), l.programomradekode).toBe(l.kravPraksisManeder);
    }
  });
});

describe('Tømrerfaget (BATMF3----)', () => {
  it('makes a carpenter with six years of documented full-time practice a praksiskandidat who still has the written exam and the svenneprøve', () => {
    const m = mapPriorSubjects({
      ident: BORN_1993,
      trade: TOMRER,
      results: [],
      practice: [period('BATMF3----', '2020-09-01', '2023-03-31'), period('BATMF3----', '2023-04-01', '2026-09-30')],
      today: TODAY,
    });
    // 2020-09-01..2026-09-30 is 2221 days = 72.97 average months → 72 whole months, six years.
    expect(m.practiceMonths).toBe(72);
    expect(m.practiceYears).toBe(6);
    // No longer employed (the last period ended 30.09): no fagbrev på jobb; 33 this year with nothing from school: adult education.
    expect(m.eligibleRoutes).toEqual(['EXPERIENCE_BASED_CANDIDATE', 'ADULT_EDUCATION']);
    const plan = planContent({ trade: TOMRER, route: 'EXPERIENCE_BASED_CANDIDATE', results: [], practiceMonths: m.practiceMonths, ageThisYear: m.ageThisYear });
    expect(plan.remaining.map((s) => [s.code, s.takenAt])).toEqual([
      ['TMF3103', 'EXTERNAL_CANDIDATE'],
      ['TMF3004', 'EXTERNAL_CANDIDATE'],
    ]);
    expect(plan.credited).toEqual([]);
    expect(plan.creditedPracticeMonths).toBe(72);
    expect(plan.estimatedMonths).toBe(6);
  });

  it('does not count self-declared practice, practice judged relevant for another trade, or time after today', () => {
    const months = relevantPracticeMonths(
      [
        period('BATMF3----', '2024-01-01', null), // ongoing: counts until today only
        period('BATMF3----', '2010-01-01', '2019-12-31', 100, false), // egenerklæring
        period('BARLF3----', '2010-01-01', '2019-12-31'), // rørlegger, not tømrer
        period('BATMF3----', '2027-01-01', '2027-12-31'), // not yet
      ],
      'BATMF3----',
      TODAY,
    );
    // 2024-01-01..2026-11-26: 1061 days → 34 months.
    expect(months).toBe(34);
  });
});

describe('overlapping practice periods', () => {
  it('counts two full-time periods that overlap by a year once', () => {
    const months = relevantPracticeMonths(
      [period('BATMF3----', '2020-01-01', '2022-12-31'), period('BATMF3----', '2022-01-01', '2024-12-31')],
      'BATMF3----',
      TODAY,
    );
    // 2020-01-01..2024-12-31 once: 1827 days → 60 months, not the 72 the two periods add up to.
    expect(months).toBe(60);
  });

  it('adds two half-time positions held at once up to full time, and never beyond it', () => {
    const halves = relevantPracticeMonths([period('HSBUA3----', '2024-01-01', '2024-12-31', 50), period('HSBUA3----', '2024-01-01', '2024-12-31', 50)], 'HSBUA3----', TODAY);
    const overFull = relevantPracticeMonths([period('HSBUA3----', '2024-01-01', '2024-12-31', 60), period('HSBUA3----', '2024-01-01', '2024-12-31', 70)], 'HSBUA3----', TODAY);
    // 366 days (2024 is a leap year) at weight 1 → 12 months in both cases.
    expect(halves).toBe(12);
    expect(overFull).toBe(12);
  });

  it('weighs a part-time position by its size and counts 80 % as full time', () => {
    const forty = relevantPracticeMonths([period('HSBUA3----', '2024-01-01', '2024-12-31', 40)], 'HSBUA3----', TODAY);
    const eighty = relevantPracticeMonths([period('HSBUA3----', '2024-01-01', '2024-12-31', 80)], 'HSBUA3----', TODAY);
    expect(forty).toBe(Math.floor((366 * 0.4) / 30.4375)); // 4
    expect(eighty).toBe(12);
  });
});

describe('Rørleggerfaget (BARLF3----)', () => {
  const tobias = [
    ...VG1_BA.map((c) => passed(c, 'VG1', '4', 2021)),
    ...['ENG1009', 'MAT1111', 'NAT1008', 'KRO1017'].map((c) => passed(c, 'VG1', '3', 2021)),
    ...['RLF2001', 'RLF2002', 'RLF2003'].map((c) => passed(c, 'VG2', '3')),
    result('RLF2004', 'VG2', { exam: '3' }),
    result('SAK1001', 'VG2', { overall: 'IV' }), // ikke vurdert: no assessment, credits nothing
  ];

  it('credits Vg1 and Vg2 and leaves the unassessed fellesfag and the svenneprøve', () => {
    const m = mapPriorSubjects({ ident: BORN_2004, trade: RORLEGGER, results: tobias, practice: [], today: TODAY });
    expect(codes(m.remaining)).toEqual(['SAK1001', 'RLF3004']);
    expect(creditedCodes(m)).toEqual([...VG1_BA, 'RLF2001', 'RLF2002', 'RLF2003', 'RLF2004', 'MAT1111', 'NAT1008', 'ENG1009', 'KRO1017']);
    // 22 this year: no voksenrett yet.
    expect(m.eligibleRoutes).toEqual(['APPRENTICESHIP']);
    const plan = planContent({ trade: RORLEGGER, route: 'APPRENTICESHIP', results: m.credited.map((c) => c.result), practiceMonths: 0, ageThisYear: 22 });
    // No school level left (a fellesfag alone is taken alongside the læretid): the læretid only.
    expect(plan.estimatedMonths).toBe(24);
    expect(plan.remaining.map((s) => [s.code, s.takenAt])).toEqual([
      ['SAK1001', 'SCHOOL'],
      ['RLF3004', 'COMPANY'],
    ]);
  });

  it('counts the shared Vg1 bygg- og anleggsteknikk in tømrerfaget too, but not the rørlegger Vg2', () => {
    const m = mapPriorSubjects({ ident: BORN_2004, trade: TOMRER, results: tobias, practice: [], today: TODAY });
    expect(creditedCodes(m)).toEqual([...VG1_BA, 'MAT1111', 'NAT1008', 'ENG1009', 'KRO1017']);
    expect(codes(m.remaining)).toEqual(['TMF2001', 'TMF2002', 'TMF2003', 'TMF2004', 'SAK1001', 'TMF3004']);
    expect(m.eligibleRoutes).toEqual(['APPRENTICESHIP']);
  });
});

describe('Elektrikerfaget (ELELE3----)', () => {
  it('with a partial Vg2 credits the passed subject only, and a year of school remains before the læretid', () => {
    const results = [
      passed('ELE1006', 'VG1', '3', 2021),
      passed('ELE1007', 'VG1', '4', 2021),
      passed('ENG1009', 'VG1', '3', 2021),
      passed('NAT1009', 'VG1', '3', 2021),
      passed('KRO1017', 'VG1', '4', 2021),
      passed('MAT1113', 'VG1', '3', 2021),
      passed('ELE2005', 'VG2', '4', 2022),
      result('ELE2006', 'VG2', { overall: '1' }, { year: 2022 }), // failed
      result('ELE2102', 'VG2', { overall: '3', exam: '1' }, { year: 2022 }), // passed overall, failed exam: not passed
    ];
    const m = mapPriorSubjects({ ident: BORN_2004, trade: ELEKTRIKER, results, practice: [], today: TODAY });
    expect(codes(m.remaining)).toEqual(['ELE2006', 'ELE2007', 'ELE2102', 'SAK1001', 'ELE3004']);
    expect(creditedCodes(m)).toEqual(['ELE1006', 'ELE1007', 'ELE2005', 'MAT1113', 'NAT1009', 'ENG1009', 'KRO1017']);
    expect(m.eligibleRoutes).toEqual(['APPRENTICESHIP']);
    const plan = planContent({ trade: ELEKTRIKER, route: 'APPRENTICESHIP', results: m.credited.map((c) => c.result), practiceMonths: 0, ageThisYear: 22 });
    // Vg2 left (12) + læretid (24).
    expect(plan.estimatedMonths).toBe(36);
  });

  it('credits an external candidate whose exam passed although an old standpunkt grade from school was 1', () => {
    // Found on a generated set of 10 000 persons: the county's record (bestatt) decides, not our reading of the grades.
    const results = [result('ENG1009', 'VG1', { overall: '1', exam: '3' }, { year: 2024, external: true })];
    const m = mapPriorSubjects({ ident: BORN_2004, trade: ELEKTRIKER, results, practice: [], today: TODAY });
    expect(creditedCodes(m)).toEqual(['ENG1009']);
  });

  it('credits Matematikk 1P-Y from bygg (MAT1111) for elektro (MAT1113), and a retaken Naturfag with its best result', () => {
    const results = [
      passed('MAT1111', 'VG1', '5', 2020),
      result('NAT1009', 'VG1', { overall: '1' }, { year: 2021 }),
      result('NAT1009', 'VG1', { exam: '4' }, { year: 2023, term: 'AUTUMN', external: true }),
      result('NAT1009', 'VG1', { exam: '3' }, { year: 2024, external: true }),
    ];
    const m = mapPriorSubjects({ ident: BORN_2004, trade: ELEKTRIKER, results, practice: [], today: TODAY });
    const math = m.credited.find((c) => c.subject.code === 'MAT1113')!;
    const science = m.credited.find((c) => c.subject.code === 'NAT1009')!;
    expect([math.result.code, math.result.grade]).toEqual(['MAT1111', '5']);
    expect([science.result.grade, science.result.year]).toEqual(['4', 2023]);
    const plan = planContent({ trade: ELEKTRIKER, route: 'APPRENTICESHIP', results, practiceMonths: 0, ageThisYear: 22 });
    expect(plan.credited.find((s) => s.code === 'NAT1009')!.creditedOn).toBe('CERTIFICATE_OF_COMPETENCE');
    expect(plan.credited.find((s) => s.code === 'MAT1113')!.creditedOn).toBe('DIPLOMA');
  });
});

describe('Helsearbeiderfaget (HSHEA3----)', () => {
  const maria = [
    ...['HSF1006', 'HSF1007', 'HSF1008'].map((c) => passed(c, 'VG1', '4', 2022)),
    ...['ENG1009', 'MAT1117', 'NAT1011', 'KRO1017'].map((c) => passed(c, 'VG1', '3', 2022)),
    ...['HEA2005', 'HEA2006', 'HEA2007'].map((c) => passed(c, 'VG2', '4', 2023)),
    result('HEA2008', 'VG2', { exam: '4' }, { year: 2023 }),
    passed('SAK1001', 'VG2', '4', 2023),
  ];

  it('with Vg1 and Vg2 complete leaves only the fagprøve, 24 months as an apprentice', () => {
    const m = mapPriorSubjects({ ident: BORN_2005, trade: HELSEARBEIDER, results: maria, practice: [], today: TODAY });
    expect(codes(m.remaining)).toEqual(['HEA3004']);
    expect(m.credited).toHaveLength(12);
    expect(m.eligibleRoutes).toEqual(['APPRENTICESHIP']);
    const plan = planContent({ trade: HELSEARBEIDER, route: 'APPRENTICESHIP', results: maria, practiceMonths: 0, ageThisYear: 21 });
    expect(plan.estimatedMonths).toBe(24);
    expect(plan.remaining).toEqual([{ code: 'HEA3004', title: 'Helsearbeiderfaget', level: 'VG3', creditedOn: null, takenAt: 'COMPANY' }]);
  });

  it('never credits a Vg2 subject by the Vg1 subject with the same title', () => {
    // "Kommunikasjon og samhandling" is HSF1007 on Vg1 and HEA2006 on Vg2: different subjects.
    const m = mapPriorSubjects({ ident: BORN_2005, trade: HELSEARBEIDER, results: [passed('HSF1007', 'VG1', '6')], practice: [], today: TODAY });
    expect(creditedCodes(m)).toEqual(['HSF1007']);
    expect(codes(m.remaining)).toContain('HEA2006');
  });
});

describe('Barne- og ungdomsarbeiderfaget (HSBUA3----)', () => {
  it('gives an adult with part-time practice and the helsearbeider Vg2 adult education, not fagbrev på jobb', () => {
    const results = [...['HSF1006', 'HSF1007', 'HSF1008'].map((c) => passed(c, 'VG1')), ...['HEA2005', 'HEA2006', 'HEA2007'].map((c) => passed(c, 'VG2'))];
    const practice = [period('HSBUA3----', '2025-09-01', null, 40), period('HSBUA3----', '2026-01-01', '2026-06-30', 50)];
    const m = mapPriorSubjects({ ident: BORN_1995, trade: BARNE_UNGDOM, results, practice, today: TODAY });
    // The shared Vg1 counts; HEA2006 does not cover BUA2006 although both are "Kommunikasjon og samhandling" on Vg2.
    expect(creditedCodes(m)).toEqual(['HSF1006', 'HSF1007', 'HSF1008']);
    expect(codes(m.remaining)).toEqual(['BUA2005', 'BUA2006', 'BUA2007', 'BUA2008', 'MAT1117', 'NAT1011', 'ENG1009', 'KRO1017', 'SAK1001', 'BUA3004']);
    // 2025-09-01..2025-12-31 at 0.4 (122 d), 2026-01-01..06-30 at 0.9 (181 d), 2026-07-01..11-26 at 0.4 (149 d):
    // 48.8 + 162.9 + 59.6 = 271.3 days → 8 months: under the year fagbrev på jobb needs.
    expect(m.practiceMonths).toBe(8);
    expect(m.eligibleRoutes).toEqual(['APPRENTICESHIP', 'ADULT_EDUCATION']);
    const plan = planContent({ trade: BARNE_UNGDOM, route: 'ADULT_EDUCATION', results, practiceMonths: 8, ageThisYear: m.ageThisYear });
    expect(plan.remaining.filter((s) => s.takenAt === 'ADULT_EDUCATION').map((s) => s.code)).toEqual(codes(m.remaining).slice(0, -1));
    expect(plan.estimatedMonths).toBe(12 + 24);
  });

  it('opens fagbrev på jobb after a year of full-time practice in a position held today', () => {
    const practice = [period('HSBUA3----', '2024-08-01', null, 80)];
    const m = mapPriorSubjects({ ident: BORN_1995, trade: BARNE_UNGDOM, results: [], practice, today: TODAY });
    expect(m.practiceMonths).toBe(27); // 2024-08-01..2026-11-26: 848 days
    expect(m.eligibleRoutes).toEqual(['CERTIFICATE_AT_WORK', 'ADULT_EDUCATION']);
    const plan = planContent({ trade: BARNE_UNGDOM, route: 'CERTIFICATE_AT_WORK', results: [], practiceMonths: 27, ageThisYear: 31 });
    expect(plan.remaining.map((s) => [s.code, s.takenAt])).toEqual([
      ['BUA3103', 'EXTERNAL_CANDIDATE'],
      ['BUA3004', 'COMPANY'],
    ]);
    // 48 months of ordinary training less 27 of practice = 21, within the contract's 12–36.
    expect(plan.estimatedMonths).toBe(21);
  });
});
