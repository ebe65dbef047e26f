import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_FIXTURES_DIR } from '../../stand-ins/common/fixtures.ts';
import { navTruth } from '../../subgraphs/nav/test/navTruth.ts';
import { DEMO, useStack } from '../support/stack.ts';

const truth = navTruth(DEMO_FIXTURES_DIR);
const INGRID = truth.advisor('Z990001');
const MORTEN = truth.advisor('Z990002');
const citizen = (ident: string) => ({ role: 'citizen' as const, ident });
const COUNSELLOR = { role: 'career-counsellor' as const, counsellorId: 'KV-101', centreId: 'KS-TRD' };
const PARTNER = { role: 'partner-reporting' as const, clientId: 'partnerskap' };

const CREATE = `mutation($input: CreateCareerGuidanceActivityInput!) {
  createCareerGuidanceActivity(input: $input) { activity { id version title type status fromDate toDate agreedWithNav } userErrors { code message field } } }`;
const UPDATE = `mutation($input: UpdateActivityStatusInput!) {
  updateActivityStatus(input: $input) { activity { id version status } userErrors { code message field currentVersion } } }`;
const SEND = `mutation($input: SendDialogueMessageInput!) {
  sendDialogueMessage(input: $input) { thread { id historic messages { id sender sentAt text } } userErrors { code message field } } }`;
const SUMMARY = `mutation($input: RecordMeetingSummaryInput!) {
  recordMeetingSummary(input: $input) { activity { id type title status meetingSummary { channel text sharedWithPerson } } userErrors { code message field currentVersion } } }`;
const PLAN = `query($i: ID!) { person(ident: $i) { activityPlan { activities { id version title type status meetingSummary { text sharedWithPerson } dialogue { id messages { sender text } } } } } }`;
const MY_PLAN = '{ me { activityPlan { activities { id meetingSummary { text sharedWithPerson } } } } }';

/** One of the person's activities in the files. */
const activityOf = (fnr: string, pick: (a: Record<string, any>) => boolean) => truth.activities(fnr).find(pick)!;

