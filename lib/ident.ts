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
 * An 11-digit group inside a longer straight run is not one: a 13-digit millisecond timestamp stays readable.
 */
const SEPARATOR = String.raw`[\s\p{Pd}\p{Cf}._/]{0,3}`;
const IDENT_LIKE = new RegExp(String.raw`(?<!\p{Nd})\p{Nd}(?:${SEPARATOR}\p{Nd}){10}(?!\p{Nd})`, 'gu');
const STRAIGHT = /(?<!\p{Nd})\p{Nd}{11}(?!\p{Nd})/gu;
/**
 * A value that is exactly a UUID (call ids, booking and note ids) is read as one: its dashes are the UUID's
 * own, so only 11 digits in a row inside it count. One random UUID in 30 would otherwise lose digits to the
 * mask, and logs would no longer join on their ids.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MASK = '***********';

/** Masks everything in a text that may be an identity number (see IDENT_LIKE), so none reaches a log line. */
export function maskIdents(text: string): string {
  return text.replace(UUID.test(text) ? STRAIGHT : IDENT_LIKE, MASK);
}

/** Whether a text holds something `maskIdents` would mask. */
export function containsIdent(text: string): boolean {
  return maskIdents(text) !== text;
}
