import { dirname, join } from 'node:path';
import type { Slot } from 'ask-sdk-model';
import { VirtualAlexa } from 'virtual-alexa';
import type { IsoDate } from '../../lambda/domain/calendar';
import type { InteractionModelFile } from '../../tools/nlu';
import { BUILTIN_PHRASES } from '../../tools/nlu/builtinIntents';
import { normalize, tokenize } from '../../tools/nlu/normalize';
import { numberValue } from '../../tools/nlu/numbers';
import { parseDate } from '../../tools/nlu/slotTypes/date';
import { parseTime } from '../../tools/nlu/slotTypes/time';

/**
 * virtual-alexa 0.7 as a strict matcher: it accepts only the model's own samples and slot values. It
 * passes AMAZON.DATE, AMAZON.TIME and AMAZON.NUMBER words through unparsed; they are resolved here as
 * Alexa does (dates to their next occurrence), and words that are not a date or time reject the match,
 * as Alexa would not fill the slot. Two gaps are bridged without making it kinder: its `utter` takes any
 * phrase containing "ask" or "tell" for "open the skill", so its matcher is called directly; and its
 * regex cannot split two adjacent slots ("can I {activity} {date}"), so those samples alone are tried
 * split by split, each slot checked by its own value matcher. The built-in intents get Alexa's own
 * phrases for them (tools/nlu/builtinIntents), which Alexa understands without samples, and a slot that
 * took no words rejects the sample. Shared by the phrase book and the corpus.
 */

export interface Heard {
  readonly intent: string;
  /** Custom slots by resolved id (and `<name>.words` for what was said), built-ins by value. */
  readonly slots: Record<string, string>;
}

const resolvedId = (slot: Slot | undefined): string | undefined => {
  const authority = slot?.resolutions?.resolutionsPerAuthority?.find((a) => a.status.code === 'ER_SUCCESS_MATCH');
  return authority?.values?.[0]?.value.id;
};

/** What an intent request says: custom slots by resolved id, built-ins by value; undefined for a custom value the model does not know. */
export function heardFrom(
  intent: string,
  slots: Record<string, Slot> | undefined,
  builtin: (name: string, slot: Slot) => string | undefined,
): Heard | undefined {
  const out: Record<string, string> = {};
  for (const [name, slot] of Object.entries(slots ?? {})) {
    if (slot.value === undefined || slot.value === '') continue;
    const id = resolvedId(slot);
    if (slot.resolutions) {
      if (!id) return undefined;
      out[name] = id;
      out[`${name}.words`] = slot.value;
      continue;
    }
    const value = builtin(name, slot);
    if (value === undefined) return undefined;
    out[name] = value;
  }
  return { intent, slots: out };
}

const virtualCore = require.resolve('virtual-core', { paths: [dirname(require.resolve('virtual-alexa'))] });
const { Utterance } = require(virtualCore) as {
  Utterance: new (model: unknown, phrase: string) => { matched(): boolean; intent(): string; toJSON(): Record<string, string> };
};
// virtual-core builds each sample's RegExp anew for every phrase it tries (thousands of samples × every
// phrase); the same expression, built once per sample, gives the same matches in a fraction of the time.
type Sample = { _regex: string; phrase: string };
const { SamplePhrase, SampleUtterances } = require(join(dirname(virtualCore), 'SampleUtterances.js')) as {
  SamplePhrase: { prototype: { regex(): RegExp } };
  SampleUtterances: { prototype: { samplesForIntent(intent: string): Sample[] } };
};
const cached = new WeakMap<object, RegExp>();
SamplePhrase.prototype.regex = function regex(this: Sample) {
  let re = cached.get(this);
  if (!re) cached.set(this, (re = new RegExp(`^${this._regex}$`, 'i')));
  return re;
};
// Likewise, a sample whose fixed words are not all in the phrase cannot match its regex: it is not tried.
const fixedWords = new WeakMap<object, string[]>();
const wordsOf = (sample: Sample) => {
  let words = fixedWords.get(sample);
  if (!words)
    fixedWords.set(
      sample,
      (words = sample.phrase
        .replace(/\{[^}]*\}/g, ' ')
        .toLowerCase()
        .split(/\s+/)
        .filter((w) => w !== '')),
    );
  return words;
};
let phraseNow: string | undefined;
const allSamples = SampleUtterances.prototype.samplesForIntent;
SampleUtterances.prototype.samplesForIntent = function samplesForIntent(intent: string) {
  const samples = allSamples.call(this, intent);
  const phrase = phraseNow;
  return phrase === undefined ? samples : samples.filter((s) => wordsOf(s).every((w) => phrase.includes(w)));
};

