import { sessionEndedRequest, skillDisabledEvent } from '../../tools/envelope';
import { startSkillHarness, type SkillHarness } from '../support/skillHarness';
import { MORNING, patientOnDay6 } from '../support/patients';
import { talk } from '../support/talk';
import { transcript } from '../support/transcript';

let h: SkillHarness;
beforeAll(async () => {
  h = await startSkillHarness();
});
afterAll(() => h.stop());

test('another day: tomorrow, a day number, a date, and a day before the treatment', async () => {
  await transcript(
    await patientOnDay6(h),
    `
    U: what about tomorrow
    A: Tomorrow is day 7
    A: From that day, pending your clinic's review, exfoliating, retinoids, toners and fragrance are fine again
    U: what happens on day three
    A: Sunday, November 22nd was day 3
    U: tell me about day 29
    A: Friday, December 18th is day 29
    A: From that day, you can schedule your follow-up session.
    A!: session now
    U: what should I do on december first
    A: Tuesday is day 12
    U: what about day 0
    A: Which day would you like to hear about
    `,
  );
});

test('what day, when was my treatment, and the next session', async () => {
  await transcript(
    await patientOnDay6(h),
    `
    U: which day of recovery am I on
    A: Today is day 6 of your recovery. Your treatment was on Friday, November 20th.
    U: when was my treatment
    A: Friday, November 20th
    U: when is my next session
    A: You can book your next session from Friday, December 18th, day 29. That's in 23 days.
    `,
  );
});

test('every activity, with everyday words and brand names', async () => {
  await transcript(
    await patientOnDay6(h),
    `
    U: can I put on some foundation
    A: Yes, makeup has been fine since day 3
    U: can I take motrin
    A: Not yet: no Motrin or other anti-inflammatories until Friday, day 8, once a full week has passed since your appointment
    U: is aleve okay
    A: Not yet: no Aleve or other anti-inflammatories
    U: can I use an ice pack
    A: Not yet: no ice until Friday
    U: can I use adapalene
    A: Not yet: no retinoids until tomorrow, day 7
    A: Just one more day
    U: can I use tretinoin
    A: please talk to your doctor
    U: is accutane allowed
    A: please talk to your doctor
    U: can I exfoliate
    A: no exfoliating until tomorrow
    U: can I use a toner
    A: no toners until tomorrow
    U: can I wear perfume
    A: no fragrance until tomorrow
    U: can I go to the steam room
    A: Yes, saunas have been fine since day 2
    U: can I go to the hot tub
    A: doesn't cover hot tubs
    U: can I go running
    A: Yes, hard workouts have been fine since day 2
    U: can I use hyaluronic acid
    A: Yes, always
    U: can I go tanning
    A: /^No: tanning and sunbathing are never/
    U: can I have botox
    A: Your clinic's aftercare doesn't cover botox and fillers
    A: please ask your clinic
    U: can I get a facial
    A: Your clinic's aftercare doesn't cover facials
    U: can I go swimming
    A: Your clinic's aftercare doesn't cover swimming and pools
    `,
  );
});

test('a new treatment replaces the active date and keeps the earlier one as history', async () => {
  const userId = 'amzn1.ask.account.NEWTREATMENT';
  const patient = await patientOnDay6(h, { userId });
  await transcript(
    patient,
    `
    U: I had another treatment
    A: When was your new treatment?
    U: today
    A: your new treatment was Wednesday, November 25th, so today is day 1 again
    A: I've kept your earlier date too
    `,
  );
  const stored = await h.store.load({ userId });
  expect(stored?.profile.treatmentDate).toBe('2026-11-25');
  expect(stored?.profile.history).toEqual(['2026-11-20']);
});

test('correcting the date replaces it without adding history', async () => {
  const userId = 'amzn1.ask.account.CORRECTION';
  const patient = await patientOnDay6(h, { userId });
  await transcript(
    patient,
    `
    U: my treatment was actually yesterday
    A: Change your treatment date from Friday, November 20th to Tuesday, November 24th? That makes today day 2.
    U: yes
    A: Got it: Tuesday, November 24th
    `,
  );
  expect((await h.store.load({ userId }))?.profile).toMatchObject({ treatmentDate: '2026-11-24', history: [] });
});

