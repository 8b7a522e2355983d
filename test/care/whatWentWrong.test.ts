import { reminderPlan } from '../../lambda/domain/reminderPlan';
import type { ClockTime } from '../../lambda/domain/clockTime';
import { reminderText } from '../../lambda/speech/reminders.en-US';
import { testProtocol } from '../support/testProtocol';
import { startSkillHarness, type SkillHarness } from '../support/skillHarness';
import { transcript } from '../support/transcript';
import { CLINIC, newPatient, patientOnDay, TREATMENT, withClinic } from './support';

/**
 * Every example of the "What goes wrong today", as the patient hears it now. Treatment on
 * Sunday, November 1st, 2026; day N is November N, 8 a.m. in Los Angeles.
 */
let h: SkillHarness;
beforeAll(async () => {
  h = await startSkillHarness();
});
afterAll(() => h.stop());

const CALL = `Please call ${CLINIC.name} at ${CLINIC.phone}`;
/** Makeup's window as the clinic's data has it (the article's 48 hours, or the clinic's own). */
const MAKEUP = testProtocol().activities.find((a) => a.id === 'makeup')!;

describe('symptoms reach the clinic, never a care tip', () => {
  test.each([
    'my face is really swollen and hot',
    'I think it might be infected',
    'there is pus',
    'I have a fever',
    'is it normal to bleed',
  ])('"%s"', async (said) => {
    await transcript(
      await patientOnDay(h, 4),
      `
      U: ${said}
      A: I can't check symptoms. ${CALL}.
      A: If it's an emergency, call 911.
      A!: Sorry, I can't help with that
      A!: makeup
      C: ${CLINIC.phone}
      `,
    );
  });

  test('"my skin is blistering" on day 8 is not the day plan, and never ibuprofen or ice', async () => {
    await transcript(
      await patientOnDay(h, 8),
      `
      U: my skin is blistering
      A: I can't check symptoms. ${CALL}.
      A!: ibuprofen
      A!: /\\bice\\b/
      A!: fine again
      `,
    );
  });

  test('a fallback names the clinic for a worry', async () => {
    const patient = await patientOnDay(h, 4);
    const turn = await patient.intent('AMAZON.FallbackIntent');
    expect(turn.speech).toContain(`If you're worried about your skin, call ${CLINIC.name} at ${CLINIC.phone}.`);
  });
});

describe('prescriptions go to the doctor; anti-inflammatories are named as themselves', () => {
  test.each(['Accutane', 'isotretinoin', 'my medication', 'my prescription'])('day 7, "can I take %s"', async (drug) => {
    await transcript(
      await patientOnDay(h, 7),
      `
      U: can I take ${drug}
      A: please talk to your doctor
      A!: Yes
      A!: the wait for
      A!: ease back
      `,
    );
  });

  test('"can I take aspirin" answers about aspirin, as one of the anti-inflammatories', async () => {
    await transcript(
      await patientOnDay(h, 3),
      `
      U: can I take aspirin
      A: Not yet: no aspirin or other anti-inflammatories until Sunday, day 8, once a full week has passed since your appointment.
      A: like ibuprofen, aspirin or naproxen
      A!: no ibuprofen
      A: If it was prescribed, talk to your doctor before stopping it.
      U: can I take naproxen
      A: no naproxen or other anti-inflammatories until
      A!: prescribed
      U: can I take painkillers
      A: Your clinic's aftercare doesn't cover painkillers in general; please ask ${CLINIC.name} at ${CLINIC.phone}.
      A!: anti-inflammatories
      `,
    );
  });
});