describe('the nav subgraph writes, through the gateway (demo personas)', () => {
  const graph = useStack();
  const nav = () => graph.stack.upstreams.nav.state;
  /** sendDialogueMessage with a fresh idempotency key: each call a new message. */
  const send = (caller: Parameters<typeof graph.query>[0], input: Record<string, unknown>) => graph.query(caller, SEND, { input: { idempotencyKey: randomUUID(), ...input } });
  /** Everything NAV holds that a write could change, to prove a refused write changed nothing. */
  const snapshot = () => JSON.stringify({ a: [...nav().aktiviteter.values()], d: [...nav().dialoger.values()] });

  describe('createCareerGuidanceActivity', () => {
    it('puts the card "Karriereveiledning" into the current period of the person\'s plan', async () => {
      const input = { ident: DEMO.P02, description: 'Utforske fagbrev', fromDate: '2026-11-27', toDate: '2027-01-31', agreedWithNav: true };
      const res = await graph.query(INGRID, CREATE, { input });
      expect(res.errors).toBeUndefined();
      const { activity, userErrors } = res.data!.createCareerGuidanceActivity;
      expect(userErrors).toEqual([]);
      expect(activity).toMatchObject({ title: 'Karriereveiledning', type: 'EGEN', status: 'PLANLAGT', fromDate: '2026-11-27', toDate: '2027-01-31', agreedWithNav: true });
      const stored = nav().aktiviteter.get(activity.id)!;
      const openPeriod = truth.person(DEMO.P02).oppfolgingsperioder.find((p: { sluttDato?: string }) => !p.sluttDato).uuid;
      expect(stored.oppfolgingsperiodeId).toBe(openPeriod);
      const plan = await graph.query(INGRID, PLAN, { i: DEMO.P02 });
      expect(plan.data!.person.activityPlan.activities.map((a: { id: string }) => a.id)).toContain(activity.id);
    });

    it('refuses every bad input with a userError naming the field and writes nothing', async () => {
      const before = snapshot();
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ ident: '12345678901' }, 'ident'],
        [{ ident: DEMO.P02, fromDate: '2027-02-01', toDate: '2027-01-31' }, 'toDate'],
        [{ ident: DEMO.P02, description: 'x'.repeat(5001) }, 'description'],
        [{ ident: DEMO.P02, description: '   ' }, 'description'],
      ];
      for (const [input, field] of cases) {
        const res = await graph.query(INGRID, CREATE, { input });
        expect(res.errors).toBeUndefined();
        expect(res.data!.createCareerGuidanceActivity).toEqual({ activity: null, userErrors: [expect.objectContaining({ code: 'INVALID_INPUT', field })] });
      }
      expect(snapshot()).toBe(before);
    });

    it('is FORBIDDEN for the person, other roles and an advisor poao-tilgang denies (the shielded P08), and writes nothing', async () => {
      const before = snapshot();
      for (const [caller, ident] of [[citizen(DEMO.P01), DEMO.P01], [COUNSELLOR, DEMO.P01], [PARTNER, DEMO.P01], [INGRID, DEMO.P08]] as const) {
        const res = await graph.query(caller, CREATE, { input: { ident } });
        expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      }
      expect(snapshot()).toBe(before);
    });
  });

  describe('updateActivityStatus', () => {
    it("returns CONFLICT with the current version for a stale version (P03's activity 4100107) and changes nothing", async () => {
      const activity = activityOf(DEMO.P03, (a) => a.id === '4100107');
      const older = truth.raw.aktivitetVersjoner['4100107'][1].versjon as string;
      const before = snapshot();
      const res = await graph.query(INGRID, UPDATE, { input: { ident: DEMO.P03, activityId: '4100107', version: older, status: 'FULLFORT' } });
      expect(res.data!.updateActivityStatus).toEqual({
        activity: null,
        userErrors: [expect.objectContaining({ code: 'CONFLICT', field: 'version', currentVersion: activity.versjon })],
      });
      expect(snapshot()).toBe(before);
    });

    it('changes the status with the current version and answers the new version', async () => {
      const activity = activityOf(DEMO.P03, (a) => a.id === '4100108');
      const res = await graph.query(INGRID, UPDATE, { input: { ident: DEMO.P03, activityId: activity.id, version: activity.versjon, status: 'GJENNOMFORES' } });
      const { activity: changed, userErrors } = res.data!.updateActivityStatus;
      expect(userErrors).toEqual([]);
      expect(changed.status).toBe('GJENNOMFORES');
      expect(Number(changed.version)).toBeGreaterThan(Number(activity.versjon));
      expect(nav().aktiviteter.get(activity.id)!.status).toBe('GJENNOMFORES');
    });

    it('lets the person change their own activity, leaving out their ident', async () => {
      const activity = activityOf(DEMO.P12, (a) => a.id === '4100127');
      const res = await graph.query(citizen(DEMO.P12), UPDATE, { input: { activityId: activity.id, version: activity.versjon, status: 'FULLFORT', comment: 'Ferdig' } });
      expect(res.data!.updateActivityStatus.userErrors).toEqual([]);
      expect(res.data!.updateActivityStatus.activity.status).toBe('FULLFORT');
    });

    it('refuses an activity in a final status (AVBRUTT) or a historic one, writing nothing', async () => {
      const before = snapshot();
      for (const id of ['4100122', '4100118']) {
        const activity = activityOf(DEMO.P09, (a) => a.id === id);
        const res = await graph.query(MORTEN, UPDATE, { input: { ident: DEMO.P09, activityId: id, version: activity.versjon, status: 'GJENNOMFORES' } });
        expect(res.data!.updateActivityStatus.userErrors).toEqual([expect.objectContaining({ code: 'ACTIVITY_FINAL', field: 'activityId' })]);
      }
      expect(snapshot()).toBe(before);
    });

    it("answers NOT_FOUND for another person's activity under this person, and FORBIDDEN for a person writing in another's plan", async () => {
      const emmas = activityOf(DEMO.P01, (a) => a.id === '4100104');
      const asOle = await graph.query(citizen(DEMO.P04), UPDATE, { input: { activityId: emmas.id, version: emmas.versjon, status: 'GJENNOMFORES' } });
      expect(asOle.data!.updateActivityStatus.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
      const intoEmmas = await graph.query(citizen(DEMO.P04), UPDATE, { input: { ident: DEMO.P01, activityId: emmas.id, version: emmas.versjon, status: 'GJENNOMFORES' } });
      expect(intoEmmas.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(nav().aktiviteter.get(emmas.id)!.versjon).toBe(emmas.versjon);
    });

    it('refuses bad inputs (id, version, comment length) before any write', async () => {
      const before = snapshot();
      for (const [input, field] of [
        [{ ident: DEMO.P01, activityId: 'abc', version: '1', status: 'FULLFORT' }, 'activityId'],
        [{ ident: DEMO.P01, activityId: '4100104', version: 'v1', status: 'FULLFORT' }, 'version'],
        [{ ident: DEMO.P01, activityId: '4100104', version: '700004', status: 'FULLFORT', comment: 'x'.repeat(256) }, 'comment'],
      ] as const) {
        const res = await graph.query(INGRID, UPDATE, { input });
        expect(res.data!.updateActivityStatus.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field })]);
      }
      expect(snapshot()).toBe(before);
    });
  });

  describe('sendDialogueMessage', () => {
    it("lets the advisor reply in the person's thread, which then ends with the message", async () => {
      const thread = truth.threads(DEMO.P01).find((t) => t.aktivitetId === '4100101')!;
      const res = await send(INGRID, { ident: DEMO.P01, threadId: thread.id, text: 'Hvordan gikk timen?', awaitingReplyFromPerson: true });
      expect(res.data!.sendDialogueMessage.userErrors).toEqual([]);
      const messages = res.data!.sendDialogueMessage.thread.messages;
      expect(messages).toHaveLength(thread.henvendelser.length + 1);
      expect(messages.at(-1)).toMatchObject({ sender: 'VEILEDER', text: 'Hvordan gikk timen?' });
      expect(nav().dialoger.get(thread.id)!.venterPaSvar).toBe(true);
    });

    it('lets the person start the thread under their own card; the card then has it', async () => {
      const card = truth.activities(DEMO.P06).find((a) => !a.historisk && !truth.threads(DEMO.P06).some((t) => t.aktivitetId === a.id))!;
      const res = await send(citizen(DEMO.P06), { activityId: card.id, text: 'Jeg vil gjerne snakke om fagbrev.' });
      expect(res.data!.sendDialogueMessage.userErrors).toEqual([]);
      expect(res.data!.sendDialogueMessage.thread.messages).toEqual([expect.objectContaining({ sender: 'BRUKER', text: 'Jeg vil gjerne snakke om fagbrev.' })]);
      const plan = await graph.query(INGRID, PLAN, { i: DEMO.P06 });
      const withThread = plan.data!.person.activityPlan.activities.find((a: { id: string }) => a.id === card.id);
      expect(withThread.dialogue.id).toBe(res.data!.sendDialogueMessage.thread.id);
    });

    it('keeps a historic thread read-only (P09\'s thread from 2022–2023) and writes nothing', async () => {
      const historic = truth.threads(DEMO.P09).find((t) => t.historisk)!;
      const before = snapshot();
      for (const input of [{ ident: DEMO.P09, threadId: historic.id, text: 'Hei' }, { ident: DEMO.P09, activityId: historic.aktivitetId, text: 'Hei' }]) {
        const res = await send(MORTEN, input);
        expect(res.data!.sendDialogueMessage.userErrors).toEqual([expect.objectContaining({ code: 'THREAD_HISTORIC' })]);
      }
      const asPerson = await send(citizen(DEMO.P09), { threadId: historic.id, text: 'Hei' });
      expect(asPerson.data!.sendDialogueMessage.userErrors).toEqual([expect.objectContaining({ code: 'THREAD_HISTORIC' })]);
      expect(snapshot()).toBe(before);
    });

    it("lets a person write only in their own dialogue: another's thread is NOT_FOUND, another's ident FORBIDDEN", async () => {
      const emmasThread = truth.threads(DEMO.P01)[0]!;
      const before = snapshot();
      const ownIdent = await send(citizen(DEMO.P04), { threadId: emmasThread.id, text: 'Hei' });
      expect(ownIdent.data!.sendDialogueMessage.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: 'threadId' })]);
      const othersIdent = await send(citizen(DEMO.P04), { ident: DEMO.P01, threadId: emmasThread.id, text: 'Hei' });
      expect(othersIdent.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(snapshot()).toBe(before);
    });

    it('refuses bad inputs and other roles before any write', async () => {
      const thread = truth.threads(DEMO.P01)[0]!;
      const before = snapshot();
      for (const [input, field] of [
        [{ ident: DEMO.P01, text: 'Hei' }, 'threadId'],
        [{ ident: DEMO.P01, threadId: thread.id, activityId: '4100101', text: 'Hei' }, 'threadId'],
        [{ ident: DEMO.P01, threadId: thread.id, text: ' ' }, 'text'],
        [{ ident: DEMO.P01, threadId: thread.id, text: 'x'.repeat(5001) }, 'text'],
        [{ threadId: thread.id, text: 'Hei' }, 'ident'],
      ] as const) {
        const res = await send(INGRID, input);
        expect(res.data!.sendDialogueMessage.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field })]);
      }
      for (const caller of [COUNSELLOR, PARTNER]) {
        const res = await send(caller, { ident: DEMO.P01, threadId: thread.id, text: 'Hei' });
        expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      }
      expect(snapshot()).toBe(before);
    });
  });

  describe('recordMeetingSummary', () => {
    it('records a shared conversation summary the person can then read', async () => {
      const input = { ident: DEMO.P11, title: 'Samtale om fagbrev', channel: 'TELEFON', text: 'Vi snakket om helsefagarbeider.', shareWithPerson: true };
      const res = await graph.query(INGRID, SUMMARY, { input });
      expect(res.data!.recordMeetingSummary.userErrors).toEqual([]);
      const activity = res.data!.recordMeetingSummary.activity;
      expect(activity).toMatchObject({ type: 'SAMTALEREFERAT', title: input.title, status: 'FULLFORT', meetingSummary: { channel: 'TELEFON', text: input.text, sharedWithPerson: true } });
      const mine = await graph.query(citizen(DEMO.P11), MY_PLAN);
      expect(mine.data!.me.activityPlan.activities.find((a: { id: string }) => a.id === activity.id).meetingSummary).toEqual({ text: input.text, sharedWithPerson: true });
    });

    it('keeps an unshared summary from the person until the advisor shares it', async () => {
      const input = { ident: DEMO.P11, title: 'Oppfølging', channel: 'OPPMOTE', text: 'Utkast til referat.' };
      const created = (await graph.query(INGRID, SUMMARY, { input })).data!.recordMeetingSummary.activity;
      expect(created.meetingSummary).toEqual({ channel: 'OPPMOTE', text: input.text, sharedWithPerson: false });
      const hidden = await graph.query(citizen(DEMO.P11), MY_PLAN);
      expect(hidden.data!.me.activityPlan.activities.find((a: { id: string }) => a.id === created.id).meetingSummary).toEqual({ text: null, sharedWithPerson: false });
      const version = nav().aktiviteter.get(created.id)!.versjon;
      const shared = await graph.query(INGRID, SUMMARY, { input: { ident: DEMO.P11, activityId: created.id, version, text: 'Endelig referat.', shareWithPerson: true } });
      expect(shared.data!.recordMeetingSummary.activity.meetingSummary).toEqual({ channel: 'OPPMOTE', text: 'Endelig referat.', sharedWithPerson: true });
      const visible = await graph.query(citizen(DEMO.P11), MY_PLAN);
      expect(visible.data!.me.activityPlan.activities.find((a: { id: string }) => a.id === created.id).meetingSummary.text).toBe('Endelig referat.');
    });

    it('writes the summary of an existing meeting only, with the current version', async () => {
      const meeting = activityOf(DEMO.P01, (a) => a.type === 'MOTE');
      const notMeeting = activityOf(DEMO.P01, (a) => a.type === 'EGEN' && !a.historisk);
      const wrongType = await graph.query(INGRID, SUMMARY, { input: { ident: DEMO.P01, activityId: notMeeting.id, version: notMeeting.versjon, text: 'Referat' } });
      expect(wrongType.data!.recordMeetingSummary.userErrors).toEqual([expect.objectContaining({ code: 'NOT_A_MEETING' })]);
      const stale = await graph.query(INGRID, SUMMARY, { input: { ident: DEMO.P01, activityId: meeting.id, version: '1', text: 'Referat' } });
      expect(stale.data!.recordMeetingSummary.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT', currentVersion: meeting.versjon })]);
      const ok = await graph.query(INGRID, SUMMARY, { input: { ident: DEMO.P01, activityId: meeting.id, version: meeting.versjon, text: 'Nytt referat' } });
      expect(ok.data!.recordMeetingSummary.activity.meetingSummary.text).toBe('Nytt referat');
    });

    it('enforces title ≤ 100 and text ≤ 5000 and the fields a new summary needs, writing nothing', async () => {
      const before = snapshot();
      for (const [input, field] of [
        [{ ident: DEMO.P11, title: 'x'.repeat(101), channel: 'TELEFON', text: 'Referat' }, 'title'],
        [{ ident: DEMO.P11, title: 'Samtale', channel: 'TELEFON', text: 'x'.repeat(5001) }, 'text'],
        [{ ident: DEMO.P11, channel: 'TELEFON', text: 'Referat' }, 'title'],
        [{ ident: DEMO.P11, title: 'Samtale', text: 'Referat' }, 'channel'],
        [{ ident: DEMO.P11, activityId: '4100102', text: 'Referat' }, 'version'],
      ] as const) {
        const res = await graph.query(INGRID, SUMMARY, { input });
        expect(res.data!.recordMeetingSummary.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field })]);
      }
      expect(snapshot()).toBe(before);
    });

    it('is for advisors only: the person and other roles are FORBIDDEN', async () => {
      const before = snapshot();
      for (const caller of [citizen(DEMO.P11), COUNSELLOR, PARTNER]) {
        const res = await graph.query(caller, SUMMARY, { input: { ident: DEMO.P11, title: 'Samtale', channel: 'TELEFON', text: 'Referat' } });
        expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      }
      expect(snapshot()).toBe(before);
    });
  });

  it("puts the advisor's writes on the audit trail, and refusals too", async () => {
    const lines = graph.auditLines();
    expect(lines.some((l) => l.includes('Mutation.createCareerGuidanceActivity') && l.includes('Z990001') && /Permit/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes('Mutation.createCareerGuidanceActivity') && l.includes(DEMO.P08) && /Deny/.test(l))).toBe(true);
  });
});
