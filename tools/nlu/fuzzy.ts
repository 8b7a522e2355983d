import type { IsoDate } from '../../lambda/domain/calendar';
import type { FilledSlot } from './exact';
import type { CompiledSample } from './samples';
import type { SlotTypeParser } from './slotTypes';

/** Words that carry little meaning on their own count half, so "what is the weather" does not look like "what is my plan". */
const FUNCTION_WORDS = new Set([
  'i',
  'me',
  'my',
  'a',
  'an',
  'the',
  'is',
  'it',
  'to',
  'of',
  'on',
  'in',
  'at',
  'for',
  'and',
  'or',
  'be',
  'am',
  'are',
  'was',
  'you',
  'your',
  'do',
  'does',
  'did',
  'this',
  'that',
  'some',
  'will',
  'would',
  'if',
  'with',
  'what',
  'can',
  'should',
  'any',
  'get',
  'just',
  'so',
  'there',
  'have',
  'has',
  'now',
  'yet',
  'please',
  'about',
]);

export const weight = (word: string): number => (FUNCTION_WORDS.has(word) ? 0.5 : 1);
/** A slot value found anywhere is weak evidence on its own: dates and numbers turn up in any sentence. */
const SLOT_WEIGHT = 0.5;

/** Everyday variants of a sample's words; spans are found on the words as said, so slots are unaffected. */
const SAME_AS: Readonly<Record<string, string>> = {
  using: 'use',
  wearing: 'wear',
  taking: 'take',
  doing: 'do',
  going: 'go',
  appointment: 'treatment',
  procedure: 'treatment',
  treated: 'treatment',
  safe: 'okay',
  fine: 'okay',
  alright: 'okay',
  reminders: 'reminder',
};

/** Both sides are compared in these canonical words ("how about" says "what about"). */
export const canonical = (words: readonly string[]): string[] =>
  words.map((w, i) => (w === 'how' && words[i + 1] === 'about' ? 'what' : (SAME_AS[w] ?? w)));

/** Below this the utterance goes to AMAZON.FallbackIntent. */
export const FUZZY_THRESHOLD = 0.6;

/**
 * Intents that store something need a closer phrasing: "what is the date today" must not become "my
 * treatment date is today", nor "set a timer for ten minutes" a reminder at ten.
 */
const STRICTER: Readonly<Record<string, number>> = {
  SetTreatmentDateIntent: 0.7,
  NewTreatmentIntent: 0.7,
  SetUpRemindersIntent: 0.7,
  ChangeReminderTimeIntent: 0.7,
  CancelRemindersIntent: 0.7,
  ForgetMeIntent: 0.7,
};

export const fuzzyThreshold = (intent: string): number => STRICTER[intent] ?? FUZZY_THRESHOLD;

export interface FuzzyMatch {
  readonly score: number;
  readonly slots: readonly FilledSlot[];
}

interface Span {
  readonly start: number;
  readonly end: number;
  readonly slot: FilledSlot;
}

/**
 * Scores a sample against an utterance said differently: each of the sample's slots takes the longest
 * span of the utterance its type resolves, anywhere; the other words are compared as weighted bags
 * (F1 of overlap). A sample whose slot finds no value does not match.
 */
export function scoreFuzzy(
  sample: CompiledSample,
  utterance: readonly string[],
  spansFor: (slotName: string, type: string) => readonly Span[],
): FuzzyMatch | undefined {
  const tokens = canonical(utterance);
  const used = new Array<boolean>(tokens.length).fill(false);
  const slots: FilledSlot[] = [];
  for (const part of sample.parts) {
    if (part.kind !== 'slot') continue;
    const span = spansFor(part.name, part.type).find((s) => used.slice(s.start, s.end).every((u) => !u));
    if (!span) return undefined;
    used.fill(true, span.start, span.end);
    slots.push(span.slot);
  }

  const wanted = new Map<string, number>();
  const sampleWords = canonical(sample.words);
  for (const w of sampleWords) wanted.set(w, (wanted.get(w) ?? 0) + 1);
  let matched = slots.length * SLOT_WEIGHT;
  let matchedContent = false;
  let said = slots.length * SLOT_WEIGHT;
  tokens.forEach((w, i) => {
    if (used[i]) return;
    said += weight(w);
    const left = wanted.get(w) ?? 0;
    if (left > 0) {
      wanted.set(w, left - 1);
      matched += weight(w);
      if (weight(w) === 1) matchedContent = true;
    }
  });
  const expected = sampleWords.reduce((sum, w) => sum + weight(w), 0) + slots.length * SLOT_WEIGHT;
  // The fixed words must say something: a content word, or all of them ("what should I do", "it was {date}").
  const allWords = [...wanted.values()].every((left) => left === 0);
  if (!matchedContent && !allWords) return undefined;
  const precision = matched / said;
  const recall = matched / expected;
  return { score: (2 * precision * recall) / (precision + recall), slots };
}

/** Every span of the utterance that a slot type resolves, longest first (then earliest). */
export function findSpans(name: string, tokens: readonly string[], parse: SlotTypeParser, today: IsoDate, maxWords = 8): Span[] {
  const spans: Span[] = [];
  for (let start = 0; start < tokens.length; start++) {
    for (let end = start + 1; end <= Math.min(tokens.length, start + maxWords); end++) {
      const fill = parse(tokens.slice(start, end), today);
      if (fill?.resolved) spans.push({ start, end, slot: { name, fill } });
    }
  }
  return spans.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
}
