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

/** JSON with every object's keys in order, so two slot records compare whatever order they were filled in. */
const sorted = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );

describe('the interaction model is consistent: every sample reaches its own intent', () => {
  test('every slot type used in a sample has a typical value here', () => {
    const types = new Set(language.intents.flatMap((i) => (i.slots ?? []).map((s) => s.type)));
    for (const type of types) expect(TYPICAL[type]).toBeDefined();
  });

  // One test per intent (thousands of generated samples: one jest test each would cost more than the matching).
  const intents = [...new Set(cases.map((c) => c.intent))];
  test.each(intents)('%s: every sample, its slots filled', (name) => {
    const wrong = cases
      .filter((c) => c.intent === name)
      .flatMap(({ intent, sample, utterance, expected, ids }) => {
        const result = match(utterance);
        const got = {
          intent: result.intent,
          how: result.how,
          slots: slotValues(result),
          ids: Object.fromEntries(Object.keys(ids).map((n) => [n, resolvedId(result.slots[n])])),
        };
        const want = { intent, how: 'exact', slots: expected, ids };
        return sorted(got) === sorted(want) ? [] : [`"${sample}" as "${utterance}": ${JSON.stringify(got)}`];
      });
    expect(wrong).toEqual([]);
  });
});
