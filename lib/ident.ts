/**
 * Norwegian identity numbers (fødselsnummer, D-number; synthetic Tenor numbers with month + 80 accepted).
 * Format and check digits: Skatteetaten, "Fødselsnummer" (two mod-11 check digits, weights below);
 * century from the individnummer as Folkeregisteret assigns them.
 */
const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: number[], weights: number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += weights[i]! * digits[i]!;
  const k = 11 - (sum % 11);
  return k === 11 ? 0 : k; // 10: no valid number
}

export interface IdentInfo {
  /** D-number (day + 40): foreign nationals registered in Norway. */
  dNumber: boolean;
  /** Synthetic test number (month + 80, Skatteetaten Tenor). */
  synthetic: boolean;
  /** Birth date as YYYY-MM-DD. */
  birthDate: string;
}

/** Parses an ident; null when it is not 11 digits with valid check digits and a possible birth date. */
export function parseIdent(value: string): IdentInfo | null {
  if (!/^[0-9]{11}$/.test(value)) return null;
  const d = [...value].map(Number);
  const k1 = checkDigit(d, W1);
  if (k1 === 10 || k1 !== d[9]) return null;
  const k2 = checkDigit(d, W2);
  if (k2 === 10 || k2 !== d[10]) return null;
  let day = Number(value.slice(0, 2));
  let month = Number(value.slice(2, 4));
  const yy = Number(value.slice(4, 6));
  const individ = Number(value.slice(6, 9));
  const dNumber = day > 40;
  if (dNumber) day -= 40;
  const synthetic = month > 80;
  if (synthetic) month -= 80;
  else if (month > 40) month -= 40; // H-number (helsenummer) style month offsets
  let century: number;
  if (individ <= 499) century = 1900;
  else if (individ <= 749 && yy >= 54) century = 1800;
  else if (individ >= 500 && yy <= 39) century = 2000;
  else if (individ >= 900 && yy >= 40) century = 1900;
  else return null;
  const year = century + yy;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { dNumber, synthetic, birthDate };
}

export function isValidIdent(value: string): boolean {
  return parseIdent(value) !== null;
}

/**
 * Where a text may carry an identity number, in any way people and programs write one: 11 digits in a row
 * (`23869823562`), or in groups with up to three separators between them (`238698-23562`, `238698 23562`,
 * `23.86.98.23562`, `238698 - 23562`) — spaces of any kind, dashes of any kind, dots, underscores, slashes and
 * invisible format characters (a zero-width space must not hide one). Any 11 such digits count, valid check
 * digits or not: a mistyped fødselsnummer is still one. Digits of any script count (fullwidth `２３８…`).
 * A longer run in a row is no identity number: a 13-digit millisecond timestamp stays readable.
 */
const DIGIT_GROUP = /\p{Nd}+/gu;
const SEPARATOR = /^[\s\p{Pd}\p{Cf}._/]{1,3}$/u;
const IDENT_DIGITS = 11;
/**
 * A UUID (call ids, booking and note ids, alone or inside a text such as `probe-<uuid>`) is read as one: its own
 * four dashes join no digits, and 11 digits in a row inside it count only when they are a valid fødselsnummer or
 * D-number. Otherwise one random UUID in 30 (dashes) or in 230 (a run in its last group) would lose digits to the
 * mask, and logs would no longer join on their ids; a real number put into a UUID is still caught.
 */
const UUID = /(?<![\p{L}\p{N}])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![\p{L}\p{N}])/giu;
const UUID_DASHES = [8, 13, 18, 23];
const MASK = '***********';

/** Masks everything in a text that may be an identity number (above), so none reaches a log line. */
export function maskIdents(text: string): string {
  const spans = identSpans(text);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    out += text.slice(at, start) + MASK;
    at = end;
  }
  return out + text.slice(at);
}

/** Whether a text holds something `maskIdents` would mask. */
export function containsIdent(text: string): boolean {
  return identSpans(text).length > 0;
}

/**
 * Where the identity numbers are, as merged [start, end) spans: every run of whole digit groups, each joined to the
 * next by a separator (not a UUID's own dash), that holds exactly 11 digits.
 */
function identSpans(text: string): Array<[number, number]> {
  if (text.length < IDENT_DIGITS) return [];
  const groups = [...text.matchAll(DIGIT_GROUP)].map((m) => ({ start: m.index, end: m.index + m[0].length, digits: [...m[0]].length }));
  if (groups.reduce((n, g) => n + g.digits, 0) < IDENT_DIGITS) return [];
  const uuids = [...text.matchAll(UUID)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const uuidDashes = new Set(uuids.flatMap((u) => UUID_DASHES.map((offset) => u.start + offset)));
  const inUuid = (g: { start: number; end: number }) => uuids.some((u) => u.start <= g.start && g.end <= u.end);
  const joined = (a: { end: number }, b: { start: number }) => {
    if (!SEPARATOR.test(text.slice(a.end, b.start))) return false;
    for (let at = a.end; at < b.start; at++) if (uuidDashes.has(at)) return false;
    return true;
  };
  const spans: Array<[number, number]> = [];
  let chainStart = 0;
  for (let i = 0; i < groups.length; i++) {
    if (i > 0 && !joined(groups[i - 1]!, groups[i]!)) chainStart = i;
    let digits = 0;
    for (let j = i; j >= chainStart && digits < IDENT_DIGITS; j--) {
      digits += groups[j]!.digits;
      if (digits !== IDENT_DIGITS) continue;
      if (j === i && inUuid(groups[i]!) && !isValidIdent(text.slice(groups[i]!.start, groups[i]!.end))) continue;
      const last = spans.at(-1);
      if (last && groups[j]!.start <= last[1]) last[1] = groups[i]!.end;
      else spans.push([groups[j]!.start, groups[i]!.end]);
    }
  }
  return spans;
}
