import data from '../fixtures/protocol.json';
import type { IsoDate } from '../../lambda/domain/calendar';
import { parseProtocol } from '../../lambda/protocol/load';
import { newAccount } from '../support/patients';
import { startSkillHarness, type SkillHarness } from '../support/skillHarness';
import { talk } from '../support/talk';
import { transcript } from '../support/transcript';

/**
 * Issue 18, "understood as patients talk": every example under "What goes wrong today", said on
 * Wednesday 2026-11-25 at 8 a.m. in Los Angeles, through the simulator's NLU, the skill's handler and
 * dynalite. The clinic has a phone here (the template's placeholder is never spoken). Whether the strict
 * matcher hears the same words is test/nlu/corpus.test.ts's and the last test's business.
 */
let h: SkillHarness;
beforeAll(async () => {
  h = await startSkillHarness();
});
afterAll(() => h.stop());

const AT = '2026-11-25T16:00:00Z';
const CLINIC = {
  name: 'Bright Skin Clinic',
  phone: '555-0100',
  emergencyLine: '911',
  privacyPolicyUrl: 'https://example.com/p',
  termsOfUseUrl: 'https://example.com/t',
};
let invoke: ReturnType<SkillHarness['skillWith']>;
beforeAll(() => {
  invoke = h.skillWith({ protocol: parseProtocol(data, CLINIC) });
});

/** A patient treated on Friday 2026-11-20 (day 6 today), in an open session. */
async function onDay6(tag: string) {
  const userId = newAccount(tag);
  await h.store.update({ userId }, () => ({ treatmentDate: '2026-11-20' as IsoDate, history: [] }));
  const patient = talk(h, { userId, at: AT, invoke });
  await patient.say('open microneedling care');
  return { patient, stored: async () => (await h.store.load({ userId }))?.profile };
}

/** A first-time patient, asked "when was your treatment?". */
async function asked(tag: string) {
  const userId = newAccount(tag);
  const patient = talk(h, { userId, at: AT, invoke });
  await patient.say('open microneedling care');
  return { patient, stored: async () => (await h.store.load({ userId }))?.profile };
}

const NOT_UNDERSTOOD = "Sorry, I can't help with that";

describe('questions the strict matcher missed are understood and answered (day 6)', () => {
  test.each([
    ['can I take ibuprofen for the pain', 'no ibuprofen or other anti-inflammatories until Friday, day 8'],
    ['can I put on makeup tonight', 'makeup has been fine since day 3'],
    ['can I take Tylenol', "doesn't cover painkillers in general"],
    ['my face is swollen, is that normal', 'call Bright Skin Clinic at 555-0100'],
    ['my face is really red, is that normal', 'call Bright Skin Clinic at 555-0100'],
    ['my skin is peeling is that normal', 'On days 3 to 6, slight peeling is normal'],
    ['when can I book my next appointment', 'You can book your next session from Friday, December 18th, day 29'],
    ['can I use a tanning bed', 'tanning and sunbathing are never a good idea'],
    ["what's the clinic's phone number", 'You can reach Bright Skin Clinic at 555-0100'],
    ['I want to talk to someone', 'You can reach Bright Skin Clinic at 555-0100'],
    ['how long will the redness last', 'On your treatment day, redness and irritation, like a mild sunburn, are normal'],
    ['when will I see results', 'results keep improving over two to three months'],
    ['how long will I be peeling', 'On days 3 to 6, slight peeling is normal'],
    ['how long will the swelling last', 'call Bright Skin Clinic at 555-0100'],
    ['how long does healing take', 'From day 7, your skin has healed, at least on the surface'],
    ['can I go to the beach this weekend', 'wide-brimmed hat'],
    ['um, so can I wear makeup', 'makeup has been fine since day 3'],
    ['okay so what should I do today', 'Day 6 of your recovery'],
    // Two clauses in one breath: the question is the second.
    ['I have a headache, can I take ibuprofen', 'no ibuprofen or other anti-inflammatories until Friday'],
  ])('"%s" → %s', async (said, expected) => {
    const { patient } = await onDay6('HEARD-');
    await transcript(patient, `U: ${said}\nA: ${expected}\nA!: ${NOT_UNDERSTOOD}`);
  });

  test('"thank you" is answered kindly, and the patient is done', async () => {
    const { patient } = await onDay6('THANKS-');
    const [turn] = await transcript(patient, "U: thank you\nA: You're welcome\nA!: Sorry");
    expect(turn?.sessionEnded).toBe(true);
  });

  test('"I don\'t know" out of the blue: what the patient can say, never a "sorry"', async () => {
    const { patient } = await onDay6('DUNNO-');
    await transcript(patient, "U: I don't know\nA: That's okay\nA: what should I do today\nA!: Sorry");
  });
});

