import type { IsoDate } from '../../lambda/domain/calendar';
import { planForDay } from '../../lambda/domain/care';
import { testProtocol } from '../support/testProtocol';
import { startSkillHarness, type SkillHarness } from '../support/skillHarness';
import { spokenSeconds } from '../support/speechTime';
import { talk } from '../support/talk';
import { transcript } from '../support/transcript';

/**
 * What a patient hears on the days where wording used to go wrong. Treatment on Sunday, November 1st,
 * 2026; every request at 8 a.m. in Los Angeles, so day N is November N.
 */
const TREATMENT = '2026-11-01';
const morningOfDay = (day: number) => new Date(Date.UTC(2026, 10, day, 16)).toISOString();

let h: SkillHarness;
let n = 0;
beforeAll(async () => {
  h = await startSkillHarness();
});
afterAll(() => h.stop());

/** A patient who sets the treatment date on day `day` and declines reminders; the session stays open. */
async function patientOnDay(day: number, userId = `amzn1.ask.account.WORDING${++n}`) {
  const patient = talk(h, { userId, at: morningOfDay(day) });
  await patient.say('open microneedling care');
  await patient.intent('SetTreatmentDateIntent', { date: TREATMENT });
  await patient.say('no thanks');
  return patient;
}

test('the sun is never simply allowed, in the words of the article: extra precautions in the first two weeks, protected after', async () => {
  await transcript(
    await patientOnDay(1),
    `
    U: can I go to the beach
    A: Minimize sun exposure and keep your skin out of direct sun; in these first 2 weeks take extra precautions: when you go outside, wear a wide-brimmed hat and plenty of sunscreen, at least SPF 15, preferably higher than SPF 30.
    A: Your extra precautions last until Sunday, November 15th, day 15.
    A!: /carefully|with care|any time/i
    U: when can I go to the beach
    A: Your extra precautions last until Sunday, November 15th, day 15.
    A!: through
    A!: /carefully|with care|any time/i
    `,
  );
  for (const day of [15, 16, 40]) {
    await transcript(
      await patientOnDay(day),
      `
      U: can I go outside
      A: /^Minimize sun exposure and always keep your skin out of direct sun: when you go outside, wear a wide-brimmed hat and plenty of sunscreen, at least SPF 15, preferably higher than SPF 30\\./
      A!: Yes
      A!: /carefully|with care|any time/i
      U: can I go to the beach
      A!: Yes
      A!: window
      U: when can I go to the beach
      A: always keep your skin out of direct sun
      A!: /carefully|with care|any time/i
      A!: You already can
      `,
    );
  }
  await transcript(
    await patientOnDay(15),
    'U: when can I go to the beach\nA: As of today, your first 14 days of extra precautions are over.',
  );
});

test('the card lists the sun as extra precautions, or as lasting advice, never as off limits', async () => {
  await transcript(
    await patientOnDay(1),
    `
    U: what should I do today
    C: Still off limits:
    C: • Ice: until Sunday, November 8th (day 8) (pending your clinic's review)
    C!: • The sun: until
    C: Extra precautions:
    C: • The sun: extra precautions until Sunday, November 15th (day 15). Minimize sun exposure
    `,
  );
  await transcript(
    await patientOnDay(16),
    `
    U: what should I do today
    C!: Still off limits
    C: Always:
    C: • The sun: minimize sun exposure and always keep your skin out of direct sun
    `,
  );
});

test('anti-inflammatories on their first free day: only once the week has passed, no advice about the wait', async () => {
  await transcript(
    await patientOnDay(8),
    `
    U: can I take ibuprofen
    A: From today, once a full week has passed since your appointment, ibuprofen and other anti-inflammatories are fine again.
    A!: before then
    A!: Yes
    U: when can I take ibuprofen
    A: From today, once a full week has passed since your appointment.
    A!: before then
    `,
  );
  await transcript(
    await patientOnDay(3),
    `
    U: can I take ibuprofen
    A: Not yet: no ibuprofen or other anti-inflammatories until Sunday, day 8, once a full week has passed since your appointment.
    A: interfere with the effects of microneedling
    A!: provider
    `,
  );
});

test('a finished restriction is told by its first allowed day', async () => {
  await transcript(
    await patientOnDay(6),
    `
    U: can I wear makeup
    A: Yes, makeup has been fine since day 3.
    A!: day 2
    U: when can I wear makeup
    A: You already can: makeup has been fine since Tuesday, November 3rd, day 3.
    A!: ended
    U: can I go to the gym
    A: Yes, hard workouts have been fine since day 2.
    A: That day is a reading of the article your clinic has not confirmed yet.
    U: when can I use the steam room
    A: You already can: saunas have been fine since Monday, November 2nd, day 2.
    A: That day is a reading of the article your clinic has not confirmed yet.
    U: when can I use the hot tub
    A: /^Your clinic's aftercare doesn't cover hot tubs; please ask your clinic\\./
    A!: saunas
    `,
  );
});

