import { loadFixture, type FixtureMeta } from '../common/fixtures.ts';
import type { FixtureMessage, IdentificationResult, Sender } from './types.ts';

/** A letter in the stand-in: the fixture shape plus when Digipost accepted it (for document status). */
export interface StoredMessage extends FixtureMessage {
  /** When the message was created at Digipost (ISO, Oslo offset). */
  created: string;
}

/** The Digipost stand-in's in-memory state. */
export interface DigipostState {
  meta: FixtureMeta;
  /** The one sender account the county uses. */
  sender: Sender;
  /** Identification results by fødselsnummer; a valid number not listed is UNIDENTIFIED (NOT_FOUND). */
  recipients: Map<string, IdentificationResult>;
  /** Letters by messageId, in the order they were sent. */
  messages: Map<string, StoredMessage>;
}

interface DigipostFixture {
  meta: FixtureMeta;
  sender: Sender;
  recipients: { personalIdentificationNumber: string; identificationResult: IdentificationResult }[];
  messages: FixtureMessage[];
}

/** Loads digipost.json (time-shifted to `now`) into the state. */
export async function loadDigipostState(options: { fixturesDir?: string; now: Date }): Promise<DigipostState> {
  const fixture = await loadFixture<DigipostFixture>('digipost', { dir: options.fixturesDir, now: options.now });
  return {
    meta: fixture.meta,
    sender: fixture.sender,
    recipients: new Map(fixture.recipients.map((r) => [r.personalIdentificationNumber, r.identificationResult])),
    messages: new Map(
      fixture.messages.map((m) => [
        m.delivery.messageId,
        // The fixture has no creation time; a letter is created when it is delivered.
        { ...m, created: m.delivery.deliveryTime ?? fixture.meta.referenceNow },
      ]),
    ),
  };
}
