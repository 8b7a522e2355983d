import { startSkillHarness, type SkillHarness } from '../support/skillHarness';
import { talk } from '../support/talk';
import { transcript } from '../support/transcript';

// Wednesday, November 25th, 2026, 8 a.m. in Los Angeles.
const MORNING = '2026-11-25T16:00:00Z';
let h: SkillHarness;
let n = 0;
beforeAll(async () => {
  h = await startSkillHarness();
});
afterAll(() => h.stop());

/** A fresh patient who has just been asked for their treatment date. */
async function asked() {
  const patient = talk(h, { userId: `amzn1.ask.account.DATES${++n}`, at: MORNING });
  await patient.say('open microneedling care');
  return patient;
}

describe('every shape of AMAZON.DATE, as a patient would say it', () => {
  test.each([
    ['today', 'Got it: Wednesday, November 25th. That makes today day 1'],
    ['yesterday', 'Got it: Tuesday, November 24th. That makes today day 2'],
    ['the day before yesterday', 'Got it: Monday, November 23rd. That makes today day 3'],
    ['three days ago', 'Got it: Sunday, November 22nd. That makes today day 4'],
    ['last tuesday', 'Got it: Tuesday, November 24th'],
    ['november twentieth twenty twenty six', 'Got it: Friday, November 20th'],
  ])('a definite past day is saved at once: "%s"', async (said, expected) => {
    await transcript(await asked(), `U: ${said}\nA: ${expected}`);
  });

  test.each([
    ['friday', 'Friday, November 20th. That makes today day 6. Is that right?'],
    ['on monday', 'Monday, November 23rd. That makes today day 3. Is that right?'],
    ['the twentieth', 'Friday, November 20th. That makes today day 6. Is that right?'],
    ['november twenty fourth', 'Tuesday, November 24th. That makes today day 2. Is that right?'],
    ['october thirtieth', 'Friday, October 30th. That makes today day 27. Is that right?'],
  ])('a day Alexa moves to its next occurrence is moved back and confirmed: "%s"', async (said, expected) => {
    const patient = await asked();
    await transcript(patient, `U: ${said}\nA: ${expected}`);
    expect(await h.store.load({ userId: `amzn1.ask.account.DATES${n}` })).toBeUndefined();
  });

  test.each([
    ['this week'],
    ['last week'],
    ['this weekend'],
    ['november'],
    ['last month'],
    ['this winter'],
    ['this year'],
    ['the nineties'],
    ['right now'],
  ])('a vague "%s" gets a question for the exact day, and nothing is stored', async (said) => {
    await transcript(await asked(), `U: it was ${said}\nA: I need the exact day of your treatment`);
    expect(await h.store.load({ userId: `amzn1.ask.account.DATES${n}` })).toBeUndefined();
  });

  test('no date at all: asked again', async () => {
    await transcript(await asked(), 'U: set my treatment date\nA: When was your treatment?');
  });

  test('a future date is never stored', async () => {
    await transcript(await asked(), 'U: my treatment was on january fifth twenty twenty eight\nA: is still to come');
    expect(await h.store.load({ userId: `amzn1.ask.account.DATES${n}` })).toBeUndefined();
  });

  test('an impossible date Alexa might pass through is refused politely', async () => {
    const patient = await asked();
    const turn = await patient.intent('SetTreatmentDateIntent', { date: '2026-02-30' });
    expect(turn.speech).toContain("that isn't a date I know");
    expect(turn.sessionEnded).toBe(false);
  });

  test.each([
    ['XXXX-11-20', 'Got it: Friday, November 20th'],
    ['XXXX-XX-24', 'Got it: Tuesday, November 24th'],
    ['XXXX-W47', 'I need the exact day'],
    ['PRESENT_REF', 'I need the exact day'],
    ['2026-W47-WE', 'I need the exact day'],
  ])('the "%s" form Alexa sends for some phrases', async (value, expected) => {
    const turn = await (await asked()).intent('SetTreatmentDateIntent', { date: value });
    expect(turn.speech).toContain(expected);
  });

  test('something that is not a date while a date is expected: asked again', async () => {
    await transcript(await asked(), "U: banana smoothie recipes\nA: I didn't catch a day");
  });
});
