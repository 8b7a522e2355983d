import { addDays, type IsoDate } from '../../lambda/domain/calendar';
import { testProtocol } from '../support/testProtocol';
import { fullDate } from '../../lambda/speech/dates';
import { intentRequest } from '../../tools/envelope';
import { speechText } from '../../tools/simulator';
import { ACTIVITY_WORDS } from '../nlu/phraseBook';
import { newAccount } from '../support/patients';
import { startSkillHarness, type SkillHarness } from '../support/skillHarness';
import { talk } from '../support/talk';
import { transcript } from '../support/transcript';

/**
 * Issue 9, "hear every patient right": the examples that went wrong, through the NLU, the handler and
 * dynalite. Times are 8 a.m. in Los Angeles (16:00Z).
 */
let h: SkillHarness;
beforeAll(async () => {
  h = await startSkillHarness();
});
afterAll(() => h.stop());

const at = (day: string) => `${day}T16:00:00Z`;

async function newPatient(day: string, tag: string) {
  const userId = newAccount(tag);
  const patient = talk(h, { userId, at: at(day) });
  await patient.say('open microneedling care');
  return { patient, stored: async () => (await h.store.load({ userId }))?.profile.treatmentDate };
}

/** A patient whose treatment was `treatment`, stored without the dialogue, talking on `day`. */
async function treatedOn(treatment: string, day: string, tag: string) {
  const userId = newAccount(tag);
  await h.store.update({ userId }, () => ({ treatmentDate: treatment as IsoDate, history: [] }));
  return talk(h, { userId, at: at(day) });
}

describe('month-name dates land in their own month (said without a year, Alexa sends the next one)', () => {
  test.each([
    ['2026-12-01', 'october third', 'Saturday, October 3rd. That makes today day 60. Is that right?'],
    ['2026-12-01', 'june first', 'Monday, June 1st. That makes today day 184. Is that right?'],
    ['2026-12-01', 'may sixteenth', 'Saturday, May 16th. That makes today day 200. Is that right?'],
    ['2026-12-20', 'november twentieth', 'Friday, November 20th. That makes today day 31. Is that right?'],
  ])('on %s, "%s": %s', async (day, said, expected) => {
    const { patient, stored } = await newPatient(day, 'MONTH-');
    await transcript(patient, `U: ${said}\nA: ${expected}\nA!: December`);
    expect(await stored()).toBeUndefined();
    await transcript(patient, 'U: yes\nA: Got it');
    expect(await stored()).toBe(
      { 'october third': '2026-10-03', 'june first': '2026-06-01', 'may sixteenth': '2026-05-16', 'november twentieth': '2026-11-20' }[
        said
      ],
    );
  });
});

describe('"no" leads to the right date, never the same day twice', () => {
  test('a weekday: no → the one the week before → yes stores it', async () => {
    const { patient, stored } = await newPatient('2026-11-25', 'NO-');
    await transcript(
      patient,
      `
      U: friday
      A: Friday, November 20th. That makes today day 6. Is that right?
      U: no
      A: Then was it Friday, November 13th? That makes today day 13.
      U: yes
      A: Got it: Friday, November 13th. That makes today day 13.
      `,
    );
    expect(await stored()).toBe('2026-11-13');
  });

  test('a day of the month: no → the month is asked → the patient says it → stored after yes', async () => {
    const { patient, stored } = await newPatient('2026-11-25', 'NO-');
    await transcript(
      patient,
      `
      U: the twentieth
      A: Friday, November 20th. That makes today day 6. Is that right?
      U: no
      A: Please tell me the month and the day
      U: the twentieth
      A!: November 20th
      A: Saturday, December 20th
      U: no
      A: Please tell me the month and the day
      U: october twentieth
      A: Tuesday, October 20th. That makes today day 37. Is that right?
      U: yes
      A: Got it: Tuesday, October 20th.
      `,
    );
    expect(await stored()).toBe('2026-10-20');
  });

  test('a date said instead of yes or no corrects the day being confirmed', async () => {
    const { patient, stored } = await newPatient('2026-11-25', 'NO-');
    await transcript(
      patient,
      `
      U: friday
      A: Friday, November 20th. That makes today day 6. Is that right?
      U: no, the thirteenth
      A: Friday, November 13th. That makes today day 13. Is that right?
      U: yes
      A: Got it: Friday, November 13th.
      `,
    );
    expect(await stored()).toBe('2026-11-13');
  });

  test('the same weekday said again instead of yes or no offers the one before', async () => {
    const { patient } = await newPatient('2026-11-25', 'NO-');
    await transcript(
      patient,
      'U: friday\nA: Friday, November 20th.\nU: no, it was friday\nA: Friday, November 13th. That makes today day 13. Is that right?',
    );
  });

  test('a definite date after a no is stored at once', async () => {
    const { patient, stored } = await newPatient('2026-11-25', 'NO-');
    await transcript(
      patient,
      'U: the twentieth\nA: Is that right?\nU: no\nA: month and the day\nU: november twentieth twenty twenty six\nA: Got it: Friday, November 20th.',
    );
    expect(await stored()).toBe('2026-11-20');
  });
});

