import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { interactionModel } from './fixture';

/**
 * The model the grammar grows stays inside Alexa's interaction-model limits (kept a margin below them):
 * sample utterances per intent (1,500 is the published figure for Amazon's intent-based NLU), characters
 * per sample (200), custom slot values and synonyms across the skill (50,000), and the model file's size
 * (kept under 1 MB, well below the 1.5 MB the console accepts).
 */
const language = interactionModel.interactionModel.languageModel;

test('no intent has more than 1,500 sample utterances, none longer than 200 characters', () => {
  const over = language.intents.filter((i) => (i.samples ?? []).length > 1500).map((i) => `${i.name}: ${i.samples?.length}`);
  const long = language.intents.flatMap((i) => (i.samples ?? []).filter((s) => s.length > 200));
  expect({ over, long }).toEqual({ over: [], long: [] });
});

test('custom slot values and synonyms stay under 50,000 in all, each under 140 characters', () => {
  const values = (language.types ?? []).flatMap((t) => t.values.flatMap((v) => [v.name.value, ...(v.name.synonyms ?? [])]));
  expect(values.length).toBeLessThan(50_000);
  expect(values.filter((v) => v.length > 140)).toEqual([]);
});

test('the model file is under 1 MB', () => {
  const bytes = readFileSync(resolve(__dirname, '../../skill-package/interactionModels/custom/en-US.json')).length;
  expect(bytes).toBeLessThan(1_000_000);
});
