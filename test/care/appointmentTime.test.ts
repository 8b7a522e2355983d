import { startSkillHarness, type SkillHarness } from '../support/skillHarness';
import { talk } from '../support/talk';
import { transcript } from '../support/transcript';
import { withClinic } from './support';

/**
 * The appointment time is optional: offered once when the date is stored, it makes the article's
 * "at least 48 hours" (and one week) end at that time of day. Treatment Sunday, November 1st, 2026.
 */
let h: SkillHarness;
beforeAll(async () => {
  h = await startSkillHarness();
});
afterAll(() => h.stop());

let n = 0;
/** Los Angeles wall-clock time on day `day` (November `day`). */
const at = (day: number, hour: number) => new Date(Date.UTC(2026, 10, day, hour + 8)).toISOString();

function patient(day: number, hour: number, userId = `amzn1.ask.account.APPT${process.pid}-${++n}`) {
  return { userId, conv: talk(h, { userId, at: at(day, hour), invoke: h.skillWith({ protocol: withClinic() }) }) };
}

test('offered once when the date is stored, then used: 48 hours end at 3 PM on day 3', async () => {
  const first = patient(1, 18);
  await transcript(
    first.conv,
    `
    U: open microneedling care
    U: today
    A: If you tell me your appointment time, I can say exactly when the wait ends: say, my appointment was at 3 PM.
    A: Would you like a short reminder each morning?
    U: no thanks
    U: my appointment was at 3 PM
    A: Got it: your appointment was at 3 PM. So makeup is fine from 3 PM on Tuesday, and anti-inflammatories from 3 PM on Sunday, November 8th.
    U: can I wear makeup
    A: Not yet: no makeup until Tuesday at 3 PM, day 3, 48 hours after your appointment.
    `,
  );
  // Day 3 at 7:30: the minimum has not passed yet.
  await transcript(
    talk(h, { userId: first.userId, at: at(3, 7.5), invoke: h.skillWith({ protocol: withClinic() }) }),
    `
    U: ask microneedling care can I wear makeup
    A: Not yet: makeup is fine from 3 PM today, 48 hours after your appointment.
    A!: Yes
    `,
  );
  await transcript(
    talk(h, { userId: first.userId, at: at(3, 7.5), invoke: h.skillWith({ protocol: withClinic() }) }),
    `
    U: open microneedling care
    A: From today at 3 PM, 48 hours after your appointment, makeup is fine again.
    U: when can I wear makeup
    A: From 3 PM today, 48 hours after your appointment.
    `,
  );
  // Day 3 at 4 PM: it has.
  await transcript(
    talk(h, { userId: first.userId, at: at(3, 16), invoke: h.skillWith({ protocol: withClinic() }) }),
    `
    U: ask microneedling care can I wear makeup
    A: Yes: 48 hours have passed since your appointment, so makeup is fine again.
    A: Mineral makeup is recommended.
    `,
  );
  // Day 8 at 9 AM: a full week has not.
  await transcript(
    talk(h, { userId: first.userId, at: at(8, 9), invoke: h.skillWith({ protocol: withClinic() }) }),
    `
    U: ask microneedling care can I take aspirin
    A: Not yet: aspirin and other anti-inflammatories are fine from 3 PM today, a full week after your appointment.
    `,
  );
});

test('not offered once the waits are over', async () => {
  await transcript(
    patient(12, 9).conv,
    `
    U: open microneedling care
    U: last sunday
    A: Got it: Sunday, November 8th
    A: If you tell me your appointment time
    U: no thanks
    U: my treatment was actually on november first
    U: yes
    A: Got it: Sunday, November 1st
    A!: appointment time
    `,
  );
});

test('before any date, the time waits for the date', async () => {
  await transcript(
    patient(2, 9).conv,
    'U: ask microneedling care my appointment was at 3 PM\nA: I need your treatment date before its time.',
  );
});
