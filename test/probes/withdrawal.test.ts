import { describe, expect, it } from 'vitest';
import { readSupergraph } from '../../schema/compose.ts';
import { DEMO_FIXTURES_DIR } from '../../stand-ins/common/fixtures.ts';
import { navAdvisor, operationText, readFixtures } from '../support/fixtures.ts';
import { DEMO, useStack } from '../support/stack.ts';
import { noteShared } from './consent.ts';
import { probeSchema, runMatrix } from './matrix.ts';
import { matrixSummary } from './summary.ts';

type Json = Record<string, any>;

/** The fixture truth as it will be after the withdrawals: a fresh copy the test changes the way the systems will. */
const fx = readFixtures(DEMO_FIXTURES_DIR);
const schema = probeSchema(readSupergraph());
const ident = DEMO.P01;
const note = (fx.karrieresenter.notes as Json[]).find((n) => n.owner.fnr === ident && noteShared(fx, n))!;
const request = (fx.fagopplaering.kartlegginger as Json[]).find((k) => k.fnr === ident && k.status !== 'TRUKKET')!;
const owner = { role: 'citizen', ident } as const;
const nav = navAdvisor(fx, 'Z990001');
const fagopplaering = { role: 'training-advisor', advisorId: 'FR-01' } as const;
const persons = [ident, DEMO.P12];

const NOTES = 'query($ident: ID!) { person(ident: $ident) { careerNotes { id } skillsMappingRequests { id trainingPlan { id } } } }';
const RECORDS = 'query($ident: ID!) { person(ident: $ident) { completedSubjects { code } } }';

describe('withdrawal takes effect on the very next request', () => {
  const graph = useStack();

  it('before: every probe of P01 matches the fixtures (her note is shared, her mapping consent stands)', async () => {
    expect(note && request).toBeTruthy();
    const tally = await runMatrix({ graph, fx, schema, persons });
    expect(tally.leaks).toEqual([]);
    expect(tally.mismatches).toEqual([]);
    const seen = await graph.query(nav, NOTES, { ident });
    expect(seen.data?.person.careerNotes.map((n: Json) => n.id)).toContain(note.id);
  });

  it('the person withdraws through the graph, and NAV\'s and fagopplæringen\'s next requests no longer disclose', async () => {
    const sharing = await graph.query(owner, operationText('citizen.graphql', 'WithdrawCareerNoteSharing'), { input: { noteId: note.id } });
    expect(sharing.errors).toBeUndefined();
    expect(sharing.data?.withdrawCareerNoteSharing).toMatchObject({ note: { id: note.id, sharedWithNav: false }, userErrors: [] });
    const consent = await graph.query(owner, operationText('citizen.graphql', 'WithdrawSkillsMappingConsent'), { input: { requestId: request.id } });
    expect(consent.errors).toBeUndefined();
    expect(consent.data?.withdrawSkillsMappingConsent).toMatchObject({ request: { id: request.id, status: 'TRUKKET' }, userErrors: [] });

    // The very next requests: no note, no request, no plan for NAV; no records for fagopplæringen.
    const navNext = await graph.query(nav, NOTES, { ident });
    expect(navNext.data?.person).toEqual({ careerNotes: [], skillsMappingRequests: [] });
    expect(JSON.stringify(navNext)).not.toContain(note.id);
    const trainingNext = await graph.query(fagopplaering, RECORDS, { ident });
    expect(trainingNext.data?.person.completedSubjects).toBeNull();
    expect(trainingNext.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('after: the whole matrix for P01 agrees with the fixtures as withdrawn', async () => {
    const at = fx.now.toISOString();
    for (const grant of fx.karrieresenter.shareGrants as Json[]) if (grant.noteId === note.id && !grant.withdrawnAt) grant.withdrawnAt = at;
    Object.assign(request, { status: 'TRUKKET', samtykke: { ...request.samtykke, trukketTidspunkt: at } });
    const tally = await runMatrix({ graph, fx, schema, persons });
    console.log(matrixSummary('after withdrawal', schema, persons.length, tally));
    expect(tally.leaks).toEqual([]);
    expect(tally.mismatches).toEqual([]);
  });
});
