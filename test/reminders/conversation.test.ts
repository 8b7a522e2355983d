import { startSkillHarness, type SkillHarness } from '../support/skillHarness';
import { transcript } from '../support/transcript';
import { alertLines, talk } from './support';

/** The reminder dialogue as typed in the terminal simulator (`npm start`), through the NLU. */
let h: SkillHarness;
beforeAll(async () => {
  h = await startSkillHarness();
});
afterAll(() => h.stop());
beforeEach(() => h.api.reminders.reset());

test('set a date, accept the offer, hear the plan, list it', async () => {
  const conv = talk(h, { now: '2026-11-20T23:00:00Z' });
  await transcript(
    conv,
    `
    U: open microneedling care
    A: When was your treatment?
    U: today
    A: Got it: Friday, November 20th. That makes today day 1.
    A: Would you like a short reminder each morning? If so, what time?
    U: yes
    A: What time each morning?
    U: seven thirty
    A: I'll set 15 reminders, each at 7:30 AM: every morning from tomorrow, day 2, through Thursday, December 3rd, day 14
    A: one on Friday, December 18th, when you can book your follow-up. Shall I set them?
    U: yes
    A: Done: 15 reminders at 7:30 AM, from tomorrow through Friday, December 18th.
    U: what reminders do I have
    A: You have 15 reminders at 7:30 AM: every morning from tomorrow, day 2, through Thursday, December 3rd, day 14
    U: change my reminder time to 8
    A: Done: your 15 reminders now go off at 8 AM.
    U: remind me every morning at 8
    A: You already have 15 reminders at 8 AM
    U: stop
    `,
  );
  expect(alertLines(h.api.reminders.list())[0]).toMatch(
    /^2026-11-21 08:00 \| Day 2 of your microneedling recovery\. From today, pending your clinic's review, hard workouts and saunas are fine again\. No makeup for 48 hours, until tomorrow\./,
  );
  expect(h.api.reminders.alerts.size).toBe(15);
});

test('saying no to the offer sets nothing, and a vague time is asked again', async () => {
  const conv = talk(h, { now: '2026-11-20T23:00:00Z' });
  await transcript(
    conv,
    `
    U: open microneedling care
    U: today
    A: Would you like a short reminder each morning?
    U: no
    A: Okay, no reminders.
    U: remind me every morning
    A: What time each morning?
    U: in the morning
    A: What exact time should I remind you?
    U: cancel my reminders
    A: You don't have any reminders from me.
    `,
  );
  expect(h.api.reminders.log).toHaveLength(0);
});
