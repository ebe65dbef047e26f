import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { daysBetween, osloDate, shiftInstantDays, toOsloIso, addDays } from '../../lib/time.ts';

/** The demo fixtures shipped with the project (12 hand-written personas). */
export const DEMO_FIXTURES_DIR = resolve(fileURLToPath(new URL('../fixtures/demo', import.meta.url)));

export type FixtureFile = 'nav' | 'karrieresenter' | 'fagopplaering' | 'digipost';

export interface FixtureMeta {
  system: string;
  fixtureVersion: number;
  kind: 'demo' | 'generated';
  seed: string | null;
  persons: number;
  referenceNow: string;
}

export interface FixtureOptions {
  /** Folder with nav.json, karrieresenter.json, fagopplaering.json, digipost.json. @default the demo set */
  dir?: string;
  /** "Now" for the stand-in. Event times move by whole Oslo days from meta.referenceNow to it. @default the clock */
  now?: Date;
}

/** Keys whose dates are facts about a person, not events: never moved. */
const NOT_EVENTS = new Set(['fodselsdato', 'birthDate', 'referenceNow']);
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Loads one system's fixture file and moves every event time (not birth dates) by the whole Oslo days between
 * meta.referenceNow and `now`, keeping wall-clock times, so the demo stays current on any day.
 */
export async function loadFixture<T extends { meta: FixtureMeta }>(file: FixtureFile, options: FixtureOptions = {}): Promise<T> {
  const dir = options.dir ?? DEMO_FIXTURES_DIR;
  const data = JSON.parse(await readFile(join(dir, `${file}.json`), 'utf8')) as T;
  const days = daysBetween(osloDate(new Date(data.meta.referenceNow)), osloDate(options.now ?? new Date()));
  return days === 0 ? data : (shiftTimes(data, days) as T);
}

/** The day shift applied by loadFixture, for tests that compare with the files. */
export function fixtureShiftDays(referenceNow: string, now: Date): number {
  return daysBetween(osloDate(new Date(referenceNow)), osloDate(now));
}

export function shiftTimes(value: unknown, days: number, key = ''): unknown {
  if (typeof value === 'string') {
    if (NOT_EVENTS.has(key)) return value;
    if (DATE_TIME.test(value)) return toOsloIso(shiftInstantDays(new Date(value), days));
    if (DATE.test(value)) return addDays(value, days);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => shiftTimes(v, days, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftTimes(v, days, k)]));
  }
  return value;
}