describe('a weekday said on that weekday', () => {
  test('"Wednesday" on a Wednesday is a week ago first, then today — never taken for "today" unasked', async () => {
    const { patient, stored } = await newPatient('2026-11-25', 'WEEKDAY-');
    await transcript(
      patient,
      `
      U: wednesday
      A: Wednesday, November 18th. That makes today day 8. Is that right?
      U: no
      A: Then was it Wednesday, November 25th? That makes today day 1.
      U: yes
      A: Got it: Wednesday, November 25th. That makes today day 1.
      `,
    );
    expect(await stored()).toBe('2026-11-25');
  });

  test('a new treatment said as that weekday skips the days before the current treatment', async () => {
    const patient = await treatedOn('2026-11-24', '2026-11-25', 'WEEKDAY-');
    await transcript(
      patient,
      `
      U: open microneedling care
      U: I had another treatment on wednesday
      A: Wednesday, November 25th. That makes today day 1. Is that right?
      U: yes
      A: your new treatment was Wednesday, November 25th
      `,
    );
  });

  test('words that are no weekday in the weekday slot (a custom slot takes anything) are not a date', async () => {
    const { patient, stored } = await newPatient('2026-11-25', 'WEEKDAY-');
    const turn = await patient.intent('SetTreatmentDateIntent', { weekday: 'play music' });
    expect(turn.speech).toContain("Sorry, I didn't catch a day.");
    expect(turn.sessionEnded).toBe(false);
    expect(await stored()).toBeUndefined();
  });

  test('"today" is still today, stored at once', async () => {
    const { patient, stored } = await newPatient('2026-11-25', 'WEEKDAY-');
    await transcript(patient, 'U: today\nA: Got it: Wednesday, November 25th. That makes today day 1.');
    expect(await stored()).toBe('2026-11-25');
  });
});

describe('a date carried in session state is checked again when confirmed', () => {
  /** A yes sent with session attributes edited on the way (the device returns them unverified). */
  async function yesWith(userId: string, pending: Record<string, unknown>) {
    h.api.settings.zonesByDevice['device-forged'] = 'America/Los_Angeles';
    const response = await h.invoke(
      intentRequest(
        'AMAZON.YesIntent',
        {},
        {
          userId,
          deviceId: 'device-forged',
          apiEndpoint: h.api.endpoint,
          timestamp: at('2026-11-25'),
          newSession: false,
          sessionAttributes: { pending },
        },
      ),
    );
    return speechText((response.response.outputSpeech as { ssml: string }).ssml);
  }

  test('a forged confirmDate of 2099-12-31 is not stored (the question is asked again)', async () => {
    const userId = newAccount('FORGED-');
    const said = await yesWith(userId, { kind: 'confirmDate', date: '2099-12-31', newTreatment: false });
    expect(said).toContain('is still to come');
    expect(said).toContain('Which day was your treatment?');
    expect(await h.store.load({ userId })).toBeUndefined();
  });

  test('a forged new treatment before the current one is not stored', async () => {
    const userId = newAccount('FORGED-');
    await h.store.update({ userId }, () => ({ treatmentDate: '2026-11-20' as IsoDate, history: [] }));
    const said = await yesWith(userId, { kind: 'confirmDate', date: '2026-11-01', newTreatment: true });
    expect(said).toContain('Your current treatment was on Friday, November 20th');
    expect((await h.store.load({ userId }))?.profile.treatmentDate).toBe('2026-11-20');
  });
});

