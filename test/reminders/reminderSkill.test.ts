import { parseIsoDate, type IsoDate } from '../../lambda/domain/calendar';
import type { ClockTime } from '../../lambda/domain/clockTime';
import { reminderPlan } from '../../lambda/domain/reminderPlan';
import { testProtocol } from '../support/testProtocol';
import { reminderText } from '../../lambda/speech/reminders.en-US';
import { StoreUnavailableError } from '../../lambda/store/types';
import { startDelayingProxy } from '../../tools/faults';
import { connectionsResponse, intentRequest, permissionAcceptedEvent, REMINDERS_SCOPE } from '../support/envelope';
import { alertLines, EVENING_OF_TREATMENT, reminderHarness, scheduledTimes, talk, ZONE } from './support';

/**
 * The reminder dialogue end to end: the real skill, the real store (dynalite) and the real reminders
 * client against the Reminders stand-in, all on 127.0.0.1.
 */
const h = reminderHarness();
const protocol = testProtocol();
const posts = () => h.api.reminders.log.filter((c) => c.method === 'POST').length;
const record = async (userId: string) => (await h.store.load({ userId }))?.profile;

/** Date stored today, offer taken, 7:30, yes: the plan is created. */
async function setUpPlan(conv: ReturnType<typeof talk>, time = '07:30') {
  await conv.intent('SetTreatmentDateIntent', { date: '2026-11-20' });
  await conv.intent('SetUpRemindersIntent', { time });
  return conv.intent('AMAZON.YesIntent');
}

describe('setting up the plan', () => {
  test('the offer after a date, the exact plan stated, and only a yes creates it', async () => {
    const conv = talk(h, { now: EVENING_OF_TREATMENT });
    const saved = await conv.intent('SetTreatmentDateIntent', { date: '2026-11-20' });
    expect(saved.speech).toContain('Would you like a short reminder each morning? If so, what time?');
    expect(saved.sessionEnded).toBe(false);

    const proposal = await conv.intent('SetUpRemindersIntent', { time: '07:30' });
    expect(proposal.speech).toBe(
      "I'll set 15 reminders, each at 7:30 AM: every morning from tomorrow, day 2, through Thursday, December 3rd, day 14, with that day's care tips, plus one on Friday, December 4th, when your extra care with the sun can ease, and one on Friday, December 18th, when you can book your follow-up. Shall I set them?",
    );
    expect(h.api.reminders.log).toHaveLength(0);

    const done = await conv.intent('AMAZON.YesIntent');
    expect(done.speech).toContain('Done: 15 reminders at 7:30 AM, from tomorrow through Friday, December 18th.');
    expect(h.api.reminders.alerts.size).toBe(15);
  });

  test("the payloads: one per plan day, local time without offset, the device zone, that day's own text", async () => {
    const conv = talk(h, { now: EVENING_OF_TREATMENT });
    await setUpPlan(conv);
    const alerts = h.api.reminders.list();
    const plan = reminderPlan(protocol, parseIsoDate('2026-11-20') as IsoDate, '07:30' as ClockTime);
    expect(scheduledTimes(alerts)).toEqual(plan.map((e) => `${e.date}T07:30:00.000`));
    expect(alerts.map((a) => a.body.alertInfo?.spokenInfo?.content?.[0]?.text)).toEqual(plan.map((e) => reminderText(e, protocol)));
    for (const a of alerts) {
      expect(a.body.trigger).toMatchObject({ type: 'SCHEDULED_ABSOLUTE', timeZoneId: ZONE });
      expect(a.body.alertInfo?.spokenInfo?.content?.[0]?.locale).toBe('en-US');
      expect(a.body.pushNotification).toEqual({ status: 'ENABLED' });
    }
    expect(alertLines(alerts)[1]).toBe(
      "2026-11-22 07:30 | Day 3 of your microneedling recovery. Let the peeling come off on its own. Keep moisturizing. From today, 48 hours after your appointment, makeup is fine again. No anti-inflammatories for a full week, until Friday. Pending your clinic's review: no exfoliating, retinoids, toners or fragrance until Thursday and no ice until Friday. Extra sun precautions until December 4th.",
    );
  });

  test('alert tokens are kept in the profile, by plan day, next to the untouched treatment date', async () => {
    const conv = talk(h, { now: EVENING_OF_TREATMENT });
    await setUpPlan(conv);
    const profile = await record(conv.userId);
    expect(profile?.treatmentDate).toBe('2026-11-20');
    expect(profile?.reminders?.incomplete).toBe(false);
    expect(profile?.reminders?.time).toBe('07:30');
    expect(Object.keys(profile?.reminders?.tokens ?? {}).sort()).toEqual(
      reminderPlan(protocol, '2026-11-20' as IsoDate, '07:30' as ClockTime)
        .map((e) => e.key)
        .sort(),
    );
    expect(new Set(Object.values(profile?.reminders?.tokens ?? {}))).toEqual(new Set(h.api.reminders.alerts.keys()));
  });

  test('asking twice never duplicates: the plan is described, nothing is created', async () => {
    const conv = talk(h, { now: EVENING_OF_TREATMENT });
    await setUpPlan(conv);
    const again = await conv.intent('SetUpRemindersIntent', { time: '07:30' });
    expect(again.speech).toContain('You already have 15 reminders at 7:30 AM');
    expect(posts()).toBe(15);
  });

  test('a vague time ("in the morning") is asked again; a date comes first when there is none', async () => {
    const conv = talk(h, { now: EVENING_OF_TREATMENT });
    expect((await conv.intent('SetUpRemindersIntent', { time: '07:30' })).speech).toContain("I don't know your treatment date yet");
    await conv.intent('SetTreatmentDateIntent', { date: '2026-11-20' });
    expect((await conv.intent('SetUpRemindersIntent', { time: 'MO' })).speech).toContain('What exact time');
  });

  test('no to the plan creates nothing', async () => {
    const conv = talk(h, { now: EVENING_OF_TREATMENT });
    await conv.intent('SetTreatmentDateIntent', { date: '2026-11-20' });
    await conv.intent('SetUpRemindersIntent', { time: '07:30' });
    expect((await conv.intent('AMAZON.NoIntent')).speech).toContain("I haven't set anything");
    expect(h.api.reminders.log).toHaveLength(0);
    expect((await record(conv.userId))?.reminders).toBeUndefined();
  });
});

