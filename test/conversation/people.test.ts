import { startSkillHarness, type SkillHarness } from '../support/skillHarness';
import { talk } from '../support/talk';
import { transcript } from '../support/transcript';

let h: SkillHarness;
beforeAll(async () => {
  h = await startSkillHarness();
});
afterAll(() => h.stop());

test('late evening in Los Angeles is still yesterday; the same instant in Berlin is already today', async () => {
  // 2026-11-25T06:30Z is 10:30 p.m. on the 24th in Los Angeles and 7:30 a.m. on the 25th in Berlin.
  const instant = '2026-11-25T06:30:00Z';
  const la = talk(h, { userId: 'amzn1.ask.account.LA', zone: 'America/Los_Angeles', at: instant });
  const berlin = talk(h, { userId: 'amzn1.ask.account.BERLIN', zone: 'Europe/Berlin', at: instant });
  for (const patient of [la, berlin]) {
    await patient.say('open microneedling care');
    await patient.intent('SetTreatmentDateIntent', { date: '2026-11-20' });
  }
  await transcript(la, 'U: ask microneedling care what day am I on\nA: Today is day 5 of your recovery');
  await transcript(berlin, 'U: ask microneedling care what day am I on\nA: Today is day 6 of your recovery');
  await transcript(la, 'U: ask microneedling care can I take ibuprofen\nA: until Friday, day 8');
});

test('when the settings API cannot say, the zone saved with the profile is used', async () => {
  const instant = '2026-11-25T06:30:00Z';
  const patient = talk(h, { userId: 'amzn1.ask.account.SAVEDZONE', zone: 'Europe/Berlin', at: instant });
  await patient.say('open microneedling care');
  await patient.intent('SetTreatmentDateIntent', { date: '2026-11-20' });
  h.api.settings.mode = 500;
  try {
    await transcript(patient, 'U: ask microneedling care what day am I on\nA: Today is day 6');
  } finally {
    h.api.settings.mode = 'ok';
  }
});

test('a device that moves to another zone: the new zone is kept with the profile, for when the settings API cannot say', async () => {
  // 2026-11-25T06:30Z: 7:30 a.m. on the 25th in Berlin, 10:30 p.m. on the 24th in Los Angeles.
  const instant = '2026-11-25T06:30:00Z';
  const userId = 'amzn1.ask.account.MOVED';
  const inBerlin = talk(h, { userId, zone: 'Europe/Berlin', at: instant });
  await inBerlin.say('open microneedling care');
  await inBerlin.intent('SetTreatmentDateIntent', { date: '2026-11-20' });
  expect((await h.store.load({ userId }))?.profile.timeZone).toBe('Europe/Berlin');

  const inLosAngeles = talk(h, { userId, zone: 'America/Los_Angeles', at: instant });
  await transcript(inLosAngeles, 'U: ask microneedling care what day am I on\nA: Today is day 5');
  expect((await h.store.load({ userId }))?.profile).toMatchObject({ timeZone: 'America/Los_Angeles', treatmentDate: '2026-11-20' });
  h.api.settings.mode = 500;
  try {
    await transcript(inLosAngeles, 'U: ask microneedling care what day am I on\nA: Today is day 5');
  } finally {
    h.api.settings.mode = 'ok';
  }
});

test("two accounts and two voice profiles on one account never hear each other's dates", async () => {
  const household = 'amzn1.ask.account.HOUSEHOLD';
  const at = '2026-11-25T16:00:00Z';
  const people = [
    { who: talk(h, { userId: household, personId: 'amzn1.ask.person.ANNA', at }), date: '2026-11-24', day: 2 },
    { who: talk(h, { userId: household, personId: 'amzn1.ask.person.BEN', at }), date: '2026-11-18', day: 8 },
    { who: talk(h, { userId: household, at }), date: '2026-11-10', day: 16 },
    { who: talk(h, { userId: 'amzn1.ask.account.NEIGHBOUR', at }), date: '2026-11-22', day: 4 },
  ];
  for (const p of people) {
    await p.who.say('open microneedling care');
    await p.who.intent('SetTreatmentDateIntent', { date: p.date });
    await p.who.say('stop');
  }
  for (const p of people) {
    const others = people
      .filter((o) => o !== p)
      .map((o) => `A!: day ${o.day} `)
      .join('\n');
    await transcript(p.who, `U: ask microneedling care what day am I on\nA: Today is day ${p.day} of your recovery\n${others}`);
  }
  // A voice profile nobody has set up yet starts fresh rather than hearing the account's date.
  const guest = talk(h, { userId: household, personId: 'amzn1.ask.person.GUEST', at });
  await transcript(guest, "U: ask microneedling care what day am I on\nA: I don't know your treatment date yet");
});
