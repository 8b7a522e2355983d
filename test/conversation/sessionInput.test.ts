/**
 * Session attributes come back from the device, so they are input like any other: a pending question
 * the skill did not tag with the voice it asked is refused when Alexa recognizes a speaker (a forged or
 * stale session cannot confirm "delete my data" or a reminder plan for a voice profile).
 */
import { intentRequest } from '../../tools/envelope';
import { MORNING, newAccount, patientOnDay6 } from '../support/patients';
import { startSkillHarness, type SkillHarness } from '../support/skillHarness';
import { responseProblems } from '../support/ssml';

let h: SkillHarness;
beforeAll(async () => {
  h = await startSkillHarness();
});
afterAll(() => h.stop());

const speech = (r: { response: { outputSpeech?: unknown } }) => (r.response.outputSpeech as { ssml: string }).ssml;
const ANNA = 'amzn1.ask.person.ANNA';

test.each([
  ['delete my data', { kind: 'confirmForget' }],
  ['shall I set them?', { kind: 'confirmReminders', time: '07:30' }],
])('an untagged "%s" answered yes by a recognized voice changes nothing', async (_question, pending) => {
  const userId = newAccount('SI');
  await patientOnDay6(h, { userId, personId: ANNA });
  const before = h.api.reminders.alerts.size;
  const yes = await h.invoke(
    intentRequest(
      'AMAZON.YesIntent',
      {},
      { userId, personId: ANNA, apiEndpoint: h.api.endpoint, timestamp: MORNING, newSession: false, sessionAttributes: { pending } },
    ),
  );
  expect(responseProblems(yes)).toEqual([]);
  expect(speech(yes)).toContain('not sure that answer came from the person I asked');
  expect((await h.store.load({ userId, personId: ANNA }))?.profile).toMatchObject({ treatmentDate: '2026-11-20' });
  expect(h.api.reminders.alerts.size).toBe(before);
});

test('a question the skill asked (tagged) is still answered by the voice it asked', async () => {
  const userId = newAccount('SI');
  const anna = await patientOnDay6(h, { userId, personId: ANNA });
  await anna.say('delete my data');
  expect((anna.sessionAttributes as { pending?: { who?: string } }).pending?.who).toMatch(/^[0-9a-f]{16}$/);
  expect((await anna.say('yes')).speech).toContain('deleted everything');
});