describe("two voice profiles on one account (Alexa lists the account's reminders together)", () => {
  test("the same plan told by another person is made for them; neither's cancel touches the other's", async () => {
    const userId = `amzn1.ask.account.HOUSEHOLD-${process.pid}`;
    const alice = talk(h, { now: EVENING_OF_TREATMENT, userId, personId: 'amzn1.ask.person.ALICE' });
    await setUpPlan(alice);
    const alices = new Set(h.api.reminders.alerts.keys());
    // Alice set hers up yesterday.
    for (const alert of h.api.reminders.alerts.values())
      (alert as { createdTime: string }).createdTime = new Date(Date.now() - 86_400_000).toISOString();

    const bob = talk(h, { now: EVENING_OF_TREATMENT, userId, personId: 'amzn1.ask.person.BOB' });
    expect((await setUpPlan(bob)).speech).toContain('Done: 15 reminders at 7:30 AM');
    expect(h.api.reminders.alerts.size).toBe(30);
    await bob.intent('CancelRemindersIntent');
    expect([...h.api.reminders.alerts.keys()].sort()).toEqual([...alices].sort());
  });
});

describe('a half-created plan', () => {
  test("server errors part-way: recorded as incomplete, the user told what was and wasn't set, the next attempt completes it without duplicates", async () => {
    const conv = talk(h, { now: EVENING_OF_TREATMENT });
    h.api.reminders.behaviour.failCreatesAfter = 5;
    h.api.reminders.behaviour.createFault = 500;
    const first = await setUpPlan(conv);
    expect(first.speech).toContain('I set 5 of your 15 reminders, at 7:30 AM, from tomorrow through Wednesday');
    expect(first.speech).toContain(
      "The other 10, from Thursday through Friday, December 18th, aren't set: the reminders service isn't answering right now.",
    );
    expect(first.speech).toContain("Say 'set up my reminders' later, and I'll add only the missing ones.");
    const half = await record(conv.userId);
    expect(half?.reminders?.incomplete).toBe(true);
    expect(Object.keys(half?.reminders?.tokens ?? {})).toHaveLength(5);

    delete h.api.reminders.behaviour.failCreatesAfter;
    expect((await conv.intent('ListRemindersIntent')).speech).toContain("10 reminders of your plan aren't set yet");
    expect((await conv.intent('SetUpRemindersIntent', {})).speech).toContain(
      "10 reminders of your plan aren't set yet. Shall I add them, at 7:30 AM?",
    );
    const second = await conv.intent('AMAZON.YesIntent');
    expect(second.speech).toContain('Done: 15 reminders at 7:30 AM');
    expect(h.api.reminders.alerts.size).toBe(15);
    expect(new Set(scheduledTimes(h.api.reminders.list())).size).toBe(15);
    expect((await record(conv.userId))?.reminders?.incomplete).toBe(false);
  });

  test('a create that timed out but landed is found and adopted by the next attempt, not made twice', async () => {
    const quick = h.skillWith({ config: { serviceTimeoutMs: 300 } });
    const conv = talk(h, { now: EVENING_OF_TREATMENT, invoke: quick });
    h.api.reminders.behaviour.createFaults.push('createThenHang');
    const first = await setUpPlan(conv);
    expect(first.speech).toContain("the reminders service didn't answer in time");
    expect(h.api.reminders.alerts.size).toBeGreaterThanOrEqual(1);

    await conv.intent('SetUpRemindersIntent', {});
    await conv.intent('AMAZON.YesIntent');
    expect(h.api.reminders.alerts.size).toBe(15);
    expect(new Set(scheduledTimes(h.api.reminders.list())).size).toBe(15);
    expect(Object.keys((await record(conv.userId))?.reminders?.tokens ?? {})).toHaveLength(15);
  });
});

