import { BUILTIN_PHRASES } from '../../tools/nlu/builtinIntents';
import { interactionModel, match, resolvedId, slotValues } from './fixture';

const language = interactionModel.interactionModel.languageModel;

/** A typical spoken value per slot type, and what Alexa would send for it (today = 2026-11-25). */
const TYPICAL: Record<string, { say: string; value: string; id?: string }> = {
  'AMAZON.DATE': { say: 'yesterday', value: '2026-11-24' },
  'AMAZON.NUMBER': { say: 'five', value: '5' },
  'AMAZON.TIME': { say: 'seven thirty', value: '07:30' },
  ActivityType: { say: 'makeup', value: 'makeup', id: 'makeup' },
  WeekdayType: { say: 'friday', value: 'friday', id: 'friday' },
  SymptomType: { say: 'swollen', value: 'swollen', id: 'swollen' },
  RecoveryTopicType: { say: 'redness', value: 'redness', id: 'redness' },
};

/** Each intent's samples (or built-in phrases) with its slots filled by a typical value. */
const cases = language.intents.flatMap((intent) =>
  [...(BUILTIN_PHRASES[intent.name] ?? []), ...(intent.samples ?? [])].map((sample) => {
    const expected: Record<string, string> = {};
    const ids: Record<string, string> = {};
    const utterance = sample.replace(/\{(\w+)\}/g, (_, name: string) => {
      const type = intent.slots?.find((s) => s.name === name)?.type ?? '';
      const typical = TYPICAL[type];
      if (!typical) throw new Error(`no typical value for slot type ${type}`);
      expected[name] = typical.value;
      if (typical.id) ids[name] = typical.id;
      return typical.say;
    });
    return { intent: intent.name, sample, utterance, expected, ids };
  }),
);

describe('the interaction model is consistent: every sample reaches its own intent', () => {
  test('every slot type used in a sample has a typical value here', () => {
    const types = new Set(language.intents.flatMap((i) => (i.slots ?? []).map((s) => s.type)));
    for (const type of types) expect(TYPICAL[type]).toBeDefined();
  });

  test.each(cases)('$intent: "$sample" as "$utterance"', ({ intent, utterance, expected, ids }) => {
    const result = match(utterance);
    expect({ intent: result.intent, how: result.how, slots: slotValues(result) }).toEqual({ intent, how: 'exact', slots: expected });
    for (const [name, id] of Object.entries(ids)) expect(resolvedId(result.slots[name])).toBe(id);
  });
});
