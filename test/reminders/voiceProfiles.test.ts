import { permissionAcceptedEvent, REMINDERS_SCOPE, skillDisabledEvent } from '../support/envelope';
import { EVENING_OF_TREATMENT, reminderHarness, talk } from './support';

/**
 * Several voice profiles on one account with identical plans (same treatment day, same time, so the
 * same texts at the same minutes): each plan only ever adopts, moves or deletes the alerts it made.
 * Alexa's list is the whole account's, which is what made one profile adopt — and later delete —
 * another's. Real skill, dynalite and the Reminders stand-in on 127.0.0.1.
 */
const h = reminderHarness();
let accounts = 0;
const newAccount = () => `amzn1.ask.account.VOICES-${process.pid}-${++accounts}`;
/** undefined: the account's own voice (Alexa recognized nobody). */
type Person = string | undefined;
const person = (name: string) => `amzn1.ask.person.${name.toUpperCase()}`;

async function planOf(userId: string, personId: Person) {
  return (await h.store.load({ userId, personId }))?.profile.reminders;
}

async function setUpPlan(userId: string, personId: Person) {
  const conv = talk(h, { now: EVENING_OF_TREATMENT, userId, personId });
  await conv.intent('SetTreatmentDateIntent', { date: '2026-11-20' });
  await conv.intent('SetUpRemindersIntent', { time: '07:30' });
  return (await conv.intent('AMAZON.YesIntent')).speech;
}

const say = async (userId: string, personId: Person, intent: string) =>
  (await talk(h, { now: EVENING_OF_TREATMENT, userId, personId }).intent(intent)).speech;

/** Every profile's record holds 15 tokens of its own, all of them alerts Alexa has, none shared. */
async function expectOwnPlans(userId: string, people: readonly Person[]) {
  const tokens = await Promise.all(people.map(async (p) => Object.values((await planOf(userId, p))?.tokens ?? {})));
  for (const own of tokens) {
    expect(own).toHaveLength(15);
    for (const t of own) expect(h.api.reminders.alerts.has(t)).toBe(true);
  }
  expect(new Set(tokens.flat()).size).toBe(15 * people.length);
  expect(h.api.reminders.alerts.size).toBe(15 * people.length);
}

/** One profile cancels: only its own 15 go; the others still list and hold theirs. */
async function expectCancelIsOwn(userId: string, people: readonly Person[]) {
  const [first, ...rest] = people;
  expect(await say(userId, first, 'CancelRemindersIntent')).toContain("Done: I've cancelled your 15 reminders.");
  expect(h.api.reminders.alerts.size).toBe(15 * rest.length);
  for (const p of rest) expect(await say(userId, p, 'ListRemindersIntent')).toContain('You have 15 reminders at 7:30 AM');
  await expectOwnPlans(userId, rest);
}

describe('permission granted up front', () => {
  test.each([
    ['mom, then daughter', ['mom', 'daughter']],
    ['daughter, then mom', ['daughter', 'mom']],
    ['mom, daughter, then the account itself', ['mom', 'daughter', undefined]],
    ['the account itself, daughter, then mom', [undefined, 'daughter', 'mom']],
  ])('%s: each creates its own 15, lists its own, and cancels only its own', async (_order, names) => {
    const userId = newAccount();
    const people = (names as (string | undefined)[]).map((n) => (n ? person(n) : undefined));
    for (const p of people) expect(await setUpPlan(userId, p)).toContain('Done: 15 reminders at 7:30 AM');
    await expectOwnPlans(userId, people);
    for (const p of people) expect(await say(userId, p, 'ListRemindersIntent')).toContain('You have 15 reminders at 7:30 AM');
    await expectCancelIsOwn(userId, people);
  });
});

describe('permission granted through the permission event', () => {
  /** Every profile agrees to the plan before the permission exists; the card is sent. */
  async function consentWithoutPermission(userId: string, people: readonly Person[]) {
    h.api.reminders.behaviour.permission = false;
    for (const p of people) {
      const conv = talk(h, { now: EVENING_OF_TREATMENT, userId, personId: p });
      await conv.intent('SetTreatmentDateIntent', { date: '2026-11-20' });
      await conv.intent('SetUpRemindersIntent', { time: '07:30' });
      await conv.intent('AMAZON.YesIntent');
      await conv.answerPermission('NOT_ANSWERED');
    }
    h.api.reminders.behaviour.permission = true;
  }

  /** The account's event completes the account's plan; each voice profile finishes its own at its next launch. */
  async function grantAndFinish(userId: string, people: readonly Person[]) {
    await talk(h, { now: EVENING_OF_TREATMENT, userId }).event((o) =>
      permissionAcceptedEvent([REMINDERS_SCOPE], { ...o, personId: undefined }),
    );
    for (const p of people.filter((x) => x !== undefined)) {
      const morning = talk(h, { now: '2026-11-21T11:00:00Z', userId, personId: p });
      expect((await morning.launch()).speech).toContain("15 reminders of your plan aren't set yet. Shall I add them, at 7:30 AM?");
      expect((await morning.intent('AMAZON.YesIntent')).speech).toContain('Done: 15 reminders at 7:30 AM');
    }
  }

  test.each([
    ['the account, then mom', [undefined, 'mom']],
    ['mom, then the account', ['mom', undefined]],
    ['mom, daughter and the account', ['mom', 'daughter', undefined]],
  ])('%s: every plan is completed with its own alerts, and a cancel removes only its own', async (_order, names) => {
    const userId = newAccount();
    const people = (names as (string | undefined)[]).map((n) => (n ? person(n) : undefined));
    await consentWithoutPermission(userId, people);
    expect(h.api.reminders.alerts.size).toBe(0);
    await grantAndFinish(userId, people);
    await expectOwnPlans(userId, people);
    await expectCancelIsOwn(userId, people);
  });
});

test('skill disabled: the account-wide deletion still removes every profile of the account', async () => {
  const userId = newAccount();
  const people = [person('mom'), person('daughter'), undefined];
  for (const p of people) await setUpPlan(userId, p);
  await talk(h, { now: EVENING_OF_TREATMENT, userId }).event((o) => skillDisabledEvent({ ...o, personId: undefined }));
  for (const p of people) expect(await h.store.load({ userId, personId: p })).toBeUndefined();
  expect((await h.store.loadAccount(userId)).size).toBe(0);
});