describe('managing the plan', () => {
  test('"what reminders do I have"', async () => {
    const conv = talk(h, { now: EVENING_OF_TREATMENT });
    expect((await conv.intent('ListRemindersIntent')).speech).toContain("You don't have any reminders from me");
    await setUpPlan(conv);
    expect((await conv.intent('ListRemindersIntent')).speech).toContain(
      "You have 15 reminders at 7:30 AM: every morning from tomorrow, day 2, through Thursday, December 3rd, day 14, with that day's care tips, plus one on Friday, December 4th",
    );
  });

  test('"change my reminder time to 8" moves every upcoming alert, keeping their tokens', async () => {
    const conv = talk(h, { now: EVENING_OF_TREATMENT });
    await setUpPlan(conv);
    const tokens = [...h.api.reminders.alerts.keys()].sort();
    const moved = await conv.intent('ChangeReminderTimeIntent', { time: '08:00' });
    expect(moved.speech).toContain('Done: your 15 reminders now go off at 8 AM.');
    expect(scheduledTimes(h.api.reminders.list()).every((s) => s.endsWith('T08:00:00.000'))).toBe(true);
    expect([...h.api.reminders.alerts.keys()].sort()).toEqual(tokens);
    expect(posts()).toBe(15);
    expect((await record(conv.userId))?.reminders?.time).toBe('08:00');
  });

  test('"cancel my reminders" deletes them all and forgets the plan (the date stays)', async () => {
    const conv = talk(h, { now: EVENING_OF_TREATMENT });
    await setUpPlan(conv);
    expect((await conv.intent('CancelRemindersIntent')).speech).toContain("Done: I've cancelled your 15 reminders.");
    expect(h.api.reminders.alerts.size).toBe(0);
    const profile = await record(conv.userId);
    expect(profile?.reminders).toBeUndefined();
    expect(profile?.treatmentDate).toBe('2026-11-20');
  });

  test('a cancel the service half refuses says so, and the next cancel finishes it', async () => {
    const conv = talk(h, { now: EVENING_OF_TREATMENT });
    await setUpPlan(conv);
    h.api.reminders.behaviour.faults.push('ok', 'ok', 'ok', 500, 500, 500, 500, 500, 500);
    const partly = await conv.intent('CancelRemindersIntent');
    expect(partly.speech).toMatch(/I cancelled \d+ of your 15 reminders; the other \d+ are still set/);
    expect((await conv.intent('CancelRemindersIntent')).speech).toContain("Done: I've cancelled the rest of your reminders.");
    expect(h.api.reminders.alerts.size).toBe(0);
    expect((await record(conv.userId))?.reminders).toBeUndefined();
  });

  test('"delete my data" deletes the alerts too', async () => {
    const conv = talk(h, { now: EVENING_OF_TREATMENT });
    await setUpPlan(conv);
    await conv.intent('ForgetMeIntent');
    await conv.intent('AMAZON.YesIntent');
    expect(h.api.reminders.alerts.size).toBe(0);
    expect(await record(conv.userId)).toBeUndefined();
  });

  test('set up later in recovery: only what lies ahead, from the local "now" (day 3, 7:00 in New York)', async () => {
    const conv = talk(h, { now: '2026-11-22T12:00:00Z' });
    await conv.intent('SetTreatmentDateIntent', { date: '2026-11-20' });
    const proposal = await conv.intent('SetUpRemindersIntent', { time: '07:30' });
    expect(proposal.speech).toContain(
      "I'll set 14 reminders, each at 7:30 AM: every morning from today, day 3, through Thursday, December 3rd, day 14",
    );
    await conv.intent('AMAZON.YesIntent');
    expect(scheduledTimes(h.api.reminders.list())[0]).toBe('2026-11-22T07:30:00.000');
  });

  test('a new treatment date replaces the plan: old alerts deleted, new ones offered in full, created on yes', async () => {
    const conv = talk(h, { now: EVENING_OF_TREATMENT });
    await setUpPlan(conv);
    const later = talk(h, { now: '2026-12-10T23:00:00Z', userId: conv.userId });
    const saved = await later.intent('NewTreatmentIntent', { date: '2026-12-10' });
    expect(saved.speech).toContain(
      "I've removed the reminders for your earlier date. Shall I set new ones? 15 reminders, each at 7:30 AM: every morning from tomorrow",
    );
    expect(h.api.reminders.alerts.size).toBe(0);
    await later.intent('AMAZON.YesIntent');
    const dates = scheduledTimes(h.api.reminders.list()).map((s) => s.slice(0, 10));
    expect(dates[0]).toBe('2026-12-11');
    expect(dates[dates.length - 1]).toBe('2027-01-07');
    expect(h.api.reminders.alerts.size).toBe(15);
    const profile = await record(conv.userId);
    expect(profile?.treatmentDate).toBe('2026-12-10');
    expect(profile?.reminders?.forTreatment).toBe('2026-12-10');
  });

  test('two devices at once, a new treatment date and a new reminder time: the date lands, and no alert is left unrecorded', async () => {
    // The race is timing-dependent; enough rounds that it shows up (without the merge in saveRecord
    // about one round in fifty loses alerts).
    for (let round = 0; round < 15; round++) {
      h.api.reminders.reset();
      const conv = talk(h, { now: EVENING_OF_TREATMENT });
      await setUpPlan(conv);
      const kitchen = talk(h, { now: '2026-11-21T23:00:00Z', userId: conv.userId });
      const bedroom = talk(h, { now: '2026-11-21T23:00:00Z', userId: conv.userId });
      await Promise.all([
        kitchen.intent('NewTreatmentIntent', { date: '2026-11-21' }),
        bedroom.intent('ChangeReminderTimeIntent', { time: '08:00' }),
      ]);
      const profile = await record(conv.userId);
      expect(profile).toMatchObject({ treatmentDate: '2026-11-21', history: ['2026-11-20'] });
      // Every alert Alexa holds is one the profile can still name — so it can be moved or cancelled.
      const recorded = new Set(Object.values(profile?.reminders?.tokens ?? {}));
      expect([...h.api.reminders.alerts.keys()].filter((token) => !recorded.has(token))).toEqual([]);
    }
  });

  test('two devices at once, "cancel my reminders" and a new reminder time: no alert is left unrecorded', async () => {
    for (let round = 0; round < 15; round++) {
      h.api.reminders.reset();
      const conv = talk(h, { now: EVENING_OF_TREATMENT });
      await setUpPlan(conv);
      const kitchen = talk(h, { now: EVENING_OF_TREATMENT, userId: conv.userId });
      const bedroom = talk(h, { now: EVENING_OF_TREATMENT, userId: conv.userId });
      await Promise.all([kitchen.intent('CancelRemindersIntent'), bedroom.intent('ChangeReminderTimeIntent', { time: '08:00' })]);
      const profile = await record(conv.userId);
      expect(profile?.treatmentDate).toBe('2026-11-20');
      const recorded = new Set(Object.values(profile?.reminders?.tokens ?? {}));
      expect([...h.api.reminders.alerts.keys()].filter((token) => !recorded.has(token))).toEqual([]);
    }
  });

  test('never losing the date: reminder calls failing during the replacement leave the new date stored', async () => {
    const conv = talk(h, { now: EVENING_OF_TREATMENT });
    await setUpPlan(conv);
    h.api.reminders.behaviour.faults.push(500, 500, 500, 500, 500, 500);
    const later = talk(h, { now: '2026-12-10T23:00:00Z', userId: conv.userId });
    const saved = await later.intent('NewTreatmentIntent', { date: '2026-12-10' });
    expect(saved.speech).toContain('Got it: your new treatment was Thursday, December 10th');
    expect(saved.speech).toContain("Your reminders were for your earlier date; I'll remove them.");
    expect((await record(conv.userId))?.treatmentDate).toBe('2026-12-10');
    // The next attempt cleans up first, then sets the new plan.
    await later.intent('AMAZON.YesIntent');
    expect(scheduledTimes(h.api.reminders.list()).every((s) => s >= '2026-12-11')).toBe(true);
    expect(h.api.reminders.alerts.size).toBe(15);
  });
});