test('only today\'s briefing says the follow-up can be booked "now"', async () => {
  await transcript(
    await patientOnDay(28),
    `
    U: what about tomorrow
    A: Tomorrow is day 29
    A: From that day, you can schedule your follow-up session.
    A!: follow-up session now
    C!: follow-up session now
    C: Follow-up session: can be booked from Sunday, November 29th (day 29, tomorrow).
    U: what about day 30
    A: You can schedule your follow-up session from day 29 on.
    A!: follow-up session now
    `,
  );
  await transcript(
    await patientOnDay(1),
    `
    U: what about day 29
    A: From that day, you can schedule your follow-up session.
    A!: follow-up session now
    C: (day 29, in 28 days)
    `,
  );
  const [turn] = await transcript(
    await patientOnDay(29),
    `
    U: what should I do today
    A: Day 29 of your recovery
    A: You can schedule your follow-up session now.
    `,
  );
  // The day-29 card says it once, not as a to-do and again as the follow-up line.
  expect(turn?.card?.text.match(/follow-up session now/g)).toHaveLength(1);
});

test('"results keep building" is only said while it is true: up to about three months after treatment', async () => {
  await transcript(
    await patientOnDay(60),
    `
    U: what should I do today
    A: your results keep improving over two to three months after your treatment
    `,
  );
  await transcript(
    await patientOnDay(120),
    `
    U: what should I do today
    A: Day 120 of your recovery
    A!: keep building
    A!: keep improving
    A: With each appointment, you'll notice even better results.
    `,
  );
});

test('the next session: exactly how long since the treatment, and no "in 1 day" after "tomorrow"', async () => {
  await transcript(
    await patientOnDay(29),
    `
    U: when is my next session
    A: You can schedule your follow-up session now: it's been 4 weeks since your treatment.
    A!: over
    `,
  );
  await transcript(await patientOnDay(31), "U: when is my next session\nA: it's been 4 weeks and 2 days since your treatment");
  await transcript(
    await patientOnDay(28),
    `
    U: when is my next session
    A: You can book your next session from tomorrow, day 29.
    A!: That's in
    C!: in 1 day
    `,
  );
});

test('"when can I" answers are grammatical for every kind of name, and name what was asked', async () => {
  await transcript(
    await patientOnDay(1),
    `
    U: when can I exfoliate
    A: Exfoliating is fine again from Saturday, day 7. That's in 6 days.
    A!: You can have
    U: when can I use a toner
    A: Toners are fine again from Saturday, day 7.
    A: That day is a reading of the article your clinic has not confirmed yet.
    U: when can I go running
    A: Hard workouts are fine again from tomorrow, day 2.
    A: That day is a reading of the article your clinic has not confirmed yet.
    A!: That's in
    U: when can I use sunscreen
    A: You already can: it's always encouraged.
    A: wear a wide-brimmed hat and plenty of sunscreen, at least SPF 15, preferably higher than SPF 30
    A!: You can use moisturizer
    `,
  );
});

test('the day-1 briefing, as spoken with its closing question, stays under 25 seconds', async () => {
  const patient = await patientOnDay(1);
  const [asked] = await transcript(
    patient,
    'U: what should I do today\nA: Day 1, your treatment day.\nA: No makeup for 48 hours, until Tuesday.\nA: Extra sun precautions until November 15th.',
  );
  // A returning patient opening the skill hears the same briefing as the launch answer.
  const [opened] = await transcript(
    talk(h, { userId: `amzn1.ask.account.WORDING${n}`, at: morningOfDay(1) }),
    'U: open microneedling care\nA: Day 1, your treatment day.',
  );
  for (const turn of [asked, opened]) {
    expect(turn?.speech.endsWith('What else would you like to know?')).toBe(true);
    const ssml = (turn?.response.response.outputSpeech as { ssml: string } | undefined)?.ssml ?? '';
    expect(spokenSeconds(ssml)).toBeLessThan(25);
  }
});

test.each(Array.from({ length: 35 }, (_, i) => i + 1))(
  'day %i: the briefing stays under 25 seconds, says every restriction in force with its end (or just ended) and the sun care of its window',
  async (day) => {
    const patient = await patientOnDay(day);
    const [turn] = await transcript(patient, 'U: what should I do today');
    const ssml = (turn?.response.response.outputSpeech as { ssml: string } | undefined)?.ssml ?? '';
    expect(spokenSeconds(ssml)).toBeLessThanOrEqual(25);
    const plan = planForDay(testProtocol(), TREATMENT as IsoDate, day);
    // A day where a restriction ends says that first; otherwise the soonest one still in force is said.
    const told = plan.newlyAllowed.find((s) => s.activity.kind === 'avoid') ?? plan.offLimits.find((s) => s.activity.kind === 'avoid');
    if (told) expect(turn?.speech).toContain(told.activity.shortName);
    // Every restriction in force that day is named (issue 17), the sun's extra precautions in its window.
    for (const s of plan.offLimits) if (s.activity.kind === 'avoid') expect(turn?.speech).toContain(s.activity.shortName);
    if (day <= 14) expect(turn?.speech).toMatch(/extra sun precautions/i);
  },
);