describe('a question about another day is answered for that day', () => {
  test('the examples: a run tomorrow on day 1, makeup tomorrow on day 2', async () => {
    await transcript(
      await treatedOn('2026-11-25', '2026-11-25', 'DAY-'),
      'U: can I go for a run tomorrow\nA: Tomorrow is day 2. Yes: from that day, the wait for hard workouts is over.\nA!: Not yet',
    );
    await transcript(
      await treatedOn('2026-11-24', '2026-11-25', 'DAY-'),
      'U: can I wear makeup tomorrow\nA: Tomorrow is day 3. Yes: from that day\nA: makeup\nA!: Not yet',
    );
  });

  test('on Saturday, on day 9, next week; today stays the default', async () => {
    const patient = await treatedOn('2026-11-20', '2026-11-25', 'DAY-');
    await transcript(
      patient,
      `
      U: can I take ibuprofen on saturday
      A: Saturday is day 9. Yes:
      A: fine from day 8.
      U: can I use retinol on day nine
      A: Saturday is day 9. Yes:
      A: fine from day 7.
      U: can I use ice next week
      A: /^The week of November 30th is days 11 to 17\\. Monday is day 11\\. Yes/
      U: can I take ibuprofen
      A!: /is day \\d/
      A: day 8
      U: can I take ibuprofen tomorrow
      A: Tomorrow is day 7. Not yet: no ibuprofen
      A: until Friday, day 8
      `,
    );
  });

  test('asked before the date is known, the other day is answered once it is', async () => {
    const { patient } = await newPatient('2026-11-25', 'DAY-');
    await transcript(
      patient,
      `
      U: ask microneedling care can I wear makeup tomorrow
      A: I don't know your treatment date yet.
      U: yesterday
      A: Got it: Tuesday, November 24th. That makes today day 2.
      A: Tomorrow is day 3. Yes: from that day
      `,
    );
  });

  test('"which day?" answered with a weekday alone is the coming one', async () => {
    const patient = await treatedOn('2026-11-20', '2026-11-25', 'DAY-');
    await transcript(
      patient,
      'U: open microneedling care\nU: what about next week\nA: Which day would you like to hear about?\nU: friday\nA: Friday is day 8.',
    );
  });

  const protocol = testProtocol();
  test.each(protocol.activities.filter((a) => a.kind !== 'encouraged').map((a) => [a.id, a.avoidThroughDay] as const))(
    '"can I … tomorrow" for %s on its last restricted day (day %i) says tomorrow it is fine',
    async (id, lastDay) => {
      const today = '2026-11-25' as IsoDate;
      const patient = await treatedOn(addDays(today, 1 - lastDay), today, 'LAST-');
      const activity = protocol.activities.find((a) => a.id === id);
      // An activity the phrase book has no words for yet is asked about by its first synonym.
      const words = ACTIVITY_WORDS[id]?.[0] ?? `use ${activity?.synonyms[0] ?? id}`;
      const kind = activity?.kind;
      await transcript(
        patient,
        `U: can I ${words} tomorrow\nA: Tomorrow is day ${lastDay + 1}.\nA: ${kind === 'limit' ? 'As of that day, your first 14 days of extra precautions are over' : 'Yes: from that day'}\nA!: Not yet`,
      );
    },
  );
});

describe('everyday words', () => {
  test.each([
    ['can I use a sauna', 'can I use the sauna'],
    ['can I go to the sauna', 'can I use the sauna'],
    ['can I go in steam rooms', 'can I use the sauna'],
    ['can I use my retinol cream', 'can I use retinol'],
    ['can I use my face scrub', 'can I exfoliate'],
    ['can I go for a run', 'can I exercise'],
    ['can I take an advil', 'can I take advil'],
    ['can I put on my mascara', 'can I wear makeup'],
  ])('"%s" is answered as "%s" (articles, possessives, plurals, leading verbs)', async (everyday, plain) => {
    const patient = await treatedOn('2026-11-20', '2026-11-25', 'WORDS-');
    const expected = (await patient.say(plain)).speech;
    const heard = (await patient.say(everyday)).speech;
    expect(expected).not.toContain("I don't have guidance");
    expect(heard).toBe(expected);
  });

  test('a topic the article does not cover is named as the clinic lists it; an unknown one is not echoed', async () => {
    const patient = await treatedOn('2026-11-20', '2026-11-25', 'WORDS-');
    await transcript(
      patient,
      `
      U: can I go for a swim
      A: Your clinic's aftercare doesn't cover swimming and pools; please ask your clinic.
      U: can I shave
      A: Your clinic's aftercare doesn't cover shaving; please ask your clinic.
      U: can I ride a horse
      A: Your clinic's aftercare doesn't cover that; please ask your clinic. I can tell you about
      A!: ride
      `,
    );
  });

  test('"I just had my microneedling today" stores today', async () => {
    const { patient, stored } = await newPatient('2026-11-25', 'CARRIER-');
    await transcript(patient, 'U: I just had my microneedling today\nA: Got it: Wednesday, November 25th. That makes today day 1.');
    expect(await stored()).toBe('2026-11-25');
  });
});

describe('reminder times with a word in front, and a plain no', () => {
  test.each([
    ['sure, at 6:45', '6:45 AM'],
    ['yes, 8 am', '8 AM'],
    ['8 in the morning', '8 AM'],
    ['yes, at 7 in the morning', '7 AM'],
    ['okay, at 7:15', '7:15 AM'],
  ])('"%s" answers "what time?" (%s)', async (said, time) => {
    const { patient } = await newPatient('2026-11-25', 'TIME-');
    await transcript(
      patient,
      `U: yesterday\nA: Would you like a short reminder each morning? If so, what time?\nU: ${said}\nA: each at ${time}\nA: Shall I set them?`,
    );
  });

  test('"no reminders please" is a plain no', async () => {
    const { patient } = await newPatient('2026-11-25', 'TIME-');
    await transcript(
      patient,
      "U: yesterday\nA: Would you like a short reminder each morning?\nU: no reminders please\nA: Okay, no reminders.\nA!: You don't have any reminders",
    );
  });
});

test('the dates in these answers are the ones fullDate would say', () => {
  // Guards the literal dates above against a calendar slip.
  expect(fullDate('2026-10-03' as IsoDate)).toBe('Saturday, October 3rd');
  expect(fullDate('2026-06-01' as IsoDate)).toBe('Monday, June 1st');
});