describe('corrections offer the change (stored: Friday, November 20th)', () => {
  test.each([
    ['actually it was Wednesday', 'Change your treatment date from Friday, November 20th to Wednesday, November 18th?', '2026-11-18'],
    [
      'I gave you the wrong date, it was the 19th',
      'Change your treatment date from Friday, November 20th to Thursday, November 19th?',
      '2026-11-19',
    ],
  ])('"%s" → %s, yes stores it', async (said, offer, date) => {
    const { patient, stored } = await onDay6('FIX-');
    await transcript(patient, `U: ${said}\nA: ${offer}`);
    expect((await stored())?.treatmentDate).toBe('2026-11-20');
    await transcript(patient, 'U: yes\nA: Got it');
    expect((await stored())?.treatmentDate).toBe(date);
  });
});

test('"I had my second microneedling session today" restarts the count, the first kept as history', async () => {
  const { patient, stored } = await onDay6('SECOND-');
  await transcript(
    patient,
    'U: I had my second microneedling session today\nA: Wednesday, November 25th\nA: day 1\nA!: makeup has been fine',
  );
  const profile = await stored();
  expect(profile?.treatmentDate).toBe('2026-11-25');
  expect(profile?.history).toContain('2026-11-20');
});

describe('dates as patients say them, to "when was your treatment?"', () => {
  test.each([
    ['two days ago', 'Got it: Monday, November 23rd. That makes today day 3.', '2026-11-23'],
    ['a week ago', 'Got it: Wednesday, November 18th. That makes today day 8.', '2026-11-18'],
    ['last night', 'Got it: Tuesday, November 24th. That makes today day 2.', '2026-11-24'],
    ['this past Saturday', 'Got it: Saturday, November 21st. That makes today day 5.', '2026-11-21'],
  ])('"%s" → %s', async (said, expected, date) => {
    const { patient, stored } = await asked('DATE-');
    await transcript(patient, `U: ${said}\nA: ${expected}`);
    expect((await stored())?.treatmentDate).toBe(date);
  });

  test.each([
    // Alexa sends the next 20th (December 20th) or next November 20th (2027): the past one is proposed.
    ['Friday the 20th', 'Friday, November 20th. That makes today day 6. Is that right?', '2026-11-20'],
    ['the 20th of November', 'Friday, November 20th. That makes today day 6. Is that right?', '2026-11-20'],
    // Said on the 25th, "the first" is this month's, not last Tuesday (npm start said "Tuesday, November 24th?").
    ['on the first', 'Sunday, November 1st. That makes today day 25. Is that right?', '2026-11-01'],
  ])('"%s" → %s, yes stores it', async (said, expected, date) => {
    const { patient, stored } = await asked('GUESS-');
    await transcript(patient, `U: ${said}\nA: ${expected}`);
    await transcript(patient, 'U: yes\nA: Got it');
    expect((await stored())?.treatmentDate).toBe(date);
  });

  test('"yesterday at 3 pm": the date and the appointment time together', async () => {
    const { patient, stored } = await asked('TIME-');
    await transcript(
      patient,
      'U: yesterday at 3 pm\nA: Got it: Tuesday, November 24th\nA: your appointment was at 3 PM\nA: makeup is fine from 3 PM tomorrow\nA!: If you tell me your appointment time',
    );
    expect((await stored())?.appointment).toEqual({ date: '2026-11-24', time: '15:00' });
  });

  test('"it was on the 24th at 2 pm": confirmed, then stored with its time', async () => {
    const { patient, stored } = await asked('TIME2-');
    await transcript(
      patient,
      'U: it was on the 24th at 2 pm\nA: Tuesday, November 24th. That makes today day 2. Is that right?\nU: yes\nA: your appointment was at 2 PM',
    );
    expect((await stored())?.appointment).toEqual({ date: '2026-11-24', time: '14:00' });
  });

  test('"my appointment was Tuesday at 10 in the morning" is understood (npm start asked for the date first)', async () => {
    const { patient, stored } = await asked('TIME3-');
    await transcript(
      patient,
      'U: my appointment was Tuesday at 10 in the morning\nA: Tuesday, November 24th. That makes today day 2. Is that right?\nA!: I need your treatment date\nU: yes\nA: your appointment was at 10 AM',
    );
    expect((await stored())?.appointment).toEqual({ date: '2026-11-24', time: '10:00' });
  });

  test('"next Friday" is still to come, never a past Friday (npm start said "Wednesday, November 4th?")', async () => {
    const { patient, stored } = await asked('AHEAD-');
    await transcript(patient, 'U: next Friday\nA: is still to come\nA!: November 4th\nA!: November 20th\nA: Which day was your treatment?');
    expect(await stored()).toBeUndefined();
  });

  test('"I don\'t know": the clinic has the date, with its phone, and the question stays open', async () => {
    const { patient, stored } = await asked('DUNNO-DATE-');
    await transcript(
      patient,
      "U: I don't know\nA: That's okay\nA: call Bright Skin Clinic at 555-0100\nU: yesterday\nA: Got it: Tuesday, November 24th",
    );
    expect((await stored())?.treatmentDate).toBe('2026-11-24');
  });

  test('"what\'s the clinic\'s number" while the date is asked: the number, then the question again', async () => {
    const { patient } = await asked('NUMBER-');
    await transcript(
      patient,
      "U: what's the clinic's number\nA: You can reach Bright Skin Clinic at 555-0100\nA: When was your treatment?",
    );
  });
});

