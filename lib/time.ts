/** Europe/Oslo calendar helpers (DST-aware through Intl, no dependencies). */
export const OSLO = 'Europe/Oslo';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: OSLO,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** The Oslo wall-clock time of an instant. */
export function osloWallClock(instant: Date): WallClock {
  const p = Object.fromEntries(partsFormat.formatToParts(instant).map((x) => [x.type, x.value]));
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
    millisecond: instant.getUTCMilliseconds(),
  };
}

/** Oslo's UTC offset at an instant, in minutes (60 in winter, 120 in summer). */
export function osloOffsetMinutes(instant: Date): number {
  const w = osloWallClock(instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** The instant of an Oslo wall-clock time (a time in the spring-forward gap moves forward an hour). */
export function fromOsloWallClock(w: WallClock): Date {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
  let guess = new Date(asUtc - osloOffsetMinutes(new Date(asUtc)) * 60_000);
  guess = new Date(asUtc - osloOffsetMinutes(guess) * 60_000);
  return guess;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** ISO-8601 with the Oslo offset, e.g. 2026-11-26T08:00:00.000+01:00. */
export function toOsloIso(instant: Date): string {
  const w = osloWallClock(instant);
  const off = osloOffsetMinutes(instant);
  const sign = off >= 0 ? '+' : '-';
  const a = Math.abs(off);
  return (
    `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}.${pad(w.millisecond, 3)}` +
    `${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`
  );
}

/** The Oslo calendar date (YYYY-MM-DD) of an instant. */
export function osloDate(instant: Date): string {
  const w = osloWallClock(instant);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Whole calendar days from date a to date b (YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  const t = (s: string) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((t(b) - t(a)) / 86_400_000);
}

/** Moves an instant by whole days keeping its Oslo wall-clock time (09:00 stays 09:00 across DST). */
export function shiftInstantDays(instant: Date, days: number): Date {
  const w = osloWallClock(instant);
  const [y, m, d] = addDays(`${w.year}-${pad(w.month)}-${pad(w.day)}`, days).split('-').map(Number) as [number, number, number];
  return fromOsloWallClock({ ...w, year: y, month: m, day: d });
}
