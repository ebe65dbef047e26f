import { Buffer } from 'node:buffer';
import type { Opplaeringsplan } from './types.ts';

const RUTE_TEKST: Record<Opplaeringsplan['rute'], string> = {
  LAERLING: 'Læretid i bedrift',
  PRAKSISKANDIDAT: 'Praksiskandidat',
  FAGBREV_PA_JOBB: 'Fagbrev på jobb',
  VOKSENOPPLAERING: 'Voksenopplæring',
};

/** The letter's subject (Digipost allows 100 characters). */
export function letterSubject(plan: Opplaeringsplan): string {
  return `Tentativ opplæringsplan – ${plan.laerefagTittel}`.slice(0, 100);
}

/** A one-page PDF (base64) summarising the tentative plan, as the letter's primary document. */
export function planLetterPdf(plan: Opplaeringsplan): string {
  const lines = [
    letterSubject(plan),
    `Vei: ${RUTE_TEKST[plan.rute]}. Anslått varighet: ${plan.estimertVarighetManeder} måneder.`,
    `Godkjente fag: ${plan.godkjenteFag.length}. Fag som gjenstår: ${plan.gjenstaendeFag.length}.`,
    'Planen er tentativ og ikke et vedtak.',
  ];
  // PDF string literals: escape backslash and parentheses; WinAnsi covers æøå and the dash.
  const esc = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`).replace(/–/g, '-');
  const text = lines.map((l, i) => `BT /F1 12 Tf 50 ${780 - i * 20} Td (${esc(l)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(text, 'latin1')} >>\nstream\n${text}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1').toString('base64');
}
