import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../auth/caller.ts';
import { PERMIT, deny, ownDataOnly, type PersonAccessPolicy } from '../access/policy.ts';
import { RequestAuditTrail } from '../audit/trail.ts';
import { createLogger } from '../log.ts';
import { subgraphSdl } from '../subgraph/schema.ts';
import type { BaseContext } from '../subgraph/context.ts';
import { protectSchema, protectionProblems } from './enforce.ts';
import type { Grant, GrantSource } from './grants.ts';
import { personal } from './subject.ts';
import { withheldRecord } from './withheld.ts';
import type { RowRules } from '../access/rows.ts';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A small subgraph with each kind of protection: Person fields, a consent-bound field and a consent-bound type.
const sdlFile = join(mkdtempSync(join(tmpdir(), 'enforce-')), 'schema.graphql');
writeFileSync(
  sdlFile,
  `type Query { person(ident: ID!): Person  note(id: ID!): Note  centreNotes: [Note!]! }
   extend type Person {
     name: String
     notes: [Note!]
     grades: [String!] @consent(purpose: SKILLS_MAPPING, grantees: [FAGOPPLAERING])
   }
   type Note @consent(purpose: CAREER_NOTE_SHARING, grantees: [NAV]) { id: ID! text: String centre: String }`,
);

const ALICE = '14820482817';
const BOB = '23869823562';
const notes = [
  { id: 'n1', owner: ALICE, text: 'shared', centre: 'KS-TRD' },
  { id: 'n2', owner: ALICE, text: 'not shared', centre: 'KS-TRD' },
  { id: 'n3', owner: BOB, text: 'bob', centre: 'KS-STK' },
];
const grants: Grant[] = [
  { id: 'g1', purpose: 'CAREER_NOTE_SHARING', grantee: 'NAV', givenAt: new Date('2026-01-01'), withdrawnAt: null },
  { id: 'g2', purpose: 'CAREER_NOTE_SHARING', grantee: 'NAV', givenAt: new Date('2026-01-01'), withdrawnAt: new Date('2026-02-01') },
];
const grantByNote: Record<string, Grant> = { n1: grants[0]!, n2: grants[1]! };
const toNote = (n: (typeof notes)[number]) => personal(n.owner, { id: n.id, text: n.text, centre: n.centre });

function run(caller: Caller, query: string, options: { fagopplaeringGrant?: boolean; denied?: string[]; withheld?: boolean } = {}) {
  const schema = buildSubgraphSchema([
    {
      typeDefs: parse(subgraphSdl(sdlFile)),
      resolvers: {
        Query: {
          person: (_: unknown, { ident }: { ident: string }) => ({ ident }),
          note: (_: unknown, { id }: { id: string }) => notes.filter((n) => n.id === id).map(toNote)[0] ?? null,
          centreNotes: () => notes.map(toNote),
        },
        Person: {
          __resolveReference: ({ ident }: { ident: string }) => personal(ident, { ident }),
          name: () => 'A name',
          // The owning system withheld a note from the caller (withheld: true): it comes back among the others.
          notes: ({ ident }: { ident: string }) => [
            ...notes.filter((n) => n.owner === ident).map(toNote),
            ...(options.withheld ? [withheldRecord(ident, { recordId: 'n9', code: 'CONSENT_REQUIRED', reason: 'NO_GRANT' })] : []),
          ],
          grades: () => ['5'],
        },
      } as never,
    },
  ]);
  const personAccess: PersonAccessPolicy<BaseContext> = {
    citizen: ownDataOnly(),
    'nav-advisor': async (_c, ident) => (options.denied?.includes(ident) ? deny('IKKE_TILGANG_TIL_SKJERMET_PERSON') : PERMIT),
    'career-counsellor': async () => PERMIT,
    'training-advisor': async () => PERMIT,
    'partner-reporting': async () => deny('AGGREGATES_ONLY'),
  };
  const source: GrantSource<BaseContext> = {
    async find(_c, q) {
      if (q.purpose === 'SKILLS_MAPPING') {
        return options.fagopplaeringGrant
          ? { id: 'KF-1', purpose: 'SKILLS_MAPPING', grantee: 'FAGOPPLAERING', givenAt: new Date('2026-01-01'), withdrawnAt: null }
          : null;
      }
      return grantByNote[(q.target as { id: string }).id] ?? null;
    },
  };
  // A counsellor sees only their own centre's notes.
  const rows: RowRules<BaseContext> = {
    Note: (context, note) =>
      context.caller.role === 'career-counsellor' && (note as { centre: string }).centre !== context.caller.centreId ? deny('OTHER_CENTRE') : PERMIT,
  };
  protectSchema(schema, { source: 'test', personAccess, grants: source, consentExempt: ['KARRIERESENTER'], rows });
  const lines: string[] = [];
  const audit = new RequestAuditTrail({ write: async (l) => void lines.push(...l) });
  const context = { caller, callId: 'call-1', log: createLogger('test', 'silent'), audit, now: () => new Date('2026-11-26T08:00:00Z') } as unknown as BaseContext;
  return graphql({ schema, source: query, contextValue: context }).then(async (result) => {
    await audit.flush();
    return { result: JSON.parse(JSON.stringify(result)), lines };
  });
}

