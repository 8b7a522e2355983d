import type { RequestEnvelope } from 'ask-sdk-model';
import { ANSWER_TOKEN, DAY_TOKEN } from '../../lambda/alexa/apl/render';
import { intentRequest } from '../../tools/envelope';
import type { Turn } from '../../tools/simulator';
import { MORNING, newAccount } from '../support/patients';
import { startSkillHarness, type SkillHarness } from '../support/skillHarness';
import { talk } from '../support/talk';
import { transcript } from '../support/transcript';
import type { RenderDocument } from './everyScreen';

/** An Echo Show as Alexa describes it: the APL interface with its runtime version. */
const ECHO_SHOW = { 'Alexa.Presentation.APL': { runtime: { maxVersion: '2024.2' } } } as never;

let h: SkillHarness;
beforeAll(async () => {
  h = await startSkillHarness();
});
afterAll(() => h.stop());

/** A patient treated on Friday, November 20th: day 6 at MORNING, on the given device. */
async function patientOnDay6(device: { supportedInterfaces?: never }) {
  const patient = talk(h, { userId: newAccount('SHOW-'), at: MORNING, ...device });
  await patient.say('open microneedling care');
  await patient.intent('SetTreatmentDateIntent', { date: '2026-11-20' });
  await patient.say('no thanks');
  return patient;
}

const screenOf = (turn: Turn | undefined): RenderDocument | undefined =>
  turn?.directives.find((d): d is RenderDocument => d.type === 'Alexa.Presentation.APL.RenderDocument');
const data = (turn: Turn | undefined) => (screenOf(turn)?.datasources as { screen: Record<string, any> } | undefined)?.screen;

test('Echo Show: "what should I do today" shows day 6, what is off limits until when, the sun care and the day strip', async () => {
  const [turn] = await transcript(
    await patientOnDay6({ supportedInterfaces: ECHO_SHOW }),
    `
    U: what should I do today
    A: Day 6 of your recovery
    A: No exfoliating, retinoids, toners or fragrance until tomorrow
    `,
  );
  expect(screenOf(turn)?.token).toBe(DAY_TOKEN);
  const screen = data(turn)!;
  expect(screen).toMatchObject({
    title: 'Day 6 of your recovery',
    date: 'Wednesday, November 25th',
    todoUntil: 'through Wednesday, November 25th (day 6)',
  });
  expect(screen.offLimits.map((r: { name: string; until: string }) => `${r.name} ${r.until}`)).toEqual([
    'Exfoliating until Thursday, November 26th (day 7)',
    'Retinoids until Thursday, November 26th (day 7)',
    'Toners until Thursday, November 26th (day 7)',
    'Fragrance until Thursday, November 26th (day 7)',
    'Anti-inflammatories until Friday, November 27th (day 8)',
    'Ice until Friday, November 27th (day 8)',
  ]);
  expect(screen.sunText).toMatch(/wide-brimmed hat/);
  expect(screen.sunUntil).toBe('until Friday, December 4th (day 15)');
  expect(screen.strip).toHaveLength(35);
  expect(screen.strip.filter((d: { state: string }) => d.state === 'shown')).toEqual([{ day: 6, label: '6', state: 'shown' }]);
});

test('Echo Show: "can I wear makeup" shows the compact answer with the sentence spoken', async () => {
  const [turn] = await transcript(
    await patientOnDay6({ supportedInterfaces: ECHO_SHOW }),
    `
    U: can I wear makeup
    A: Yes, makeup has been fine since day 3
    `,
  );
  expect(screenOf(turn)?.token).toBe(ANSWER_TOKEN);
  const screen = data(turn)!;
  expect(screen).toMatchObject({
    heading: 'Makeup',
    status: 'Fine',
    detail: 'since Sunday, November 22nd (day 3)',
    dayLabel: 'Day 6 · Wednesday, November 25th',
  });
  // The very sentence spoken, never a second wording of it.
  expect(turn!.speech.startsWith(screen.text)).toBe(true);
});

test('Echo Show, one-shot: "ask microneedling care can I take ibuprofen" shows not yet, until day 8', async () => {
  const patient = await patientOnDay6({ supportedInterfaces: ECHO_SHOW });
  const turn = await patient.say('ask microneedling care can I take ibuprofen');
  expect(turn.sessionEnded).toBe(true);
  expect(data(turn)).toMatchObject({ status: 'Not yet', detail: 'until Friday, November 27th (day 8)' });
});

test('Echo Show: a touch on a restriction is answered aloud, as "can I" about it', async () => {
  const patient = await patientOnDay6({ supportedInterfaces: ECHO_SHOW });
  const today = await patient.say('what should I do today');
  const ice = data(today)!.offLimits.find((r: { name: string }) => r.name === 'Ice');
  // Alexa's UserEvent for SendEvent ["restriction", id], in the open session.
  const question = today.request;
  const touch: RequestEnvelope = {
    ...intentRequest(
      'unused',
      {},
      {
        userId: question.context.System.user.userId,
        deviceId: question.context.System.device?.deviceId,
        apiEndpoint: question.context.System.apiEndpoint,
        timestamp: question.request.timestamp,
        newSession: false,
        sessionAttributes: today.response.sessionAttributes,
        supportedInterfaces: ECHO_SHOW,
      },
    ),
  };
  touch.request = {
    type: 'Alexa.Presentation.APL.UserEvent',
    requestId: 'touch-1',
    timestamp: question.request.timestamp,
    locale: 'en-US',
    token: DAY_TOKEN,
    arguments: ['restriction', ice.id],
    source: { type: 'TouchWrapper', handler: 'Press' },
  } as never;
  const answer = await h.invoke(touch);
  const ssml = (answer.response.outputSpeech as { ssml: string }).ssml;
  expect(ssml).toMatch(/Not yet: no ice until Friday, day 8/);
  expect(answer.response.reprompt).toBeDefined();
  expect(answer.response.directives?.[0]).toMatchObject({
    token: ANSWER_TOKEN,
    datasources: { screen: { heading: 'Ice', status: 'Not yet' } },
  });

  // A touch that names nothing we know gets a spoken answer, never a crash.
  touch.request = { ...(touch.request as object), arguments: ['restriction', { id: 1 }] } as never;
  const odd = await h.invoke(touch);
  expect((odd.response.outputSpeech as { ssml: string }).ssml).toMatch(/<speak>.+<\/speak>/);
  expect(odd.response.reprompt).toBeDefined();
});

test('no screen: the same questions on a device without APL get no directive', async () => {
  const turns = await transcript(
    await patientOnDay6({}),
    `
    U: what should I do today
    A: Day 6 of your recovery
    U: can I wear makeup
    A: Yes, makeup has been fine since day 3
    U: when is my next session
    A: You can book your next session from Friday, December 18th
    U: my skin is peeling
    `,
  );
  for (const turn of turns) expect(turn.directives.filter((d) => d.type.startsWith('Alexa.Presentation'))).toEqual([]);
});

test('Echo Show: the next session and a symptom show the clinic number to call', async () => {
  const turns = await transcript(
    await patientOnDay6({ supportedInterfaces: ECHO_SHOW }),
    `
    U: when is my next session
    A: You can book your next session from Friday, December 18th
    U: my face is swollen and hot
    A: I can't check symptoms
    `,
  );
  expect(data(turns[0])).toMatchObject({ heading: 'Next session', status: 'from Friday, December 18th (day 29)' });
  expect(data(turns[1])).toMatchObject({ heading: 'Symptoms' });
  expect(data(turns[1])!.contacts.map((c: { label: string }) => c.label)).toContain('Emergency');
});
