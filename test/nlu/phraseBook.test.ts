import type { Slot } from 'ask-sdk-model';
import { VirtualAlexa } from 'virtual-alexa';
import type { IsoDate } from '../../lambda/domain/calendar';
import { createNlu, type InteractionModelFile } from '../../tools/nlu';
import { normalize, tokenize } from '../../tools/nlu/normalize';
import { numberValue } from '../../tools/nlu/numbers';
import { parseDate } from '../../tools/nlu/slotTypes/date';
import { parseTime } from '../../tools/nlu/slotTypes/time';
import { PHRASE_BOOK, PHRASE_BOOK_TODAY, type Phrase } from './phraseBook';

/**
 * The phrase book heard two ways: (a) by our simulator's NLU, (b) by virtual-alexa 0.7, an independent
 * strict matcher that only accepts the model's own samples and slot values — Alexa's real NLU is not
 * guaranteed to be kinder than the samples. virtual-alexa passes AMAZON.DATE, AMAZON.TIME and
 * AMAZON.NUMBER words through unparsed; they are resolved here as Alexa does (dates to their next
 * occurrence), and words that are not a date or time reject the match, as Alexa would not fill the slot.
 * Both print the phrases they get wrong and their pass counts. `MODEL_FILE` tries another model file.
 */
const MODEL_FILE = process.env.MODEL_FILE ?? 'skill-package/interactionModels/custom/en-US.json';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a path chosen at run time
const model = require(`../../${MODEL_FILE}`) as InteractionModelFile;
const today = PHRASE_BOOK_TODAY as IsoDate;

interface Heard {
  readonly intent: string;
  readonly slots: Record<string, string>;
}

const resolvedId = (slot: Slot | undefined): string | undefined => {
  const authority = slot?.resolutions?.resolutionsPerAuthority?.find((a) => a.status.code === 'ER_SUCCESS_MATCH');
  return authority?.values?.[0]?.value.id;
};

/** What an intent request says, in the phrase book's terms: custom slots by resolved id, built-ins by value. */
function heardFrom(intent: string, slots: Record<string, Slot> | undefined, builtin: (name: string, slot: Slot) => string | undefined): Heard | undefined {
  const out: Record<string, string> = {};
  for (const [name, slot] of Object.entries(slots ?? {})) {
    if (slot.value === undefined || slot.value === '') continue;
    const id = resolvedId(slot);
    if (slot.resolutions) {
      if (!id) return undefined; // a custom value the model does not know
      out[name] = id;
      continue;
    }
    const value = builtin(name, slot);
    if (value === undefined) return undefined;
    out[name] = value;
  }
  return { intent, slots: out };
}

function problem(phrase: Phrase, heard: Heard | undefined): string | undefined {
  if (!heard) return `"${phrase.say}": not understood (expected ${phrase.intent})`;
  const wrongSlots = Object.entries(phrase.slots ?? {}).filter(([name, value]) => heard.slots[name] !== value);
  if (heard.intent === phrase.intent && wrongSlots.length === 0) return undefined;
  return `"${phrase.say}": heard ${heard.intent} ${JSON.stringify(heard.slots)}, expected ${phrase.intent} ${JSON.stringify(phrase.slots ?? {})}`;
}

function report(matcher: string, failures: readonly string[]): void {
  const passed = PHRASE_BOOK.length - failures.length;
  const lines = [`phrase book, ${matcher}: ${passed}/${PHRASE_BOOK.length} pass`, ...failures.map((f) => `  ✗ ${f}`)];
  process.stdout.write(`${lines.join('\n')}\n`);
}

test('the phrase book has at least 300 patient utterances', () => {
  expect(PHRASE_BOOK.length).toBeGreaterThanOrEqual(300);
  expect(new Set(PHRASE_BOOK.map((p) => p.say.toLowerCase())).size).toBe(PHRASE_BOOK.length);
});

test('(a) our simulator NLU hears every phrase as intended', () => {
  const nlu = createNlu(model);
  const failures = PHRASE_BOOK.map((phrase) => {
    const r = nlu.match(phrase.say, today);
    const heard = r.how === 'fallback' ? { intent: r.intent, slots: {} } : heardFrom(r.intent, r.slots, (_n, slot) => slot.value);
    return problem(phrase, heard);
  }).filter((f): f is string => f !== undefined);
  report('simulator NLU', failures);
  expect(failures).toEqual([]);
});

test('(b) virtual-alexa, a strict sample matcher, hears every phrase as intended', async () => {
  type Sent = { request: { type: string; intent?: { name: string; slots?: Record<string, Slot> } } };
  const last: { request?: Sent } = {};
  const alexa = VirtualAlexa.Builder()
    .handler((event: Sent, _context: unknown, callback?: (e: unknown, r: unknown) => void) => {
      last.request = event;
      const response = { version: '1.0', response: { outputSpeech: { type: 'PlainText', text: 'ok' }, shouldEndSession: false } };
      if (callback) return callback(null, response);
      return Promise.resolve(response);
    })
    .interactionModel(model)
    .create();
  const builtinValue = (type: string | undefined, raw: string): string | undefined => {
    const words = tokenize(normalize(raw));
    if (type === 'AMAZON.DATE') return parseDate(words, today);
    // virtual-alexa strips the colon: "6:45" arrives as "645".
    if (type === 'AMAZON.TIME') return parseTime(words.map((w) => w.replace(/^(\d{1,2})(\d{2})$/, '$1:$2')));
    if (type === 'AMAZON.NUMBER') return numberValue(words)?.toString();
    return raw;
  };
  const typeOf = (intent: string, slot: string) =>
    model.interactionModel.languageModel.intents.find((i) => i.name === intent)?.slots?.find((s) => s.name === slot)?.type;

  const failures: string[] = [];
  for (const phrase of PHRASE_BOOK) {
    last.request = undefined;
    let heard: Heard | undefined;
    try {
      await alexa.utter(phrase.say);
      const intent = (last as { request?: Sent }).request?.request.intent;
      heard = intent ? heardFrom(intent.name, intent.slots, (name, slot) => builtinValue(typeOf(intent.name, name), slot.value ?? '')) : undefined;
    } catch {
      heard = undefined;
    }
    const wrong = problem(phrase, heard);
    if (wrong) failures.push(wrong);
  }
  report('virtual-alexa', failures);
  expect(failures).toEqual([]);
}, 60_000);