const nav: Caller = { role: 'nav-advisor', navIdent: 'Z990001', azureId: 'a' };
const codes = (r: { errors?: { extensions?: { code?: string } }[] }) => (r.errors ?? []).map((e) => e.extensions?.code);

describe('protectSchema', () => {
  describe('a consent-bound type', () => {
    it('gives the owner all their notes', async () => {
      const { result } = await run({ role: 'citizen', ident: ALICE }, `{ person(ident: "${ALICE}") { notes { id } } }`);
      expect(result.data.person.notes.map((n: { id: string }) => n.id)).toEqual(['n1', 'n2']);
    });

    it('leaves notes without an active grant out of NAV lists silently, and audits each note\'s decision once, by its id', async () => {
      const { result, lines } = await run(nav, `{ person(ident: "${ALICE}") { notes { id text } again: notes { id } } }`);
      expect(result.errors).toBeUndefined();
      expect(result.data.person.notes).toEqual([{ id: 'n1', text: 'shared' }]);
      expect(lines.filter((l) => l.includes('request=Note '))).toEqual([
        expect.stringMatching(/request=Note cs4Label=ObjectId cs4=n1 flexString1Label=Decision flexString1=Permit .*cs5=g1$/),
        expect.stringMatching(/request=Note cs4Label=ObjectId cs4=n2 flexString1Label=Decision flexString1=Deny flexString2Label=Reason flexString2=CONSENT_REQUIRED:GRANT_NOT_ACTIVE .*cs5=g2$/),
      ]);
      expect(lines.filter((l) => l.includes('request=Person.notes '))).toEqual([expect.stringContaining('flexString1=Permit')]);
    });

    it('refuses a record the owning system withheld, leaves it out without a trace in the answer, and audits it', async () => {
      const { result, lines } = await run(nav, `{ person(ident: "${ALICE}") { notes { id } } }`, { withheld: true });
      expect(result).toEqual({ data: { person: { notes: [{ id: 'n1' }] } } });
      expect(lines.filter((l) => l.includes('cs4=n9'))).toEqual([expect.stringContaining('flexString1=Deny flexString2Label=Reason flexString2=CONSENT_REQUIRED:NO_GRANT')]);
    });

    it('refuses a withheld record even to a caller who could otherwise see it', async () => {
      const { result } = await run({ role: 'career-counsellor', counsellorId: 'KV-101', centreId: 'KS-TRD' }, `{ person(ident: "${ALICE}") { notes { id } } }`, { withheld: true });
      expect(result.data.person.notes).toEqual([{ id: 'n1' }, { id: 'n2' }]);
    });

    it('answers null and CONSENT_REQUIRED with the purpose for a withheld note asked for alone', async () => {
      const { result } = await run(nav, `{ note(id: "n2") { id text } }`);
      expect(result.data.note).toBeNull();
      expect(result.errors[0].extensions).toEqual({ code: 'CONSENT_REQUIRED', purpose: 'CAREER_NOTE_SHARING' });
      expect(JSON.stringify(result)).not.toContain('not shared');
    });

    it('refuses an organisation outside the grantees whatever the data', async () => {
      const { result } = await run({ role: 'training-advisor', advisorId: 'FR-01' }, `{ person(ident: "${BOB}") { notes { id } } }`);
      expect(result.data.person.notes).toBeNull();
      expect(codes(result)).toEqual(['FORBIDDEN']);
    });

    it('lets the exempt holder organisation see its notes under the access and row rules alone, and audits the row refused', async () => {
      const { result, lines } = await run({ role: 'career-counsellor', counsellorId: 'KV-101', centreId: 'KS-TRD' }, `{ centreNotes { id } }`);
      expect(result.data.centreNotes.map((n: { id: string }) => n.id)).toEqual(['n1', 'n2']);
      expect(lines.filter((l) => l.includes('flexString1=Deny'))).toEqual([expect.stringMatching(/duid=23869823562 .*cs4=n3 .*FORBIDDEN:OTHER_CENTRE/)]);
    });

    it('drops another person\'s notes from a citizen\'s list', async () => {
      const { result } = await run({ role: 'citizen', ident: ALICE }, `{ centreNotes { id } }`);
      expect(result.data.centreNotes.map((n: { id: string }) => n.id)).toEqual(['n1', 'n2']);
    });
  });

  describe('Person fields', () => {
    it('refuse a person the access rule denies, with FORBIDDEN and no data', async () => {
      const { result } = await run(nav, `{ person(ident: "${BOB}") { name notes { id } } }`, { denied: [BOB] });
      expect(result.data.person).toEqual({ name: null, notes: null });
      expect(codes(result)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    });

    it('refuse every personal field to a reporting client', async () => {
      const { result } = await run({ role: 'partner-reporting', clientId: 'p' }, `{ person(ident: "${ALICE}") { name } }`);
      expect(result.data.person.name).toBeNull();
      expect(codes(result)).toEqual(['FORBIDDEN']);
    });

    it('apply the same rules through _entities', async () => {
      const query = `{ _entities(representations: [{ __typename: "Person", ident: "${ALICE}" }]) { ... on Person { name notes { id } } } }`;
      const { result } = await run(nav, query, { denied: [ALICE] });
      expect(result.data._entities[0]).toEqual({ name: null, notes: null });
      const permitted = await run(nav, query);
      expect(permitted.result.data._entities[0].notes).toEqual([{ id: 'n1' }]);
    });
  });

  describe('a consent-bound field', () => {
    it('is null with CONSENT_REQUIRED without a grant, and disclosed with one', async () => {
      const advisor: Caller = { role: 'training-advisor', advisorId: 'FR-01' };
      const without = await run(advisor, `{ person(ident: "${ALICE}") { grades } }`);
      expect(without.result.data.person.grades).toBeNull();
      expect(without.result.errors[0].extensions).toEqual({ code: 'CONSENT_REQUIRED', purpose: 'SKILLS_MAPPING' });
      const withGrant = await run(advisor, `{ person(ident: "${ALICE}") { grades } }`, { fagopplaeringGrant: true });
      expect(withGrant.result.data.person.grades).toEqual(['5']);
    });

    it('is FORBIDDEN to NAV, which is not a grantee', async () => {
      const { result } = await run(nav, `{ person(ident: "${ALICE}") { grades } }`, { fagopplaeringGrant: true });
      expect(codes(result)).toEqual(['FORBIDDEN']);
    });

    it('is one record of the final decision: a Deny, not the access Permit and then the consent Deny', async () => {
      const advisor: Caller = { role: 'training-advisor', advisorId: 'FR-01' };
      const { lines } = await run(advisor, `{ person(ident: "${ALICE}") { grades } }`);
      expect(lines).toEqual([expect.stringMatching(/request=Person.grades flexString1Label=Decision flexString1=Deny flexString2Label=Reason flexString2=CONSENT_REQUIRED:NO_GRANT cs3Label=Purpose cs3=SKILLS_MAPPING$/)]);
      const granted = await run(advisor, `{ person(ident: "${ALICE}") { grades } }`, { fagopplaeringGrant: true });
      expect(granted.lines).toEqual([expect.stringMatching(/request=Person.grades flexString1Label=Decision flexString1=Permit cs3Label=Purpose cs3=SKILLS_MAPPING cs5Label=GrantId cs5=KF-1$/)]);
    });
  });

  describe('schema rules', () => {
    it('reject a non-null consent-bound field and a consent-bound entity', () => {
      const schema = buildSubgraphSchema(
        parse(`${'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])'}
          directive @consent(purpose: String!, grantees: [String!]!) on FIELD_DEFINITION | OBJECT
          type Query { a: String! @consent(purpose: "X", grantees: []) b: Secret! }
          type Secret @key(fields: "id") @consent(purpose: "X", grantees: []) { id: ID! }`),
      );
      expect(protectionProblems(schema)).toEqual([
        'Query.a is consent-bound and must be nullable',
        'Query.b returns the consent-bound Secret and must be nullable',
        'Secret has @consent and @key: a consent-bound type cannot be an entity',
      ]);
    });
  });
});