describe('the sun', () => {
  test('tanning and sunbathing are never allowed, on any day', async () => {
    for (const day of [3, 26, 60]) {
      await transcript(
        await patientOnDay(h, day),
        `
        U: can I go tanning
        A: /^No: tanning and sunbathing are never a good idea/
        A!: With care
        U: can I go sunbathing
        A: /^No:/
        `,
      );
    }
  });

  test('"can I stop wearing sunscreen" is a no, and "what SPF" gets at least 15, preferably above 30', async () => {
    await transcript(
      await patientOnDay(h, 26),
      `
      U: can I stop wearing sunscreen
      A: /^No, keep it up\\. Whenever you go outside, wear a wide-brimmed hat and plenty of sunscreen, at least SPF 15, preferably higher than SPF 30/
      A!: Yes, always
      U: what SPF should I use
      A: at least SPF 15, preferably higher than SPF 30
      A: wide-brimmed hat
      `,
    );
  });

  test.each([1, 2, 3, 5, 7, 8, 10, 14])(
    'the day %i briefing says the extra sun precautions with their end; hat and SPF in speech when they fit, always on the card',
    async (day) => {
      const turn = await (await patientOnDay(h, day)).say('what should I do today');
      expect(turn.speech).toMatch(/extra sun precautions/i);
      expect(turn.speech).toMatch(/November 15th|Sunday|tomorrow/);
      if (day >= 9) expect(turn.speech).toContain('a wide-brimmed hat, and sunscreen of at least SPF 15, preferably above SPF 30');
      expect(turn.card?.text).toContain('wear a wide-brimmed hat and plenty of sunscreen, at least SPF 15, preferably higher than SPF 30');
      expect(`${turn.speech} ${turn.card?.text}`).not.toMatch(/carefully|with care|any time|sunscreen above SPF 30/i);
    },
  );
});

describe('"at least": never fine before the minimum has passed', () => {
  test("makeup's last day and first free day: it waits for its hours after the appointment, said in hours", async () => {
    await transcript(
      await patientOnDay(h, MAKEUP.avoidThroughDay),
      `
      U: can I wear makeup
      A: Not yet: no makeup until tomorrow, day ${MAKEUP.avoidThroughDay + 1}, once ${MAKEUP.atLeastHours} hours have passed since your appointment.
      A!: Just one more day
      `,
    );
    await transcript(
      await patientOnDay(h, MAKEUP.avoidThroughDay + 1),
      `
      U: can I wear makeup
      A: From today, once ${MAKEUP.atLeastHours} hours have passed since your appointment, makeup is fine again.
      A: Mineral makeup is recommended.
      A!: Yes
      U: when can I wear makeup
      A: From today, once ${MAKEUP.atLeastHours} hours have passed since your appointment.
      U: what should I do today
      A: From today, ${MAKEUP.atLeastHours} hours after your appointment, makeup is fine again. Mineral makeup is recommended.
      A!: /From today, makeup is fine/
      `,
    );
  });

  test('day 8: anti-inflammatories wait for a full week after the appointment', async () => {
    await transcript(
      await patientOnDay(h, 8),
      `
      U: can I take ibuprofen
      A: From today, once a full week has passed since your appointment, ibuprofen and other anti-inflammatories are fine again.
      A!: Yes
      U: can I take advil
      A: Advil and other anti-inflammatories
      `,
    );
  });

  test("the 7:30 reminder on makeup's first free day does not call it fine before its hours have passed", () => {
    const first = reminderPlan(testProtocol(), TREATMENT as never, '07:30' as ClockTime).find((e) => e.day === MAKEUP.avoidThroughDay + 1);
    const text = reminderText(first!, testProtocol());
    expect(text).toContain(`From today, ${MAKEUP.atLeastHours} hours after your appointment, makeup is fine again.`);
    expect(text).not.toMatch(/From today, makeup is fine/);
  });

  test('the day-8 reminder says a full week after the appointment', () => {
    const day8 = reminderPlan(testProtocol(), TREATMENT as never, '07:30' as ClockTime).find((e) => e.day === 8);
    expect(reminderText(day8!, testProtocol())).toContain('a full week after your appointment, anti-inflammatories are fine again');
  });
});

