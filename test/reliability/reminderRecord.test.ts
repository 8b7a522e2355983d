import { StoreUnavailableError } from '../../lambda/store/types';
import { EVENING_OF_TREATMENT, reminderHarness, talk } from '../reminders/support';

/**
 * The record tells the truth: what the patient hears about their reminders is what Alexa holds, even
 * when the profile could not be saved, and concurrent changes on one account converge. Real skill,
 * dynalite and the Reminders stand-in on 127.0.0.1.
 */
const h = reminderHarness();
let accounts = 0;
const newAccount = () => `amzn1.ask.account.RECORD-${process.pid}-${++accounts}`;

async function patientWithPlan(userId = newAccount()) {
  const conv = talk(h, { now: EVENING_OF_TREATMENT, userId });
  await conv.intent('SetTreatmentDateIntent', { date: '2026-11-20' });
  await conv.intent('SetUpRemindersIntent', { time: '07:30' });
  expect((await conv.intent('AMAZON.YesIntent')).speech).toContain('Done: 15 reminders at 7:30 AM');
  return userId;
}

/** The real store, with every profile write failing while `down` is set (reads and leases still work). */
function storeWithFailingWrites() {
  const state = { down: false };
  const store = {
    ...h.store,
    update: (...args: Parameters<typeof h.store.update>) =>
      state.down ? Promise.reject(new StoreUnavailableError('down')) : h.store.update(...args),
  };
  return { state, invoke: h.skillWith({ store }) };
}

test('a cancel whose record cannot be saved: the alerts are gone, and "what reminders do I have" says so', async () => {
  const userId = await patientWithPlan();
  const flaky = storeWithFailingWrites();
  flaky.state.down = true;
  const cancel = await talk(h, { now: EVENING_OF_TREATMENT, userId, invoke: flaky.invoke }).intent('CancelRemindersIntent');
  expect(cancel.speech).toContain("Done: I've cancelled your 15 reminders.");
  expect(h.api.reminders.alerts.size).toBe(0);
  // The record still names 15 alerts; Alexa's own list is what is spoken of.
  expect(Object.keys((await h.store.load({ userId }))?.profile.reminders?.tokens ?? {})).toHaveLength(15);
  expect((await talk(h, { now: EVENING_OF_TREATMENT, userId }).intent('ListRemindersIntent')).speech).toContain(
    "You don't have any reminders from me.",
  );
  // Asked again, the plan is offered anew rather than "you already have 15".
  const again = talk(h, { now: EVENING_OF_TREATMENT, userId });
  expect((await again.intent('SetUpRemindersIntent', { time: '07:30' })).speech).toContain("I'll set 15 reminders, each at 7:30 AM");
  expect((await again.intent('AMAZON.YesIntent')).speech).toContain('Done: 15 reminders at 7:30 AM');
  expect(h.api.reminders.alerts.size).toBe(15);
});

test('alerts deleted in the Alexa app are not listed as set, and are made again when asked', async () => {
  const userId = await patientWithPlan();
  for (const token of [...h.api.reminders.alerts.keys()].slice(0, 5)) h.api.reminders.alerts.delete(token);
  const conv = talk(h, { now: EVENING_OF_TREATMENT, userId });
  expect((await conv.intent('ListRemindersIntent')).speech).toContain('You have 10 reminders at 7:30 AM');
  expect((await conv.intent('SetUpRemindersIntent')).speech).toContain(
    "5 reminders of your plan aren't set yet. Shall I add them, at 7:30 AM?",
  );
  await conv.intent('AMAZON.YesIntent');
  expect(h.api.reminders.alerts.size).toBe(15);
});

test('a move whose record cannot be saved: the patient hears it happened, and the list speaks of the new time', async () => {
  const userId = await patientWithPlan();
  const flaky = storeWithFailingWrites();
  flaky.state.down = true;
  const moved = await talk(h, { now: EVENING_OF_TREATMENT, userId, invoke: flaky.invoke }).intent('ChangeReminderTimeIntent', {
    time: '08:15',
  });
  expect(moved.speech).toContain("I set 15 reminders at 8:15 AM, but I couldn't save a note of them");
  expect((await h.store.load({ userId }))?.profile.reminders?.time).toBe('07:30');
  expect((await talk(h, { now: EVENING_OF_TREATMENT, userId }).intent('ListRemindersIntent')).speech).toContain(
    'You have 15 reminders at 8:15 AM',
  );
});

test('150 parallel time changes on one account converge: one time, every alert recorded, no duplicates', async () => {
  const userId = await patientWithPlan();
  const times = Array.from(
    { length: 150 },
    (_, i) => `${String(5 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
  );
  const answers = await Promise.all(
    times.map((time) => talk(h, { now: EVENING_OF_TREATMENT, userId }).intent('ChangeReminderTimeIntent', { time })),
  );
  // Anything still running behind a "please ask again" finishes first: the calls stop, the lease is free.
  for (let last = -1; last !== h.api.reminders.log.length || !(await h.store.acquireLease({ userId }, 1)); ) {
    last = h.api.reminders.log.length;
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
  const alerts = h.api.reminders.list();
  const scheduled = new Set(alerts.map((a) => a.body.trigger?.scheduledTime?.slice(11, 16)));
  const record = (await h.store.load({ userId }))?.profile.reminders;
  const recorded = Object.values(record?.tokens ?? {});

  expect(alerts).toHaveLength(15);
  expect(scheduled.size).toBe(1);
  const [time] = scheduled;
  expect(record?.time).toBe(time);
  expect(record?.incomplete).toBe(false);
  expect(new Set(recorded)).toEqual(new Set(alerts.map((a) => a.alertToken)));
  expect(Object.keys(record?.tokens ?? {}).every((key) => !key.startsWith('stale-'))).toBe(true);

  // Every answer is true: a move that was made, or a plain "ask again"; the final time is one that was announced.
  // A move made whose note timed out on a starved machine is said so, and is a move all the same.
  const done = answers.filter(
    (a) =>
      a.speech.startsWith('Done: your 15 reminders now go off at') ||
      /^I set 15 reminders at .*, but I couldn't save a note of them/.test(a.speech),
  );
  // "Ask again" in its three true forms: the lease is held, the 6 s net, a store too slow to grant the lease.
  const busy = answers.filter(
    (a) =>
      a.speech.includes("I'm in the middle of another change to your reminders") ||
      a.speech.includes('ask me again') ||
      a.speech.includes("I can't reach your saved details right now"),
  );
  expect(done.length).toBeGreaterThan(0);
  expect(done.length + busy.length).toBe(150);
  const spoken = (t: string) => {
    const [hh, mm] = t.split(':').map(Number) as [number, number];
    return `${hh % 12 === 0 ? 12 : hh % 12}${mm === 0 ? '' : `:${String(mm).padStart(2, '0')}`} ${hh < 12 ? 'AM' : 'PM'}`;
  };
  expect(done.map((a) => a.speech)).toContainEqual(
    expect.stringMatching(new RegExp(`(now go off at|I set 15 reminders at) ${spoken(time as string)}[.,]`)),
  );
}, 60_000);
