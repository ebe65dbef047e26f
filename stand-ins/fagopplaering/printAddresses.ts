import { loadFixture, type FixtureMeta } from '../common/fixtures.ts';
import type { PrintRecipient } from '../digipost/types.ts';

/** The county's return address on printed letters. */
export const RETURN_ADDRESS: PrintRecipient = {
  name: 'Trøndelag fylkeskommune, fagopplæringen',
  norwegianAddress: { addressline1: 'Postboks 2560', zipCode: '7735', city: 'Steinkjer' },
};

interface DigipostFixtureSlice {
  meta: FixtureMeta;
  messages: { recipient: { personalIdentificationNumber: string; printDetails?: { recipient: PrintRecipient } } }[];
}

/**
 * Postal addresses the county may print to, by fnr. The real system reads them from Folkeregisteret; the stand-in
 * takes the ones the fixture set already printed to (digipost.json in the same folder), so persons without one
 * exercise the contract's "no print address: 502 DIGIPOST_FEILET". A folder without digipost.json gives none.
 */
export async function loadPrintAddresses(fixturesDir: string | undefined, now: Date): Promise<Map<string, PrintRecipient>> {
  try {
    const fixture = await loadFixture<DigipostFixtureSlice>('digipost', { dir: fixturesDir, now });
    return new Map(
      fixture.messages.flatMap((m) =>
        m.recipient.printDetails ? [[m.recipient.personalIdentificationNumber, m.recipient.printDetails.recipient] as const] : [],
      ),
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
}