describe('nothing understood twice in a row', () => {
  test("the re-prompt offers the three most useful things to say and the clinic's phone", async () => {
    const { patient } = await onDay6('MISS-');
    await transcript(patient, "U: flurb gorp\nA: Sorry, I can't help with that\nU: zorp blat\nA: Sorry, I still didn't understand");
    const turns = await transcript(patient, 'U: blorp');
    // The third miss still offers them; the re-prompt is what Alexa says after silence.
    expect(turns[0]?.reprompt).toMatch(
      /what should I do today, can I wear makeup, or when is my next session\. Or call Bright Skin Clinic at 555-0100\./,
    );
  });

  test("waiting for the date: three ways to say a day and the clinic's phone", async () => {
    const { patient } = await asked('MISS-DATE-');
    await transcript(
      patient,
      "U: flurb gorp\nA: didn't catch a day\nU: zorp blat\nA: Sorry, I still didn't catch a day. You can say a day like yesterday, last Friday, or November 20th. If you don't know the date, call Bright Skin Clinic at 555-0100.",
    );
  });

  test('one miss, then an understood question, then a miss: the first kind of "sorry" again', async () => {
    const { patient } = await onDay6('MISS-RESET-');
    await transcript(
      patient,
      "U: flurb gorp\nA: Sorry, I can't help with that\nU: can I wear makeup\nA: makeup\nU: zorp blat\nA: Sorry, I can't help with that",
    );
  });
});
