import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DEMO_FIXTURES_DIR } from '../common/fixtures.ts';

/**
 * Who the issuer knows from the fixtures: NAV advisors' Entra object ids (an Entra token always carries `oid`)
 * and each counsellor's centre. Only these lists are kept; the rest of the files is dropped after parsing.
 */
export interface StaffDirectory {
  azureIdOf(navIdent: string): string | undefined;
  centreOf(counsellorId: string): string | undefined;
}

const navFile = z.object({ veiledere: z.array(z.object({ navIdent: z.string(), azureId: z.string() })) });
const careerFile = z.object({ counsellors: z.array(z.object({ id: z.string(), centreId: z.string() })) });

// Read without loadFixture's time shift: no event times are needed, and the generated nav.json is large.
async function readJson(dir: string, file: string): Promise<unknown> {
  return JSON.parse(await readFile(join(dir, file), 'utf8'));
}

/** Loads the directory from a fixture folder (default: the demo set). */
export async function loadStaffDirectory(dir: string = DEMO_FIXTURES_DIR): Promise<StaffDirectory> {
  const nav = navFile.parse(await readJson(dir, 'nav.json'));
  const career = careerFile.parse(await readJson(dir, 'karrieresenter.json'));
  const azureIds = new Map(nav.veiledere.map((v) => [v.navIdent, v.azureId]));
  const centres = new Map(career.counsellors.map((c) => [c.id, c.centreId]));
  return {
    azureIdOf: (navIdent) => azureIds.get(navIdent),
    centreOf: (counsellorId) => centres.get(counsellorId),
  };
}
