import { loadFixture, type FixtureMeta } from '../common/fixtures.ts';
import { withRecorder } from './consent.ts';
import type { IdempotencyStore } from './idempotency.ts';
import type { Kartleggingsforesporsel, Laerefag, Opplaeringsplan, PersonOpplaeringsdata, Radgiver } from './types.ts';

/** The fagopplæring stand-in's in-memory state. */
export interface FagopplaeringState {
  meta: FixtureMeta;
  radgivere: Map<string, Radgiver>;
  /** The trade catalogue by Vg3 programme area code, in catalogue order. */
  laerefag: Map<string, Laerefag>;
  /** Records by fnr; a person without records in the county is absent. */
  personer: Map<string, PersonOpplaeringsdata>;
  kartlegginger: Map<string, Kartleggingsforesporsel>;
  opplaeringsplaner: Map<string, Opplaeringsplan>;
  /**
   * The Digipost messageId chosen for a plan, stored before Digipost is called so that a retried send reuses it
   * (Digipost then answers DUPLICATE_MESSAGE and sends no second letter).
   */
  digipostMessageIds: Map<string, string>;
  /** First responses of POST /kartlegginger by caller and Idempotency-Key. */
  idempotency: IdempotencyStore;
}

interface FagopplaeringFixture {
  meta: FixtureMeta;
  radgivere: Radgiver[];
  laerefag: Laerefag[];
  personer: PersonOpplaeringsdata[];
  kartlegginger: Kartleggingsforesporsel[];
  opplaeringsplaner: Opplaeringsplan[];
}

/**
 * Loads fagopplaering.json (time-shifted to `now`) into the state. The fixture generator predates the consent
 * extension: a record without `samtykke.registrertAv` or `etterspurtOmfang` gets what it implies (consent.ts, withRecorder).
 */
export async function loadFagopplaeringState(options: { fixturesDir?: string; now: Date }): Promise<FagopplaeringState> {
  const f = await loadFixture<FagopplaeringFixture>('fagopplaering', { dir: options.fixturesDir, now: options.now });
  const plans = new Map(f.opplaeringsplaner.map((p) => [p.id, p]));
  return {
    meta: f.meta,
    radgivere: new Map(f.radgivere.map((r) => [r.id, r])),
    laerefag: new Map(f.laerefag.map((l) => [l.programomradekode, l])),
    personer: new Map(f.personer.map((p) => [p.fnr, p])),
    kartlegginger: new Map(f.kartlegginger.map((k) => [k.id, withRecorder(k)])),
    opplaeringsplaner: plans,
    digipostMessageIds: new Map([...plans.values()].flatMap((p) => (p.sendt ? [[p.id, p.sendt.digipostMessageId] as const] : []))),
    idempotency: new Map(),
  };
}
