import { intentRequest } from '../../tools/envelope';
import { startSkillHarness, type SkillHarness } from '../support/skillHarness';
import { responseProblems } from '../support/ssml';
import { MORNING, newAccount, patientOnDay6 as patientOnDay6For } from '../support/patients';
import { talk } from '../support/talk';
import { transcript } from '../support/transcript';

/**
 * A stored treatment date is what every answer counts from, so it changes only when the patient
 * clearly means it: never from a date that answers another question, never unasked without a yes,
 * never from a "yes" in another voice, and a new treatment keeps the earlier one.
 */
let h: SkillHarness;
beforeAll(async () => {
  h = await startSkillHarness();
});
afterAll(() => h.stop());

async function patientOnDay6(o: { userId?: string; personId?: string } = {}) {
  const userId = o.userId ?? newAccount('DC');
  return { patient: await patientOnDay6For(h, { ...o, userId }), userId };
}
const stored = async (userId: string, personId?: string) => (await h.store.load({ userId, personId }))?.profile;

test('"which day would you like to hear about?" answered with a date: that day\'s plan, and the treatment date untouched', async () => {
  const { patient, userId } = await patientOnDay6();
  await transcript(
    patient,
    `
    U: what about next week
    A: Which day would you like to hear about?
    U: yesterday
    A: day 5
    A!: Got it
    `,
  );
  expect(await stored(userId)).toMatchObject({ treatmentDate: '2026-11-20', history: [] });
});

test('a date said out of the blue is only a change after a yes; a no keeps the stored date', async () => {
  const { patient, userId } = await patientOnDay6();
  await transcript(
    patient,
    `
    U: monday
    A: Change your treatment date from Friday, November 20th to Monday, November 23rd? That makes today day 3.
    U: no
    A: Okay, your treatment date stays Friday, November 20th.
    `,
  );
  expect(await stored(userId)).toMatchObject({ treatmentDate: '2026-11-20', history: [] });
});

test("correcting a new treatment's date keeps the earlier treatment in history", async () => {
  const { patient, userId } = await patientOnDay6();
  await transcript(
    patient,
    `
    U: I had another treatment on tuesday
    A: Tuesday, November 24th. That makes today day 2. Is that right?
    U: no
    A: Which day was your treatment?
    U: monday
    A: Monday, November 23rd. That makes today day 3. Is that right?
    U: yes
    A: your new treatment was Monday, November 23rd, so today is day 3 of your new recovery
    A: I've kept your earlier date too
    `,
  );
  expect(await stored(userId)).toMatchObject({ treatmentDate: '2026-11-23', history: ['2026-11-20'] });
});

test('a "new" treatment on or before the current one is asked again, and nothing changes', async () => {
  const { patient, userId } = await patientOnDay6();
  await transcript(
    patient,
    `
    U: I had another treatment
    A: When was your new treatment?
    U: november eighteenth
    A: Your current treatment was on Friday, November 20th, so a new one comes after it. When was your new treatment?
    `,
  );
  expect(await stored(userId)).toMatchObject({ treatmentDate: '2026-11-20', history: [] });
});

test('"delete my data" confirmed by another voice deletes nothing, and the question stays open for the one asked', async () => {
  const userId = newAccount('DC');
  const { patient: anna } = await patientOnDay6({ userId, personId: 'amzn1.ask.person.ANNA' });
  await patientOnDay6({ userId });
  await transcript(anna, 'U: delete my data\nA: Do you want me to delete');
  // Alexa did not recognize the voice that said yes: the account's own profile must not be deleted for Anna.
  const yes = await h.invoke(
    intentRequest(
      'AMAZON.YesIntent',
      {},
      { userId, apiEndpoint: h.api.endpoint, timestamp: MORNING, newSession: false, sessionAttributes: { ...anna.sessionAttributes } },
    ),
  );
  expect(responseProblems(yes)).toEqual([]);
  expect((yes.response.outputSpeech as { ssml: string }).ssml).toContain(
    'not sure that answer came from the person I asked, so I haven&apos;t changed anything',
  );
  expect(await stored(userId)).toMatchObject({ treatmentDate: '2026-11-20' });
  expect(await stored(userId, 'amzn1.ask.person.ANNA')).toMatchObject({ treatmentDate: '2026-11-20' });
  expect(yes.response.shouldEndSession).toBe(false);

  // Anna's own yes, in the same session, still answers the question.
  const annasYes = await h.invoke(
    intentRequest(
      'AMAZON.YesIntent',
      {},
      {
        userId,
        personId: 'amzn1.ask.person.ANNA',
        apiEndpoint: h.api.endpoint,
        timestamp: MORNING,
        newSession: false,
        sessionAttributes: { ...(yes.sessionAttributes ?? {}) },
      },
    ),
  );
  expect((annasYes.response.outputSpeech as { ssml: string }).ssml).toContain('deleted everything');
  expect(await stored(userId, 'amzn1.ask.person.ANNA')).toBeUndefined();
  expect(await stored(userId)).toMatchObject({ treatmentDate: '2026-11-20' });
});

test('a "new" treatment on the date already stored changes nothing and does not loop', async () => {
  const { patient, userId } = await patientOnDay6();
  await transcript(
    patient,
    'U: I had another treatment on november twentieth\nA: I already have Friday, November 20th as your treatment date, so nothing changes.',
  );
  expect(await stored(userId)).toMatchObject({ treatmentDate: '2026-11-20', history: [] });
});

test('"change my treatment date" while "which day?" is open asks for the new date', async () => {
  const { patient } = await patientOnDay6();
  await transcript(
    patient,
    'U: what about next week\nA: Which day would you like to hear about?\nU: change my treatment date\nA: When was your treatment?',
  );
});

test('"what about day 5?" asked before any date is stored is answered for day 5 once the date is set', async () => {
  const patient = talk(h, { userId: newAccount('DC'), at: MORNING });
  await transcript(
    patient,
    `
    U: ask microneedling care what about day 5
    A: I don't know your treatment date yet
    U: last friday
    A: Got it: Friday, November 20th. That makes today day 6.
    A: Yesterday was day 5
    `,
  );
});