type Sent = { request: { type: string; intent?: { name: string; slots?: Record<string, Slot> } } };
type SlotTypes = { matchesSlot(type: string, value: string): { matches: boolean } };

/** What virtual-alexa does to a phrase before matching: punctuation out (so "6:45" becomes "645"). */
const vaClean = (phrase: string) => phrase.replace(/[!"¿?|#$%/()=+\-_<>*{}·¡[\].,;:]/g, '');

function adjacentSlotMatch(
  modelJson: InteractionModelFile,
  slotTypes: SlotTypes,
  phrase: string,
  accepts: (type: string, words: string) => boolean,
): { intent: string; slots: Record<string, string> } | undefined {
  const words = vaClean(phrase)
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  let best: { intent: string; slots: Record<string, string>; fixed: number } | undefined;
  for (const intent of modelJson.interactionModel.languageModel.intents) {
    for (const sample of intent.samples ?? []) {
      if (!/\}\s*\{/.test(sample)) continue;
      const parts = sample
        .toLowerCase()
        .split(/\s+/)
        .flatMap((piece) => piece.split(/(?=\{)|(?<=\})/))
        .filter((x) => x !== '');
      const typeOfSlot = (name: string) => intent.slots?.find((sl) => sl.name === name)?.type ?? '';
      const walk = (pi: number, wi: number, acc: Record<string, string>): Record<string, string> | undefined => {
        const part = parts[pi];
        if (part === undefined) return wi === words.length ? acc : undefined;
        const slot = /^\{(.+)\}$/.exec(part)?.[1];
        if (!slot) return words[wi] === vaClean(part) ? walk(pi + 1, wi + 1, acc) : undefined;
        const type = typeOfSlot(slot);
        for (let end = wi + 1; end <= words.length; end++) {
          const value = words.slice(wi, end).join(' ');
          if (!slotTypes.matchesSlot(type, value).matches || !accepts(type, value)) continue;
          const found = walk(pi + 1, end, { ...acc, [slot]: value });
          if (found) return found;
        }
        return undefined;
      };
      const slots = walk(0, 0, {});
      const fixed = parts.filter((x) => !x.startsWith('{')).length;
      if (slots && (!best || fixed > best.fixed)) best = { intent: intent.name, slots, fixed };
    }
  }
  return best;
}

function matcherOn(modelJson: InteractionModelFile, accepts: (type: string, words: string) => boolean) {
  const last: { request?: Sent } = {};
  const alexa = VirtualAlexa.Builder()
    .handler((event: Sent, _context: unknown, callback?: (e: unknown, r: unknown) => void) => {
      last.request = event;
      const response = { version: '1.0', response: { outputSpeech: { type: 'PlainText', text: 'ok' }, shouldEndSession: false } };
      if (callback) return callback(null, response);
      return Promise.resolve(response);
    })
    .interactionModel(modelJson)
    .create();
  const interactionModel = (alexa.context() as unknown as { interactionModel(): { slotTypes: SlotTypes } }).interactionModel();
  return async (phrase: string): Promise<(NonNullable<Sent['request']['intent']> & { emptySlot?: string }) | undefined> => {
    phraseNow = phrase.toLowerCase();
    const utterance = new Utterance(interactionModel, phrase);
    phraseNow = undefined;
    const match = utterance.matched()
      ? { intent: utterance.intent(), slots: utterance.toJSON() }
      : adjacentSlotMatch(modelJson, interactionModel.slotTypes, phrase, accepts);
    if (!match) return undefined;
    // Its "(.*)" lets a slot take no words at all ("at 7 am" as "{date} at {time}"); Alexa fills a slot with words.
    const empty = Object.entries(match.slots).find(([, v]) => v.trim() === '')?.[0];
    if (empty) return { name: match.intent, slots: {}, emptySlot: empty };
    last.request = undefined;
    await alexa.request().intent(match.intent).slots(match.slots).send();
    return (last as { request?: Sent }).request?.request.intent;
  };
}

/** The model without the samples of `intent` that use slot `slot`: Alexa would not have filled it with those words. */
function withoutSamples(modelJson: InteractionModelFile, intent: string, slot: string): InteractionModelFile {
  const copy = JSON.parse(JSON.stringify(modelJson)) as {
    interactionModel: { languageModel: { intents: { name: string; samples?: string[] }[] } };
  };
  for (const i of copy.interactionModel.languageModel.intents) {
    if (i.name === intent) i.samples = (i.samples ?? []).filter((sample) => !sample.includes(`{${slot}}`));
  }
  return copy as unknown as InteractionModelFile;
}

/**
 * One strict matcher for a model (built once: virtual-alexa is slow to build); `hear(phrase)` gives what
 * Alexa would send, or undefined when no sample takes the phrase.
 */
/** Alexa's built-in intents understand their own phrases without samples; virtual-alexa only knows samples. */
function withBuiltinPhrases(model: InteractionModelFile): InteractionModelFile {
  const copy = JSON.parse(JSON.stringify(model)) as {
    interactionModel: { languageModel: { intents: { name: string; samples?: string[] }[] } };
  };
  for (const intent of copy.interactionModel.languageModel.intents) {
    const own = new Set((intent.samples ?? []).map((s) => s.toLowerCase()));
    intent.samples = [...(intent.samples ?? []), ...(BUILTIN_PHRASES[intent.name] ?? []).filter((p) => !own.has(p.toLowerCase()))];
  }
  return copy as unknown as InteractionModelFile;
}

export function createStrictMatcher(modelFile: InteractionModelFile, today: IsoDate): (phrase: string) => Promise<Heard | undefined> {
  const model = withBuiltinPhrases(modelFile);
  const typeOf = (intent: string, slot: string) =>
    model.interactionModel.languageModel.intents.find((i) => i.name === intent)?.slots?.find((s) => s.name === slot)?.type;
  const builtinValue = (type: string | undefined, raw: string): string | undefined => {
    const words = tokenize(normalize(raw));
    if (type === 'AMAZON.DATE') return parseDate(words, today);
    // virtual-alexa strips the colon: "6:45" arrives as "645".
    if (type === 'AMAZON.TIME') return parseTime(words.map((w) => w.replace(/^(\d{1,2})(\d{2})$/, '$1:$2')));
    if (type === 'AMAZON.NUMBER') return numberValue(words)?.toString();
    return raw;
  };
  const accepts = (type: string, words: string) => !type.startsWith('AMAZON.') || builtinValue(type, words) !== undefined;
  const matchers = new Map<string, ReturnType<typeof matcherOn>>();
  const matcherFor = (key: string, json: InteractionModelFile) => {
    let m = matchers.get(key);
    if (!m) matchers.set(key, (m = matcherOn(json, accepts)));
    return m;
  };
  return async (phrase) => {
    // virtual-alexa does not know what a date or a time is (any words fill those slots): when the words
    // it chose are neither, the samples that took them are out, as Alexa would not have matched them.
    let json = model;
    let key = '';
    for (let attempt = 0; attempt < 4; attempt++) {
      const intent = await matcherFor(key, json)(phrase);
      if (!intent) return undefined;
      let rejected = intent.emptySlot;
      const heard = rejected
        ? undefined
        : heardFrom(intent.name, intent.slots, (name, slot) => {
            const value = builtinValue(typeOf(intent.name, name), slot.value ?? '');
            if (value === undefined) rejected = name;
            return value;
          });
      if (!rejected) return heard;
      key = `${key}|${intent.name}.${rejected}`;
      json = withoutSamples(json, intent.name, rejected);
    }
    return undefined;
  };
}