describe('a time already past today (day 4, 5:48 PM in New York)', () => {
  const DAY4_548PM = '2026-11-23T22:48:00Z';
  /** Alerts Alexa still has to ring after `now` (local wall time in New York, as the alerts are). */
  const ahead = (localNow = '2026-11-23T17:48') => scheduledTimes(h.api.reminders.list()).filter((at) => at.slice(0, 16) > localNow);

  /** A plan set up at `time` on the evening of treatment, then a conversation at 5:48 PM on day 4. */
  async function planThenDay4(time: string) {
    const first = talk(h, { now: EVENING_OF_TREATMENT });
    await setUpPlan(first, time);
    expect(h.api.reminders.alerts.size).toBe(15);
    return talk(h, { now: DAY4_548PM, userId: first.userId });
  }

  test("moved from 6:15 PM to 4:05 PM: today's reminder is removed, as said, and the count is what Alexa holds", async () => {
    const conv = await planThenDay4('18:15');
    const moved = await conv.intent('ChangeReminderTimeIntent', { time: '16:05' });
    expect(moved.speech).toContain(
      "Done: your 12 reminders from tomorrow on now go off at 4:05 PM. 4:05 PM has already passed today, so I removed today's reminder at 6:15 PM.",
    );
    expect(ahead()).toHaveLength(12);
    expect(ahead().every((at) => at.endsWith('T16:05:00.000'))).toBe(true);
    expect(scheduledTimes(h.api.reminders.list())).not.toContain('2026-11-23T18:15:00.000');
    const listed = await conv.intent('ListRemindersIntent');
    expect(listed.speech).toContain('You have 12 reminders at 4:05 PM');
  });

  test("today's removal refused by Alexa: it is said to be still set, at its old time", async () => {
    const conv = await planThenDay4('18:15');
    // Two reads of Alexa's list (the handler's, the move's), then the delete of today's alert, refused.
    h.api.reminders.behaviour.faults.push('ok', 'ok', 400);
    const moved = await conv.intent('ChangeReminderTimeIntent', { time: '16:05' });
    expect(moved.speech).toContain(
      "Done: your 12 reminders from tomorrow on now go off at 4:05 PM. Today's reminder is still set for 6:15 PM: I couldn't remove it just now.",
    );
    expect(ahead()).toHaveLength(13);
    expect(scheduledTimes(h.api.reminders.list())).toContain('2026-11-23T18:15:00.000');
  });

  test('the same move asked as a new time is described before the yes, and done exactly so after it', async () => {
    const conv = await planThenDay4('18:15');
    const question = await conv.intent('SetUpRemindersIntent', { time: '16:05' });
    expect(question.speech).toContain(
      "Your reminders are at 6:15 PM. 4:05 PM has already passed today, so today's reminder at 6:15 PM would be removed. Shall I move them to 4:05 PM?",
    );
    const done = await conv.intent('AMAZON.YesIntent');
    expect(done.speech).toContain("so I removed today's reminder at 6:15 PM.");
    expect(ahead()).toHaveLength(12);
  });

  test("moved from 4:05 PM (already rung today) to 8 PM: today's is not made again, and not counted", async () => {
    const conv = await planThenDay4('16:05');
    const moved = await conv.intent('ChangeReminderTimeIntent', { time: '20:00' });
    expect(moved.speech).toContain("Done: your 12 reminders from tomorrow on now go off at 8 PM. Today's already went off at 4:05 PM.");
    expect(ahead()).toHaveLength(12);
    expect(posts()).toBe(15);
    const listed = await conv.intent('ListRemindersIntent');
    expect(listed.speech).toContain('You have 12 reminders at 8 PM');
    expect(listed.speech).not.toContain("isn't set yet");
  });

  test("set up at 4:05 PM: the proposal and the answer say there's none for today, and none is made", async () => {
    const conv = talk(h, { now: DAY4_548PM });
    await conv.intent('SetTreatmentDateIntent', { date: '2026-11-20' });
    const proposal = await conv.intent('SetUpRemindersIntent', { time: '16:05' });
    expect(proposal.speech).toContain(
      "4:05 PM has already passed today, so there's none for today. I'll set 12 reminders, each at 4:05 PM: every morning from tomorrow, day 5",
    );
    const done = await conv.intent('AMAZON.YesIntent');
    expect(done.speech).toContain(
      "Done: 12 reminders at 4:05 PM, from tomorrow through Friday, December 18th. 4:05 PM has already passed today, so there's none for today.",
    );
    expect(h.api.reminders.alerts.size).toBe(12);
    expect(ahead()).toHaveLength(12);
  });
});

