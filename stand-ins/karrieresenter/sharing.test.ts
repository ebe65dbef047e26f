import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDS, P, snapshot, startHarness, tokens, type Harness } from './test-helpers.ts';

const PURPOSE = 'Oppfølging hos NAV mot fagbrev (Trøndelagsmodellen)';

describe('sharing a note with NAV', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.close());

  const grant = (noteId: string, token: string, method = 'DIGITAL') =>
    h.call('grantNoteSharing', 'POST', `/notes/${noteId}/share-grants`, { token, body: { grantee: 'NAV', purpose: PURPOSE, method } });
  const withdraw = (noteId: string, grantId: string, token: string) =>
    h.call('withdrawNoteSharing', 'POST', `/notes/${noteId}/share-grants/${grantId}/withdraw`, { token });
  const navReads = (noteId: string) => h.call('getNote', 'GET', `/notes/${noteId}`, { token: tokens.nav() });

  describe('granting', () => {
    it('lets the owner share a final note, after which NAV can read it', async () => {
      expect((await navReads(IDS.mathiasNote)).status).toBe(404);
      const reply = await grant(IDS.mathiasNote, tokens.person(P.mathias));
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ noteId: IDS.mathiasNote, grantee: 'NAV', method: 'DIGITAL', withdrawnAt: null, registeredBy: { type: 'BRUKER' }, givenAt: '2026-11-26T08:00:00.000+01:00' });
      expect((await navReads(IDS.mathiasNote)).status).toBe(200);
    });

    it('lets a counsellor register oral or written consent, but not digital consent', async () => {
      const digital = await grant(IDS.mathiasNote, tokens.counsellor('KV-102'), 'DIGITAL');
      expect(digital.status).toBe(400);
      const oral = await grant(IDS.mathiasNote, tokens.counsellor('KV-102'), 'MUNTLIG');
      expect(oral.status).toBe(201);
      expect(oral.body.registeredBy).toEqual({ type: 'KARRIERESENTER', counsellorId: 'KV-102' });
    });

    it('answers 409 NOTE_NOT_FINAL for a draft and changes nothing', async () => {
      const before = snapshot(h.state);
      const reply = await grant(IDS.theaNote, tokens.person(P.thea));
      expect(reply.status).toBe(409);
      expect(reply.body.code).toBe('NOTE_NOT_FINAL');
      expect(snapshot(h.state)).toBe(before);
    });

    it('answers 409 GRANT_ALREADY_ACTIVE while a grant is active, and allows a new one after a withdrawal', async () => {
      const twice = await grant(IDS.emmaNote, tokens.person(P.emma));
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('GRANT_ALREADY_ACTIVE');
      const again = await grant(IDS.saraNote, tokens.person(P.sara));
      expect(again.status).toBe(201);
    });

    it('does not let NAV grant itself access (403) nor anyone see an unshared note exists (404)', async () => {
      expect((await grant(IDS.emmaNote, tokens.nav())).status).toBe(403);
      expect((await grant(IDS.mathiasNote, tokens.nav())).status).toBe(404);
      expect((await grant(IDS.mathiasNote, tokens.person(P.emma))).status).toBe(404);
    });

    it('answers 400 for a grantee other than NAV', async () => {
      const reply = await h.call('grantNoteSharing', 'POST', `/notes/${IDS.mathiasNote}/share-grants`, {
        token: tokens.person(P.mathias),
        body: { grantee: 'FAGOPPLAERING', purpose: PURPOSE, method: 'DIGITAL' },
      });
      expect(reply.status).toBe(400);
      expect(h.state.shareGrants).toHaveLength(8);
    });
  });

  describe('withdrawing', () => {
    it('takes effect on NAV\'s very next request', async () => {
      expect((await navReads(IDS.emmaNote)).status).toBe(200);
      const reply = await withdraw(IDS.emmaNote, IDS.emmaGrant, tokens.person(P.emma));
      expect(reply.status).toBe(200);
      expect(reply.body.withdrawnAt).toBe('2026-11-26T08:00:00.000+01:00');
      expect((await navReads(IDS.emmaNote)).status).toBe(404);
    });

    it('answers 409 GRANT_ALREADY_WITHDRAWN the second time', async () => {
      const reply = await withdraw(IDS.saraNote, IDS.saraGrant, tokens.person(P.sara));
      expect(reply.status).toBe(409);
      expect(reply.body.code).toBe('GRANT_ALREADY_WITHDRAWN');
    });

    it('is the person\'s act: a counsellor gets 403, an unknown grant 404', async () => {
      expect((await withdraw(IDS.emmaNote, IDS.emmaGrant, tokens.counsellor('KV-101'))).status).toBe(403);
      expect((await withdraw(IDS.emmaNote, randomUUID(), tokens.person(P.emma))).status).toBe(404);
      expect((await withdraw(IDS.emmaNote, IDS.emmaGrant, tokens.person(P.sara))).status).toBe(404);
    });
  });

  describe('the batch read of grants', () => {
    const search = (token: string, noteIds: string[]) => h.call('searchShareGrants', 'POST', '/share-grants/search', { token, body: { noteIds } });

    it('gives NAV active and withdrawn grants, ordered by note, and no rows for notes never shared or unknown', async () => {
      const reply = await search(tokens.nav(), [IDS.saraNote, IDS.emmaNote, IDS.mathiasNote, randomUUID()]);
      expect(reply.status).toBe(200);
      const rows = reply.body.grants.map((g: { noteId: string; withdrawnAt: string | null }) => [g.noteId, g.withdrawnAt === null]);
      expect(rows).toEqual([
        [IDS.emmaNote, true],
        [IDS.saraNote, false],
      ]);
    });

    it('gives a person only the grants of their own notes', async () => {
      const reply = await search(tokens.person(P.emma), [IDS.emmaNote, IDS.saraNote]);
      expect(reply.body.grants.map((g: { noteId: string }) => g.noteId)).toEqual([IDS.emmaNote]);
    });

    it('gives a counsellor only the grants of their centre\'s notes', async () => {
      const reply = await search(tokens.counsellor('KV-201', 'KS-STK'), [IDS.emmaNote, IDS.olenaNote]);
      expect(reply.body.grants.map((g: { noteId: string }) => g.noteId)).toEqual([IDS.olenaNote]);
    });

    it('refuses an empty list, more than 500 ids and ids that are not UUIDs', async () => {
      expect((await search(tokens.nav(), [])).status).toBe(400);
      expect((await search(tokens.nav(), Array.from({ length: 501 }, () => randomUUID()))).status).toBe(400);
      expect((await search(tokens.nav(), ['KS-1'])).status).toBe(400);
    });

    it('answers 401 without a token', async () => {
      expect((await h.call('searchShareGrants', 'POST', '/share-grants/search', { body: { noteIds: [IDS.emmaNote] } })).status).toBe(401);
    });
  });
});
