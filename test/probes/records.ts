import type { Fixtures } from '../support/fixtures.ts';

type Json = Record<string, any>;

/** One record of an owning system's fixture file, tagged with what it is. */
export interface FixtureRecord {
  kind: 'note' | 'kartlegging' | 'plan' | 'fag' | 'praksis' | 'laerekontrakt';
  raw: Json;
}

/**
 * The fixture truth behind a GraphQL object type: which records of the owning system an instance stands for, the
 * leaf that identifies it in a response with its value in the record, and the values that must never appear in a
 * response when the record is withheld. Written from the systems' own files, not from the graph's mapping code.
 */
export interface RecordKind {
  /** The leaf that identifies an instance in a response. */
  key: string;
  keyOf(record: FixtureRecord): string;
  /** The person's records of this type; under a parent record (a request's plan) only those of the parent. */
  records(fx: Fixtures, ident: string, parent?: FixtureRecord): FixtureRecord[];
  /** Distinctive values of the record (ids, free text, codes, names) to scan every response for. */
  secrets(record: FixtureRecord): string[];
}

const tag = (kind: FixtureRecord['kind']) => (raw: Json): FixtureRecord => ({ kind, raw });
const personRecords = (fx: Fixtures, ident: string): Json | undefined => (fx.fagopplaering.personer as Json[]).find((p) => p.fnr === ident);
const strings = (...values: unknown[]): string[] => values.filter((v): v is string => typeof v === 'string');

export const RECORD_KINDS: Readonly<Record<string, RecordKind>> = {
  CareerNote: {
    key: 'id',
    keyOf: (r) => r.raw.id,
    records: (fx, ident) => (fx.karrieresenter.notes as Json[]).filter((n) => n.owner.fnr === ident).map(tag('note')),
    secrets: (r) => strings(r.raw.id, ...Object.values(r.raw.sections ?? {})),
  },
  SkillsMappingRequest: {
    key: 'id',
    keyOf: (r) => r.raw.id,
    records: (fx, ident) => (fx.fagopplaering.kartlegginger as Json[]).filter((k) => k.fnr === ident).map(tag('kartlegging')),
    secrets: (r) => strings(r.raw.id, r.raw.referanse, r.raw.beskrivelse),
  },
  TrainingPlan: {
    key: 'id',
    keyOf: (r) => r.raw.id,
    records: (fx, ident, parent) =>
      (fx.fagopplaering.opplaeringsplaner as Json[])
        .filter((p) => p.fnr === ident && (parent?.kind !== 'kartlegging' || p.id === parent.raw.opplaeringsplanId))
        .map(tag('plan')),
    secrets: (r) => strings(r.raw.id, r.raw.merknader, ...[...(r.raw.godkjenteFag ?? []), ...(r.raw.gjenstaendeFag ?? [])].map((f: Json) => f.fagkode)),
  },
  CompletedSubject: {
    key: 'code',
    keyOf: (r) => r.raw.fagkode,
    records: (fx, ident) => ((personRecords(fx, ident)?.fag ?? []) as Json[]).map(tag('fag')),
    secrets: (r) => strings(r.raw.fagkode),
  },
  Practice: {
    key: 'employer',
    keyOf: (r) => r.raw.arbeidsgiver.navn,
    records: (fx, ident) => ((personRecords(fx, ident)?.praksis ?? []) as Json[]).map(tag('praksis')),
    secrets: (r) => strings(r.raw.arbeidsgiver?.navn, r.raw.yrke),
  },
  Apprenticeship: {
    key: 'employer',
    keyOf: (r) => r.raw.laerebedrift.navn,
    records: (fx, ident) => ((personRecords(fx, ident)?.laerekontrakter ?? []) as Json[]).map(tag('laerekontrakt')),
    secrets: (r) => strings(r.raw.laerebedrift?.navn, r.raw.opplaeringskontor),
  },
};

/** Secrets shorter than this could occur by chance in unrelated text (grades, months), so they are not scanned. */
export const MIN_SECRET_LENGTH = 6;