describe('the reminders permission', () => {
  test('no permission: asked by voice; ACCEPTED sets the plan', async () => {
    const conv = talk(h, { now: EVENING_OF_TREATMENT });
    h.api.reminders.behaviour.permission = false;
    const asked = await setUpPlan(conv);
    expect(asked.speech).toBe('To remind you, I need your permission to set reminders.');
    expect(asked.directives).toEqual([
      {
        type: 'Connections.SendRequest',
        name: 'AskFor',
        payload: { '@type': 'AskForPermissionsConsentRequest', '@version': '1', permissionScope: REMINDERS_SCOPE },
        token: 'reminders@07:30',
      },
    ]);
    expect(asked.response.response.reprompt).toBeUndefined();
    expect((await record(conv.userId))?.reminders).toMatchObject({ incomplete: true, time: '07:30', tokens: {} });

    h.api.reminders.behaviour.permission = true;
    const accepted = await conv.answerPermission('ACCEPTED');
    expect(accepted.speech).toContain('Done: 15 reminders at 7:30 AM');
    expect(h.api.reminders.alerts.size).toBe(15);
  });

  test('DENIED: nothing waits, and the patient hears how to allow it later', async () => {
    const conv = talk(h, { now: EVENING_OF_TREATMENT });
    h.api.reminders.behaviour.permission = false;
    await setUpPlan(conv);
    const denied = await conv.answerPermission('DENIED');
    expect(denied.speech).toContain(
      'Okay, no reminders then. If you change your mind, you can allow reminders for this skill in the Alexa app.',
    );
    expect((await record(conv.userId))?.reminders).toBeUndefined();
    expect(h.api.reminders.alerts.size).toBe(0);
  });

  test('NOT_ANSWERED: a consent card; the SkillPermissionAccepted event then creates the plan', async () => {
    const conv = talk(h, { now: EVENING_OF_TREATMENT });
    h.api.reminders.behaviour.permission = false;
    await setUpPlan(conv);
    const unanswered = await conv.answerPermission('NOT_ANSWERED');
    expect(unanswered.speech).toContain("I've sent a card to your Alexa app.");
    expect(unanswered.card).toEqual({ type: 'AskForPermissionsConsent', text: `Permission requested: ${REMINDERS_SCOPE}` });
    expect((await record(conv.userId))?.reminders?.incomplete).toBe(true);

    h.api.reminders.behaviour.permission = true;
    const event = await conv.event((o) => permissionAcceptedEvent([REMINDERS_SCOPE], o));
    expect(event.response.response.outputSpeech).toBeUndefined();
    expect(h.api.reminders.alerts.size).toBe(15);
    expect((await record(conv.userId))?.reminders?.incomplete).toBe(false);
  });

  test('a request that already says the permission is denied: asked by voice without a doomed call', async () => {
    const conv = talk(h, { now: EVENING_OF_TREATMENT });
    await conv.intent('SetTreatmentDateIntent', { date: '2026-11-20' });
    const yes = intentRequest(
      'AMAZON.YesIntent',
      {},
      {
        userId: conv.userId,
        apiEndpoint: h.api.endpoint,
        timestamp: EVENING_OF_TREATMENT,
        newSession: false,
        sessionAttributes: { pending: { kind: 'confirmReminders', time: '07:30' } },
      },
    );
    (yes.context.System.user as { permissions?: unknown }).permissions = { scopes: { [REMINDERS_SCOPE]: { status: 'DENIED' } } };
    const response = await h.invoke(yes);
    expect(response.response.directives?.[0]).toMatchObject({ type: 'Connections.SendRequest', name: 'AskFor', token: 'reminders@07:30' });
    expect(h.api.reminders.log).toHaveLength(0);
  });

  test('a device that cannot ask by voice (an error status instead of an answer): the consent card', async () => {
    const conv = talk(h, { now: EVENING_OF_TREATMENT });
    h.api.reminders.behaviour.permission = false;
    await setUpPlan(conv);
    const answer = connectionsResponse(
      { status: 'NOT_ANSWERED', token: 'reminders@07:30' },
      { userId: conv.userId, apiEndpoint: h.api.endpoint, timestamp: EVENING_OF_TREATMENT },
    );
    const request = answer.request as { status?: unknown; payload?: unknown };
    request.status = { code: '400', message: 'voice permissions not supported' };
    delete request.payload;
    const response = await h.invoke(answer);
    expect(response.response.card).toEqual({ type: 'AskForPermissionsConsent', permissions: [REMINDERS_SCOPE] });
  });

  /** A voice profile agreed to the plan; the permission, asked by a card, is granted later in the app. */
  async function voiceProfilePlanAwaitingPermission(tag: string) {
    const personId = `amzn1.ask.person.${tag}-${process.pid}`;
    const conv = talk(h, { now: EVENING_OF_TREATMENT, personId });
    h.api.reminders.behaviour.permission = false;
    await setUpPlan(conv);
    await conv.answerPermission('NOT_ANSWERED');
    h.api.reminders.behaviour.permission = true;
    return { conv, personId };
  }

  test("a voice profile's plan waiting for the permission: the account's event can't reach it, so the next launch offers to finish it", async () => {
    const { conv, personId } = await voiceProfilePlanAwaitingPermission('REMINDERS');
    await conv.event((o) => permissionAcceptedEvent([REMINDERS_SCOPE], { ...o, personId: undefined }));
    expect(h.api.reminders.alerts.size).toBe(0);

    // Saturday 6 am in New York: day 2, its 7:30 reminder still ahead.
    const morning = talk(h, { now: '2026-11-21T11:00:00Z', userId: conv.userId, personId });
    const launch = await morning.launch();
    expect(launch.speech).toMatch(/^Day 2\b/);
    expect(launch.speech).toContain("15 reminders of your plan aren't set yet. Shall I add them, at 7:30 AM?");
    await morning.intent('AMAZON.YesIntent');
    expect(alertLines([...h.api.reminders.alerts.values()])[0]).toMatch(/^2026-11-21 07:30 \| Day 2 /);
    expect(h.api.reminders.alerts.size).toBe(15);

    // Complete now: the next launch is the briefing alone.
    expect((await morning.launch()).speech).not.toContain('set yet');
  });

  test('the offer to finish a waiting plan, declined, is not made again', async () => {
    const { conv, personId } = await voiceProfilePlanAwaitingPermission('DECLINES');
    const morning = talk(h, { now: '2026-11-21T11:00:00Z', userId: conv.userId, personId });
    expect((await morning.launch()).speech).toContain("aren't set yet. Shall I add them");
    await morning.intent('AMAZON.NoIntent');
    const nextDay = talk(h, { now: '2026-11-22T11:00:00Z', userId: conv.userId, personId });
    expect((await nextDay.launch()).speech).not.toContain('set yet');
    expect(h.api.reminders.alerts.size).toBe(0);
  });

  test('"shall I set them?" answered yes by another voice on the account sets nothing', async () => {
    const userId = `amzn1.ask.account.OTHERVOICE-${process.pid}`;
    const anna = talk(h, { now: EVENING_OF_TREATMENT, userId, personId: 'amzn1.ask.person.ANNA' });
    await anna.intent('SetTreatmentDateIntent', { date: '2026-11-20' });
    await anna.intent('SetUpRemindersIntent', { time: '07:30' });
    const yes = await h.invoke(
      intentRequest(
        'AMAZON.YesIntent',
        {},
        {
          userId,
          apiEndpoint: h.api.endpoint,
          timestamp: EVENING_OF_TREATMENT,
          newSession: false,
          sessionAttributes: { ...anna.sessionAttributes },
        },
      ),
    );
    expect((yes.response.outputSpeech as { ssml: string }).ssml).toContain('not sure that answer came from the person I asked');
    expect(h.api.reminders.log).toHaveLength(0);
  });

  test('an accepted-permission event with no plan waiting creates nothing', async () => {
    const conv = talk(h, { now: EVENING_OF_TREATMENT });
    await conv.intent('SetTreatmentDateIntent', { date: '2026-11-20' });
    await conv.event((o) => permissionAcceptedEvent([REMINDERS_SCOPE], o));
    expect(h.api.reminders.log).toHaveLength(0);
  });
});