test('repeat, help, fallback, and the stray yes', async () => {
  await transcript(
    await patientOnDay6(h),
    `
    U: can I wear makeup
    A: Yes, makeup has been fine since day 3
    U: say that again
    A: Yes, makeup has been fine since day 3
    U: help
    A: Try: what should I do today
    U: what is the capital of france
    A: Sorry, I can't help with that
    U: yes
    A: I wasn't asking anything
    U: repeat
    A: I wasn't asking anything
    `,
  );
});

test('help for a new patient asks for the date; repeat before anything was said', async () => {
  const patient = talk(h, { userId: 'amzn1.ask.account.HELPNEW', at: MORNING });
  await transcript(patient, 'U: ask microneedling care for help\nA: once I know your treatment date');
  const fresh = talk(h, { userId: 'amzn1.ask.account.REPEATNEW', at: MORNING });
  const turn = await fresh.intent('AMAZON.RepeatIntent');
  expect(turn.speech).toContain("I haven't said anything yet");
});

test('stop, cancel and navigate home end the session', async () => {
  for (const word of ['stop', 'cancel', 'go home']) {
    const patient = await patientOnDay6(h);
    await transcript(patient, `U: ${word}\nA: Goodbye`);
    expect(patient.sessionOpen).toBe(false);
  }
});

test('a session that ends on its own gets an empty answer', async () => {
  const patient = await patientOnDay6(h);
  const turn = await patient.end('EXCEEDED_MAX_REPROMPTS');
  expect(turn?.response.response.outputSpeech).toBeUndefined();
});

test('an error inside a handler still gets spoken, and the session stays usable', async () => {
  const patient = await patientOnDay6(h);
  const broken = sessionEndedRequest('ERROR', {}, { type: 'INVALID_RESPONSE', message: 'x' });
  expect((await h.invoke(broken)).response.outputSpeech).toBeUndefined();
  // A store that throws something unexpected: the error handler speaks.
  const failing = h.skillWith({});
  const original = h.store.load;
  (h.store as { load: typeof original }).load = async () => {
    throw new TypeError('boom');
  };
  try {
    const turn = await talk(h, { userId: 'amzn1.ask.account.ERR', at: MORNING, invoke: failing }).say(
      'ask microneedling care what day am I on',
    );
    expect(turn.speech).toContain('something went wrong on my side');
  } finally {
    (h.store as { load: typeof original }).load = original;
  }
  await transcript(patient, 'U: what day am I on\nA: Today is day 6');
});

test('"delete my data" asks first; yes deletes only the speaker\'s own data', async () => {
  const userId = 'amzn1.ask.account.FORGET';
  const patient = await patientOnDay6(h, { userId });
  const partner = talk(h, { userId, personId: 'amzn1.ask.person.PARTNER', at: MORNING });
  await partner.say('open microneedling care');
  await partner.intent('SetTreatmentDateIntent', { date: '2026-11-24' });
  await transcript(
    patient,
    `
    U: delete my data
    A: Do you want me to delete your treatment dates
    U: no
    A: I've kept everything
    U: forget my treatment date
    U: yes
    A: I've deleted everything I kept for you
    `,
  );
  expect(await h.store.load({ userId })).toBeUndefined();
  expect((await h.store.load({ userId, personId: 'amzn1.ask.person.PARTNER' }))?.profile.treatmentDate).toBe('2026-11-24');
  await transcript(talk(h, { userId, at: MORNING }), "U: ask microneedling care to delete my data\nA: I don't have anything saved for you");
});

test('disabling the skill deletes everything for the account, every voice profile included', async () => {
  const userId = 'amzn1.ask.account.DISABLE';
  const me = await patientOnDay6(h, { userId });
  const partner = talk(h, { userId, personId: 'amzn1.ask.person.P', at: MORNING });
  await partner.say('open microneedling care');
  await partner.intent('SetTreatmentDateIntent', { date: '2026-11-24' });
  const neighbour = await patientOnDay6(h, { userId: 'amzn1.ask.account.NEXTDOOR' });
  const turn = await me.event((o) => skillDisabledEvent(o));
  expect(turn.response.response.outputSpeech).toBeUndefined();
  expect(await h.store.load({ userId })).toBeUndefined();
  expect(await h.store.load({ userId, personId: 'amzn1.ask.person.P' })).toBeUndefined();
  await transcript(neighbour, 'U: what day am I on\nA: Today is day 6');
});
