import type { Slot } from 'ask-sdk-model';
import type { IsoDate } from '../../lambda/domain/calendar';
import { BUILTIN_PHRASES } from './builtinIntents';
import { matchExactly, type FilledSlot } from './exact';
import { canonical, findSpans, fuzzyThreshold, scoreFuzzy, weight } from './fuzzy';
import type { IntentDefinition, InteractionModelFile } from './model';
import { normalize, stripFillers, tokenize } from './normalize';
import { compileSample, type CompiledSample } from './samples';
import { anyWords, createSlotTypeParsers, type SlotTypeParser } from './slotTypes';

export { parseInvocation, type Invocation } from './invocation';
export type { InteractionModelFile } from './model';

/** How the intent was found: a sample matched word for word, a close phrasing, a slot Alexa could not resolve, or nothing. */
export type MatchKind = 'exact' | 'fuzzy' | 'unresolved' | 'fallback';

export interface NluResult {
  readonly intent: string;
  /** Every slot the intent declares, as Alexa sends them: unfilled ones carry no value. */
  readonly slots: Record<string, Slot>;
  readonly how: MatchKind;
  /** The sample that won, for debugging a surprising match. */
  readonly sample?: string;
}

export interface Nlu {
  readonly invocationName: string;
  match(utterance: string, today: IsoDate): NluResult;
}

export interface NluOptions {
  /** Goes into entity-resolution authority names, like Alexa's. */
  readonly skillId?: string;
}

interface Candidate {
  readonly sample: CompiledSample;
  readonly slots: readonly FilledSlot[];
  readonly resolvedAll: boolean;
  /** 0 for the utterance as typed, 1 with fillers stripped: as typed wins a tie. */
  readonly variant: number;
}

export const FALLBACK_INTENT = 'AMAZON.FallbackIntent';

/** An offline stand-in for Alexa's language understanding, built from our own interaction model. */
export function createNlu(model: InteractionModelFile, options: NluOptions = {}): Nlu {
  const language = model.interactionModel.languageModel;
  const parsers = createSlotTypeParsers(language, options.skillId ?? 'amzn1.ask.skill.test');
  const parserFor = (type: string): SlotTypeParser => parsers.get(type) ?? anyWords;
  const intents = new Map(language.intents.map((i) => [i.name, i]));
  const samples = compileAll(language.intents);

  const result = (intent: string, slots: readonly FilledSlot[], how: MatchKind, sample?: string): NluResult => ({
    intent,
    slots: slotRecord(intents.get(intent), slots),
    how,
    sample,
  });

  return {
    invocationName: language.invocationName,
    match(utterance, today) {
      const typed = tokenize(normalize(utterance));
      const variants = [typed, stripFillers(typed)];
      if (typed.length === 0) return result(FALLBACK_INTENT, [], 'fallback');

      const candidates: Candidate[] = [];
      variants.forEach((tokens, variant) => {
        if (variant > 0 && tokens.length === typed.length) return;
        const said = new Set(tokens);
        for (const sample of samples) {
          // A sample matches word for word only if every fixed word of it was said: skip the others unwalked.
          if (sample.words.length > tokens.length || !sample.words.every((w) => said.has(w))) continue;
          const m = matchExactly(sample, tokens, today, parserFor);
          if (m) candidates.push({ sample, slots: m.slots, resolvedAll: m.resolvedAll, variant });
        }
      });
      const best = candidates.sort(byPreference)[0];
      if (best?.resolvedAll) return result(best.sample.intent, best.slots, 'exact', best.sample.text);

      // One word is too little to guess from ("go" is not "go ahead").
      const stripped = variants[1] ?? typed;
      const fuzzy = stripped.length > 1 ? bestFuzzy(samples, stripped, today, parserFor) : undefined;
      if (fuzzy) return result(fuzzy.sample.intent, fuzzy.slots, 'fuzzy', fuzzy.sample.text);
      // Alexa fills a custom slot with words it cannot resolve rather than give up; so do we, last — but
      // not a sample that is a bare slot ("{weekday}"), which would take any words at all.
      const unresolved = candidates.find((c) => c.sample.words.length > 0);
      if (unresolved) return result(unresolved.sample.intent, unresolved.slots, 'unresolved', unresolved.sample.text);
      return result(FALLBACK_INTENT, [], 'fallback');
    },
  };
}

function compileAll(intents: readonly IntentDefinition[]): CompiledSample[] {
  const out: CompiledSample[] = [];
  for (const intent of intents) {
    const texts = [...(BUILTIN_PHRASES[intent.name] ?? []), ...(intent.samples ?? [])];
    for (const text of new Set(texts)) out.push(compileSample(intent, text, out.length));
  }
  return out;
}

/**
 * Fully resolved first, then the most fixed words matched (fewest words inside slots), then as typed,
 * then model order. Among samples that leave a slot unresolved, the one whose slot takes the most words
 * wins: words the model does not know stay together ("get a facial", not "facial").
 */
function byPreference(a: Candidate, b: Candidate): number {
  const fixed = b.sample.words.length - a.sample.words.length;
  return (
    Number(b.resolvedAll) - Number(a.resolvedAll) ||
    (a.resolvedAll ? fixed : -fixed) ||
    a.variant - b.variant ||
    a.sample.order - b.sample.order
  );
}

/** The best-scoring sample above its intent's threshold. */
function bestFuzzy(
  samples: readonly CompiledSample[],
  tokens: readonly string[],
  today: IsoDate,
  parserFor: (type: string) => SlotTypeParser,
) {
  const spanCache = new Map<string, ReturnType<typeof findSpans>>();
  const spansFor = (name: string, type: string) => {
    const key = `${name}:${type}`;
    let spans = spanCache.get(key);
    if (!spans) {
      spans = findSpans(name, tokens, parserFor(type), today);
      spanCache.set(key, spans);
    }
    return spans;
  };
  let best: { sample: CompiledSample; score: number; slots: readonly FilledSlot[] } | undefined;
  const said = new Set(canonical(tokens));
  for (const sample of samples) {
    // scoreFuzzy needs a content word of the sample said, or all its words: skip samples with neither.
    const words = canonical(sample.words);
    if (!words.some((w) => said.has(w) && weight(w) === 1) && !words.every((w) => said.has(w))) continue;
    const scored = scoreFuzzy(sample, tokens, spansFor);
    if (scored && scored.score >= fuzzyThreshold(sample.intent) && (!best || scored.score > best.score)) best = { sample, ...scored };
  }
  return best;
}

function slotRecord(intent: IntentDefinition | undefined, filled: readonly FilledSlot[]): Record<string, Slot> {
  const slots: Record<string, Slot> = {};
  for (const { name } of intent?.slots ?? []) slots[name] = { name, confirmationStatus: 'NONE' };
  for (const { name, fill } of filled) {
    const { value, resolutions } = fill;
    slots[name] = resolutions
      ? { name, value, confirmationStatus: 'NONE', resolutions, slotValue: { type: 'Simple', value, resolutions } }
      : { name, value, confirmationStatus: 'NONE', slotValue: { type: 'Simple', value } };
  }
  return slots;
}