describe('when Alexa refuses or fails', () => {
  test('the store fails just after the alerts are made: the patient is told they exist and how to remove them', async () => {
    // The real store, with its writes failing from the moment the reminders are being noted (the
    // delaying proxy cannot fail one write of a request and not the one before it).
    let writesLeft = Infinity;
    const flaky = {
      ...h.store,
      update: (...args: Parameters<typeof h.store.update>) =>
        writesLeft-- > 0 ? h.store.update(...args) : Promise.reject(new StoreUnavailableError('down')),
    };
    const conv = talk(h, { now: EVENING_OF_TREATMENT, invoke: h.skillWith({ store: flaky }) });
    await conv.intent('SetTreatmentDateIntent', { date: '2026-11-20' });
    await conv.intent('SetUpRemindersIntent', { time: '07:30' });
    writesLeft = 1; // the consent is noted; the note of the alerts fails
    const yes = await conv.intent('AMAZON.YesIntent');
    expect(yes.speech).toContain("I set 15 reminders at 7:30 AM, but I couldn't save a note of them");
    expect(yes.speech).toContain('delete reminders in the Alexa app');
    expect(h.api.reminders.alerts.size).toBe(15);

    // Once the store is back, "cancel my reminders" finds them by what they say, when they ring and
    // when they were made (this plan's interrupted work), and deletes them.
    writesLeft = Infinity;
    expect((await conv.intent('CancelRemindersIntent')).speech).toContain("Done: I've cancelled your 15 reminders.");
    expect(h.api.reminders.alerts.size).toBe(0);
  });
  test('no zone from the device and none saved: nothing is set on a guessed zone; the plan waits, and is finished once the zone is known', async () => {
    h.api.settings.mode = 500;
    const conv = talk(h, { now: EVENING_OF_TREATMENT });
    try {
      const answer = await setUpPlan(conv);
      expect(answer.speech).toContain("I couldn't set your reminders: I can't tell your time zone right now.");
      expect(h.api.reminders.log).toHaveLength(0);
      expect((await record(conv.userId))?.reminders?.incomplete).toBe(true);
    } finally {
      h.api.settings.mode = 'ok';
    }
    const morning = talk(h, { now: '2026-11-21T11:00:00Z', userId: conv.userId });
    expect((await morning.launch()).speech).toContain("aren't set yet. Shall I add them, at 7:30 AM?");
    await morning.intent('AMAZON.YesIntent');
    expect(h.api.reminders.alerts.size).toBe(15);
    expect(h.api.reminders.list().every((a) => a.body.trigger?.timeZoneId === ZONE)).toBe(true);
  });

  test('a device that cannot do reminders: said plainly', async () => {
    const conv = talk(h, { now: EVENING_OF_TREATMENT });
    h.api.reminders.behaviour.deviceSupported = false;
    const turn = await setUpPlan(conv);
    expect(turn.speech).toContain("I couldn't set your reminders: this device can't do reminders.");
    expect(turn.speech).not.toContain('later');
  });

  test("Alexa's reminder limit: what was set, and how to make room", async () => {
    const conv = talk(h, { now: EVENING_OF_TREATMENT });
    h.api.reminders.behaviour.maxActive = 4;
    const turn = await setUpPlan(conv);
    expect(turn.speech).toContain('I set 4 of your 15 reminders, at 7:30 AM, from tomorrow through Tuesday.');
    expect(turn.speech).toContain("Alexa's limit on reminders is reached; deleting old reminders in the Alexa app makes room");
  });

  test('throttled (429) even after the one retry: stop, and say nothing was set', async () => {
    const conv = talk(h, { now: EVENING_OF_TREATMENT });
    await conv.intent('SetTreatmentDateIntent', { date: '2026-11-20' });
    await conv.intent('SetUpRemindersIntent', { time: '07:30' });
    h.api.reminders.behaviour.faults.push(...Array<number>(20).fill(429));
    const turn = await conv.intent('AMAZON.YesIntent');
    expect(turn.speech).toContain("I couldn't set your reminders: the reminders service isn't answering right now.");
    // One list (twice: retried), and three creates started together (each retried once): then it stops.
    expect(h.api.reminders.log.length).toBeLessThanOrEqual(8);
  });

  test("a slow service: the answer still comes inside the reminders budget and says what was and wasn't set", async () => {
    // The budget shrunk from 4 s to 1.2 s and the service's delay with it (450 ms each way to 135).
    const budgetMs = 1200;
    const proxy = await startDelayingProxy(Number(new URL(h.api.endpoint).port), 135);
    try {
      const invoke = h.skillWith({ config: { remindersBudgetMs: budgetMs } });
      const conv = talk(h, { now: EVENING_OF_TREATMENT, apiEndpoint: proxy.endpoint, invoke });
      await conv.intent('SetTreatmentDateIntent', { date: '2026-11-20' });
      await conv.intent('SetUpRemindersIntent', { time: '07:30' });
      const started = Date.now();
      const turn = await conv.intent('AMAZON.YesIntent');
      const took = Date.now() - started;
      expect(took).toBeLessThan(budgetMs + 1500);
      // What is said is what is recorded; a create still in flight at the deadline may land at Alexa
      // after the answer (unrecorded, found and adopted or removed by the next attempt).
      const said = Number(/I set (\d+) of your 15 reminders/.exec(turn.speech)?.[1]);
      expect(said).toBeGreaterThan(0);
      expect(said).toBeLessThan(15);
      const reminders = (await record(conv.userId))?.reminders;
      expect(reminders?.incomplete).toBe(true);
      expect(Object.keys(reminders?.tokens ?? {})).toHaveLength(said);
      expect(h.api.reminders.alerts.size).toBeGreaterThanOrEqual(said);
    } finally {
      await proxy.stop();
    }
  });
});
