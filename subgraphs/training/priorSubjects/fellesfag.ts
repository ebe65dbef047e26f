/**
 * Fellesfag with one curriculum and a programme-adapted (yrkesrettet) code per vocational programme in LK20
 * (Grep fagkoder, as the catalogue titles them: "Matematikk 1P-Y BA/EL/HS", "Naturfag vg1 BA/EL/HS").
 *
 * Rule (a design decision of the mapping, to be confirmed by fagopplæringen): a passed variant from another
 * vocational programme covers the trade's variant — fellesfag are common to all programmes, and a person changing
 * programme is not made to retake them. Every other subject is covered only by its own code (see credit.ts).
 */
const VARIANTS: readonly (readonly string[])[] = [
  ['MAT1111', 'MAT1113', 'MAT1117'], // Matematikk 1P-Y: BA, EL, HS
  ['NAT1008', 'NAT1009', 'NAT1011'], // Naturfag vg1: BA, EL, HS
];

/** The codes whose passed result covers the fellesfag `code` (itself first). */
export function fellesfagCoveredBy(code: string): readonly string[] {
  const family = VARIANTS.find((codes) => codes.includes(code));
  return family ? [code, ...family.filter((c) => c !== code)] : [code];
}