describe('no invented advice', () => {
  const INVENTED = [
    /recovery is complete/i,
    /sweat and heat irritate/i,
    /rinse your face gently/i,
    /keep it short while your skin/i,
    /keep it brief and wrapped/i,
    /scrubbing or picking can scar/i,
    /one product at a time/i,
    /a few nights a week/i,
    /start gently/i,
    /ask your provider/i,
  ];

  test('none of it is heard on any day, in any answer', async () => {
    for (const day of [1, 2, 3, 7, 8, 15, 29, 40]) {
      const patient = await patientOnDay(h, day);
      const heard: string[] = [];
      for (const q of [
        'what should I do today',
        'can I go to the gym',
        'can I go in the hot tub',
        'can I use ice',
        'can I exfoliate',
        'can I use retinol',
        'can I use toner',
        'can I use perfume',
        'can I take ibuprofen',
        'when can I use retinol',
      ]) {
        const turn = await patient.say(q);
        heard.push(turn.speech, turn.card?.text ?? '');
      }
      for (const pattern of INVENTED) expect(heard.join('\n')).not.toMatch(pattern);
    }
  });

  test("a window the clinic has not reviewed is said as the clinic's reading, not like the article's", async () => {
    await transcript(
      await patientOnDay(h, 3),
      `
      U: can I use ice
      A: Not yet: no ice until Sunday, day 8.
      A: That day is a reading of the article your clinic has not confirmed yet.
      U: can I wear makeup
      A!: not confirmed
      `,
    );
  });
});

describe('words that work when heard', () => {
  test('day 2: hyaluronic acid is never next to "acid products"', async () => {
    const turn = await (await patientOnDay(h, 2)).say('what should I do today');
    // Every restriction with its end comes first in speech (issue 17); what to do is on the card.
    expect(turn.card?.text).toContain('hyaluronic acid');
    expect(`${turn.speech} ${turn.card?.text}`).not.toMatch(/acid products|no acid/i);
  });

  test('one convention for the end of a restriction: "until" the day it is fine again, never "through"', async () => {
    for (const day of [1, 3, 7, 10]) {
      const turn = await (await patientOnDay(h, day)).say('what should I do today');
      expect(`${turn.speech}\n${turn.card?.text}`).not.toMatch(/\bthrough\b/);
    }
    await transcript(
      await patientOnDay(h, 3),
      `
      U: what should I do today
      A: Extra sun precautions until November 15th.
      C: extra precautions until Sunday, November 15th (day 15)
      `,
    );
  });

  test('anti-inflammatories are named as a class with examples on the card', async () => {
    const turn = await (await patientOnDay(h, 3)).say('what should I do today');
    expect(turn.card?.text).toContain(
      'Anti-inflammatory medicines, like ibuprofen, aspirin or naproxen: until Sunday, November 8th (day 8)',
    );
  });

  test('day 3 keeps mineral makeup', async () => {
    const turn = await (await patientOnDay(h, 3)).say('what should I do today');
    expect(turn.speech).toContain('Mineral makeup is recommended.');
  });

  test('a first-time one-shot hears the disclaimer, whatever the question', async () => {
    for (const ask of [
      'ask microneedling care can I wear makeup',
      'ask microneedling care what SPF should I use',
      'ask microneedling care what should I do today',
      'ask microneedling care can I take accutane',
      'ask microneedling care my treatment was yesterday',
      'ask microneedling care remind me every morning at 7',
      'ask microneedling care help',
    ]) {
      const turn = await newPatient(h).say(ask);
      expect(turn.speech).toMatch(/^This is general aftercare guidance from your clinic, not medical advice/);
    }
  });

  test('the disclaimer is said once: not again in the same session, not once a date is stored', async () => {
    await transcript(
      newPatient(h),
      `
      U: ask microneedling care can I wear makeup
      A: /^This is general aftercare guidance/
      U: what SPF should I use
      A!: general aftercare guidance
      U: yesterday
      A!: general aftercare guidance
      `,
    );
  });
});

// Keeps the filled-in clinic used above honest: the same protocol, only the clinic file differs.
test('the test clinic only fills in the clinic file', () => {
  const { clinic: _a, ...rest } = withClinic();
  const { clinic: _b, ...base } = testProtocol();
  expect(rest).toEqual(base);
});
