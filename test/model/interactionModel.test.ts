import { AttributesManagerFactory, ResponseFactory, type HandlerInput } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import model from '../../skill-package/interactionModels/custom/en-US.json';
import { readConfig } from '../../lambda/config';
import { silentLogger } from '../../lambda/log';
import { defaultProtocol } from '../../lambda/protocol/load';
import { skillHandlers } from '../../lambda/skill';
import { createMemoryStore } from '../../lambda/store/memoryStore';
import { invocationNameProblems, sampleShape, type LanguageModel } from '../../tools/modelChecks';
const { activityValues, symptomValues } = require('../../scripts/sync-model.js');
const { carrierSamples } = require('../../scripts/model-carriers.js') as { carrierSamples(): Record<string, string[]> };

const lm = model.interactionModel.languageModel as LanguageModel;
const deps = {
  store: createMemoryStore(),
  protocol: defaultProtocol(),
  config: readConfig({}),
  log: silentLogger,
  clock: () => new Date(),
};
const handlers = skillHandlers(deps);
const fallbackIndex = handlers.length - 1;

/** Session states the skill can be in, so handlers that answer one of its questions get their turn. */
const SESSION_STATES: Record<string, unknown>[] = [
  {},
  { pending: { kind: 'treatmentDate', newTreatment: false } },
  { pending: { kind: 'confirmDate', date: '2026-11-20', newTreatment: false } },
  { pending: { kind: 'confirmForget' } },
  { pending: { kind: 'reminderOffer' } },
  { pending: { kind: 'confirmReminders', time: '07:30' } },
];
const NON_INTENT_REQUESTS = [
  'LaunchRequest',
  'SessionEndedRequest',
  'AlexaSkillEvent.SkillDisabled',
  'AlexaSkillEvent.SkillPermissionAccepted',
  'AlexaSkillEvent.SkillPermissionChanged',
  'Connections.Response',
  'Alexa.Presentation.APL.UserEvent',
];

function input(request: Record<string, unknown>, attributes: Record<string, unknown>): HandlerInput {
  const requestEnvelope = {
    version: '1.0',
    session: { new: false, sessionId: 's', application: { applicationId: 'a' }, user: { userId: 'u' }, attributes },
    context: { System: { application: { applicationId: 'a' }, user: { userId: 'u' }, apiEndpoint: 'http://127.0.0.1:1' } },
    request: { requestId: 'r', timestamp: '2026-11-25T12:00:00Z', locale: 'en-US', ...request },
  } as unknown as RequestEnvelope;
  return {
    requestEnvelope,
    attributesManager: AttributesManagerFactory.init({ requestEnvelope }),
    responseBuilder: ResponseFactory.init(),
  };
}

async function chosenHandler(request: Record<string, unknown>, attributes: Record<string, unknown>): Promise<number> {
  for (const [i, h] of handlers.entries()) {
    if (await h.canHandle(input(request, attributes))) return i;
  }
  return -1;
}

describe('the interaction model and the handlers agree', () => {
  test('every intent in the model has its own handler (not the fallback)', async () => {
    const unhandled: string[] = [];
    for (const intent of lm.intents) {
      if (intent.name === 'AMAZON.FallbackIntent') continue;
      const request = { type: 'IntentRequest', intent: { name: intent.name, confirmationStatus: 'NONE', slots: {} } };
      const chosen = await Promise.all(SESSION_STATES.map((s) => chosenHandler(request, s)));
      if (chosen.every((i) => i === fallbackIndex || i < 0)) unhandled.push(intent.name);
    }
    expect(unhandled).toEqual([]);
  });

  test('every handler answers some intent of the model or a request Alexa sends', async () => {
    const used = new Set<number>();
    const requests = [
      ...lm.intents.map((i) => ({ type: 'IntentRequest', intent: { name: i.name, confirmationStatus: 'NONE', slots: {} } })),
      ...NON_INTENT_REQUESTS.map((type) => ({ type, name: 'AskFor', payload: {}, body: {} })),
    ];
    for (const request of requests) for (const state of SESSION_STATES) used.add(await chosenHandler(request, state));
    const idle = handlers.map((_, i) => i).filter((i) => !used.has(i));
    expect(idle).toEqual([]);
  });
});

describe('the interaction model is well-formed', () => {
  test("the invocation name follows Alexa's rules", () => {
    expect(invocationNameProblems(lm.invocationName)).toEqual([]);
    expect(invocationNameProblems('alexa skin app')).not.toEqual([]);
    expect(invocationNameProblems('care')).not.toEqual([]);
  });

  test('no sample utterance belongs to two intents', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const intent of lm.intents) {
      for (const sample of intent.samples ?? []) {
        const shape = sampleShape(sample, intent);
        const other = owner.get(shape);
        if (other && other !== intent.name) clashes.push(`"${sample}" in ${other} and ${intent.name}`);
        owner.set(shape, intent.name);
      }
    }
    expect(clashes).toEqual([]);
  });

  test('every slot a sample uses is declared, and every declared slot is used', () => {
    for (const intent of lm.intents) {
      const declared = new Set((intent.slots ?? []).map((s) => s.name));
      const used = new Set((intent.samples ?? []).flatMap((s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1])));
      expect({ intent: intent.name, used: [...used].sort() }).toEqual({ intent: intent.name, used: [...declared].sort() });
    }
  });

  test('slot values and synonyms are unique within each type', () => {
    for (const type of lm.types ?? []) {
      const words = type.values.flatMap((v) => [v.name.value, ...(v.name.synonyms ?? [])]).map((w) => w.toLowerCase());
      expect(words.filter((w, i) => words.indexOf(w) !== i)).toEqual([]);
      const ids = type.values.map((v) => v.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  test('the activity words match the care protocol (run `npm run model:sync` after editing it)', () => {
    const type = (lm.types ?? []).find((t) => t.name === 'ActivityType');
    expect(type?.values).toEqual(activityValues());
  });

  test('every generated carrier sample is in the model (run `npm run model:sync` after a merge)', () => {
    for (const [intent, samples] of Object.entries(carrierSamples())) {
      const have = new Set((lm.intents.find((i) => i.name === intent)?.samples ?? []).map((x) => x.toLowerCase()));
      expect({ intent, missing: samples.filter((x) => !have.has(x.toLowerCase())) }).toEqual({ intent, missing: [] });
    }
  });

  test('the symptom words match the care protocol (run `npm run model:sync` after editing it)', () => {
    const type = (lm.types ?? []).find((t) => t.name === 'SymptomType');
    expect(type?.values).toEqual(symptomValues());
  });

  test('samples use only characters Alexa accepts', () => {
    for (const intent of lm.intents) {
      for (const sample of intent.samples ?? []) expect(sample).toMatch(/^[a-zA-Z0-9 '.{}]+$/);
    }
  });
});
