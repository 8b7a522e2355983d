import { startSkillHarness, type SkillHarness } from '../support/skillHarness';
import { talk } from '../support/talk';
import { transcript } from '../support/transcript';

// Wednesday, November 25th, 2026, 8 a.m. in Los Angeles.
const MORNING = '2026-11-25T16:00:00Z';
let h: SkillHarness;
beforeAll(async () => {
  h = await startSkillHarness();
});
afterAll(() => h.stop());

test('a new patient hears the disclaimer, sets the date, asks about the day, and is remembered next time', async () => {
  const patient = talk(h, { userId: 'amzn1.ask.account.NEW', at: MORNING });
  await transcript(
    patient,
    `
    U: open microneedling care
    A: not medical advice
    A: When was your treatment?
    U: I had it done on friday
    A: Friday, November 20th. That makes today day 6. Is that right?
    U: yes
    A: Got it: Friday, November 20th
    A: Would you like a short reminder each morning?
    U: no thanks
    U: what should I do today
    A: Day 6 of your recovery
    A: Let the peeling come off on its own
    A: Pending your clinic's review: no exfoliating, retinoids, toners or fragrance until tomorrow
    A: Extra sun precautions until December 4th.
    C: Still off limits
    C: Anti-inflammatory medicines, like ibuprofen, aspirin or naproxen: until Friday, November 27th (day 8)
    U: can I wear makeup yet
    A: Yes, makeup has been fine since day 3
    U: hey can I take an advil
    A: Not yet: no Advil or other anti-inflammatories until Friday, day 8
    U: is it ok to go to the gym
    A: /^Yes/
    U: when can I use retinol again
    A: Retinoids are fine again from tomorrow, day 7.
    A!: That's in
    U: what about the sauna
    A: Yes
    U: can I go to the beach
    A: Your extra precautions last until Friday, December 4th, day 15.
    A: at least SPF 15, preferably higher than SPF 30
    U: thanks, bye
    A: Goodbye
    `,
  );
  expect(patient.sessionOpen).toBe(false);

  // A new session the next morning: a returning patient gets the briefing straight away.
  const nextDay = talk(h, { userId: 'amzn1.ask.account.NEW', at: '2026-11-26T16:00:00Z' });
  await transcript(
    nextDay,
    `
    U: open microneedling care
    A: Day 7 of your recovery
    A: From today, pending your clinic's review, exfoliating, retinoids, toners and fragrance are fine again
    A!: not medical advice
    U: stop
    A: Goodbye
    `,
  );
});

test('a one-shot question works without a launch, and closes', async () => {
  const patient = talk(h, { userId: 'amzn1.ask.account.ONESHOT', at: MORNING });
  await transcript(
    patient,
    `
    U: open microneedling care
    U: yesterday
    A: Got it: Tuesday, November 24th. That makes today day 2
    U: stop
    U: ask microneedling care can I wear makeup
    A: Not yet: no makeup until tomorrow, day 3
    A!: What else
    `,
  );
  expect(patient.lastTurn?.sessionEnded).toBe(true);
});

test('a one-shot before any date asks for it, then answers the question that was asked', async () => {
  const patient = talk(h, { userId: 'amzn1.ask.account.DEFERRED', at: MORNING });
  await transcript(
    patient,
    `
    U: ask microneedling care when can I take ibuprofen
    A: I don't know your treatment date yet
    U: monday
    A: Monday, November 23rd. That makes today day 3. Is that right?
    U: yeah
    A: Got it: Monday, November 23rd
    A: Ibuprofen and other anti-inflammatories are fine again from Monday, day 8, once a full week has passed since your appointment. That's in 5 days
    `,
  );
});

test('a wrong guess is corrected, and nothing is stored until the date is definite', async () => {
  const patient = talk(h, { userId: 'amzn1.ask.account.CORRECT', at: MORNING });
  await transcript(
    patient,
    `
    U: open microneedling care
    U: the twentieth
    A: Friday, November 20th. That makes today day 6. Is that right?
    U: no
    A: Which day was your treatment?
    `,
  );
  expect(await h.store.load({ userId: 'amzn1.ask.account.CORRECT' })).toBeUndefined();
  await transcript(
    patient,
    `
    U: november twenty first
    A: Saturday, November 21st. That makes today day 5. Is that right?
    U: cancel
    A: I haven't saved anything
    `,
  );
  expect(await h.store.load({ userId: 'amzn1.ask.account.CORRECT' })).toBeUndefined();
});
