import type { IntentRequest, RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { permissionAcceptedEvent, REMINDERS_SCOPE } from '../../tools/envelope';
import { matches, transcript } from '../support/transcript';
import { Conversation, instantAt, speechText, type SkillHandler } from '../../tools/simulator';
import { nlu } from './fixture';

/**
 * A stand-in for the skill (the real one is exercised in test/conversation): it echoes what it
 * received, counts turns in session attributes, ends on Stop and asks for reminders permission.
 */
function fakeSkill(log: RequestEnvelope[]): SkillHandler {
  return async (event) => {
    log.push(event);
    const request = event.request;
    const turns = Number(event.session?.attributes?.turns ?? 0) + 1;
    const reply = (text: string, end: boolean, extra: Partial<ResponseEnvelope['response']> = {}): ResponseEnvelope => ({
      version: '1.0',
      sessionAttributes: { turns },
      response: {
        outputSpeech: { type: 'SSML', ssml: `<speak>${text}</speak>` },
        ...(end
          ? { shouldEndSession: true }
          : { shouldEndSession: false, reprompt: { outputSpeech: { type: 'SSML', ssml: '<speak>Anything else?</speak>' } } }),
        ...extra,
      },
    });
    switch (request.type) {
      case 'LaunchRequest':
        return reply('Welcome &amp; hello. <break time="300ms"/>When was your treatment?', false);
      case 'SessionEndedRequest':
        return { version: '1.0', response: {} };
      case 'Connections.Response':
        return reply(`Permission ${String(request.payload?.status)}.`, true);
      case 'AlexaSkillEvent.SkillPermissionAccepted':
        return { version: '1.0', response: {} };
      case 'IntentRequest': {
        const intent = (request as IntentRequest).intent;
        if (intent.name === 'AMAZON.StopIntent') return reply('Goodbye.', true);
        if (intent.name === 'SetUpRemindersIntent') {
          return {
            version: '1.0',
            sessionAttributes: { turns },
            response: {
              directives: [
                {
                  type: 'Connections.SendRequest',
                  name: 'AskFor',
                  payload: { '@type': 'AskForPermissionsConsentRequest', '@version': '1', permissionScope: REMINDERS_SCOPE },
                  token: 'tok',
                },
              ],
            },
          };
        }
        const slots = Object.values(intent.slots ?? {})
          .filter((s) => s.value)
          .map((s) => `${s.name} ${s.value}`)
          .join(', ');
        return reply(`Intent ${intent.name}${slots ? ` with ${slots}` : ''}, turn ${turns}.`, false, {
          card: { type: 'Simple', title: 'Echo', content: `card for ${intent.name}` },
        });
      }
      default:
        return reply('Unexpected.', true);
    }
  };
}

function conversation(log: RequestEnvelope[], extra: { personId?: string; now?: () => Date; timeZone?: string } = {}) {
  return new Conversation({
    handler: fakeSkill(log),
    nlu,
    apiEndpoint: 'http://127.0.0.1:9',
    userId: 'amzn1.ask.account.ME',
    deviceId: 'amzn1.ask.device.ECHO',
    now: extra.now ?? (() => new Date('2026-11-25T15:00:00Z')),
    timeZone: extra.timeZone ?? 'America/New_York',
    applicationId: 'amzn1.ask.skill.test',
    personId: extra.personId,
  });
}

describe('Conversation (against a stand-in skill)', () => {
  test('launch, then turns in the same session carry session attributes; Stop closes it', async () => {
    const log: RequestEnvelope[] = [];
    const conv = conversation(log);
    const launch = await conv.say('open microneedling care');
    expect(launch.speech).toBe('Welcome & hello. When was your treatment?');
    expect(launch.reprompt).toBe('Anything else?');
    expect(launch.sessionEnded).toBe(false);
    const second = await conv.say('last friday');
    expect(second.speech).toBe('Intent SetTreatmentDateIntent with date 2026-11-20, turn 2.');
    expect(second.card).toEqual({ type: 'Simple', title: 'Echo', text: 'card for SetTreatmentDateIntent' });
    await conv.say('stop');
    expect(conv.sessionOpen).toBe(false);

    expect(log.map((e) => [e.request.type, e.session?.new, e.session?.attributes])).toEqual([
      ['LaunchRequest', true, undefined],
      ['IntentRequest', false, { turns: 1 }],
      ['IntentRequest', false, { turns: 2 }],
    ]);
    expect(new Set(log.map((e) => e.session?.sessionId)).size).toBe(1);
    const first = log[0];
    expect(first?.context.System).toMatchObject({
      user: { userId: 'amzn1.ask.account.ME' },
      device: { deviceId: 'amzn1.ask.device.ECHO' },
      apiEndpoint: 'http://127.0.0.1:9',
      application: { applicationId: 'amzn1.ask.skill.test' },
    });
    expect(first?.context.System.person).toBeUndefined();
    expect(first?.request).toMatchObject({ timestamp: '2026-11-25T15:00:00Z', locale: 'en-US' });
  });

  test('a one-shot and a plain line without a session each start a new session', async () => {
    const log: RequestEnvelope[] = [];
    const conv = conversation(log);
    const oneShot = await conv.say('ask microneedling care what should I do today');
    expect(oneShot.speech).toContain('TodayPlanIntent');
    expect(log[0]?.session?.new).toBe(true);
    await conv.say('stop');
    await conv.say('what day am I on');
    expect(log[2]?.session?.new).toBe(true);
    expect(log[2]?.session?.sessionId).not.toBe(log[0]?.session?.sessionId);
  });

  test("dates resolve on the user's calendar, not UTC", async () => {
    const log: RequestEnvelope[] = [];
    // 03:00 UTC on the 26th is still the evening of the 25th in New York.
    const conv = conversation(log, { now: () => new Date('2026-11-26T03:00:00Z') });
    expect(conv.today).toBe('2026-11-25');
    expect((await conv.say('yesterday')).speech).toContain('date 2026-11-24');
  });

  test('a recognized speaker adds context.System.person', async () => {
    const log: RequestEnvelope[] = [];
    await conversation(log, { personId: 'amzn1.ask.person.ANNA' }).say('open microneedling care');
    expect(log[0]?.context.System.person).toEqual({ personId: 'amzn1.ask.person.ANNA' });
  });

  test('end() sends SessionEndedRequest only while a session is open', async () => {
    const log: RequestEnvelope[] = [];
    const conv = conversation(log);
    expect(await conv.end()).toBeUndefined();
    await conv.say('open microneedling care');
    await conv.end();
    expect(log.map((e) => e.request.type)).toEqual(['LaunchRequest', 'SessionEndedRequest']);
    expect(log[1]?.request).toMatchObject({ reason: 'USER_INITIATED' });
    expect(conv.sessionOpen).toBe(false);
  });

  test('silence: Alexa speaks the re-prompt itself, a second silence ends the session; nothing when no one listens', async () => {
    const log: RequestEnvelope[] = [];
    const conv = conversation(log);
    expect(await conv.silence()).toEqual({ kind: 'notListening' });
    await conv.say('open microneedling care');
    expect(await conv.silence()).toEqual({ kind: 'reprompt', speech: 'Anything else?' });
    expect(log.map((e) => e.request.type)).toEqual(['LaunchRequest']);
    // Speaking again resets the count.
    await conv.say('what day am I on');
    expect(await conv.silence()).toEqual({ kind: 'reprompt', speech: 'Anything else?' });
    expect((await conv.silence()).kind).toBe('ended');
    expect(log.map((e) => e.request.type)).toEqual(['LaunchRequest', 'IntentRequest', 'SessionEndedRequest']);
    expect(log[2]?.request).toMatchObject({ reason: 'EXCEEDED_MAX_REPROMPTS' });
    expect(conv.sessionOpen).toBe(false);
  });

  test.each([
    ['2026-11-25T07:30', 'America/Los_Angeles', '2026-11-25T15:30:00.000Z'],
    ['2026-11-25T07:30', 'Europe/Berlin', '2026-11-25T06:30:00.000Z'],
    ['2026-03-29T12:00', 'Europe/Berlin', '2026-03-29T10:00:00.000Z'],
    ['2026-03-08T02:30', 'America/New_York', '2026-03-08T07:30:00.000Z'],
    ['2026-11-01T01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
  ])('--now %s in %s is the instant %s', (local, zone, instant) => {
    expect(instantAt(local, zone)?.toISOString()).toBe(instant);
  });

  test.each([['2026-11-25'], ['2026-02-30T07:30'], ['2026-11-25T24:00'], ['07:30']])('--now %s is refused', (local) => {
    expect(instantAt(local, 'UTC')).toBeUndefined();
  });

  test('a voice permission request is answered by Alexa with a Connections.Response', async () => {
    const log: RequestEnvelope[] = [];
    const conv = conversation(log);
    await conv.say('open microneedling care');
    const ask = await conv.say('remind me every morning at 7');
    expect(ask.permissionRequest).toEqual({ scope: REMINDERS_SCOPE });
    expect(ask.sessionEnded).toBe(false);
    const answer = await conv.say('yes');
    expect(answer.speech).toBe('Permission ACCEPTED.');
    expect(log[2]?.request).toMatchObject({
      type: 'Connections.Response',
      name: 'AskFor',
      token: 'tok',
      status: { code: '200' },
      payload: { permissionScope: REMINDERS_SCOPE, status: 'ACCEPTED' },
    });
    expect(log[2]?.session?.new).toBe(false);
  });

  test('events go outside any session', async () => {
    const log: RequestEnvelope[] = [];
    const conv = conversation(log);
    await conv.event((o) => permissionAcceptedEvent([REMINDERS_SCOPE], o));
    expect(log[0]?.session).toBeUndefined();
    expect(log[0]?.request).toMatchObject({
      type: 'AlexaSkillEvent.SkillPermissionAccepted',
      body: { acceptedPermissions: [{ scope: REMINDERS_SCOPE }] },
    });
  });

  test('a callback-style handler works too', async () => {
    const conv = new Conversation({
      handler: (_event, _context, callback) =>
        callback?.(null, { version: '1.0', response: { outputSpeech: { type: 'PlainText', text: 'Hi there.' }, shouldEndSession: true } }),
      nlu,
      apiEndpoint: 'http://127.0.0.1:9',
      userId: 'u',
      deviceId: 'd',
      now: () => new Date(),
      timeZone: 'UTC',
    });
    expect((await conv.say('open microneedling care')).speech).toBe('Hi there.');
  });
});

describe('transcript', () => {
  test('checks answers line by line: substrings, regexes, negatives and cards', async () => {
    const conv = conversation([]);
    await transcript(
      conv,
      `
      # a comment
      U: open microneedling care
      A: when was your TREATMENT
      A: /^Welcome/
      A!: goodbye
      U: can I take advil
      A: CanIIntent with activity Advil
      C: card for CanIIntent
      `,
    );
  });

  test('a failure shows the exchange so far', async () => {
    const conv = conversation([]);
    await expect(
      transcript(
        conv,
        `U: open microneedling care
         U: what day am I on
         A: day 3`,
      ),
    ).rejects.toThrow(
      /should contain day 3[\s\S]*answer: Intent WhatDayIntent, turn 2\.[\s\S]*U: open microneedling care\n {2}A: Welcome & hello\. When was your treatment\?/,
    );
  });

  test('matches and speechText', () => {
    expect(matches('It’s day 3.', "it's DAY 3")).toBe(true);
    expect(matches('day 12', '/day \\d+$/')).toBe(true);
    expect(speechText('<speak>A &lt;b&gt; &amp; <say-as interpret-as="date">????1120</say-as>.</speak>')).toBe('A <b> & ????1120.');
  });
});
