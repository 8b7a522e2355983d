import type { Activity, NotCoveredTopic, Protocol } from '../protocol/types';
import { addDays, makeDate, weekday, type IsoDate } from './calendar';
import { findActivity } from './care';
import { mentions, plainWords } from './mentions';
import { soundsLikeSymptom } from './symptoms';

/**
 * What a question asks, whatever it is about: "can I …", "when can I …", "do I still need / do I have
 * to …", "can I stop …", "how long …", "when will …". An answer always answers its kind: a "do I still
 * need sunscreen" is a yes, never an answer that starts with "No" (SPEC: What an answer means).
 */
export type QuestionKind = 'canI' | 'whenCanI' | 'need' | 'canStop' | 'howLong' | 'whenWill';

/** The kind of question an intent asks (the interaction model names them). */
export function questionKindOf(intent: string | undefined): QuestionKind {
  switch (intent) {
    case 'WhenCanIIntent':
      return 'whenCanI';
    case 'NeedIntent':
      return 'need';
    case 'CanStopIntent':
    case 'KeepSunscreenIntent':
      return 'canStop';
    case 'HowLongIntent':
      return 'howLong';
    case 'ResultsIntent':
      return 'whenWill';
    default:
      return 'canI';
  }
}

/**
 * What the patient's words are about — exactly one thing (SPEC): a symptom (it wins over any other word
 * in the same question), a topic the article does not cover, a prescription, tanning, or an activity the
 * article rules on (with a note when it is often prescribed, like aspirin). `unknown` when nothing fits.
 */
export type Meaning =
  | { readonly kind: 'symptom' }
  | { readonly kind: 'notCovered'; readonly topic: NotCoveredTopic }
  | { readonly kind: 'prescription' }
  | { readonly kind: 'tanning' }
  | { readonly kind: 'activity'; readonly activity: Activity; readonly prescribedToo: boolean }
  | { readonly kind: 'unknown' };

/**
 * The words' meaning. `heard` is everything the patient said about it (slot values joined), `resolved`
 * the activity id Alexa resolved, if any. Topic and activity words are taken out before symptom words
 * are looked for, so "a hot shower" or "hot yoga" is no symptom, while "ice on my swollen face" is.
 */
export function meaningOf(protocol: Protocol, heard: string | undefined, resolved?: string): Meaning {
  // Patients say a small vocabulary over and over: each protocol keeps the meanings it has worked out
  // (pure, so a cached one is the same answer), bounded so odd words cannot grow it without end.
  let known = meaningsOf.get(protocol);
  if (!known) {
    known = new Map();
    meaningsOf.set(protocol, known);
  }
  const key = `${heard ?? ''}\u0000${resolved ?? ''}`;
  const cached = known.get(key);
  if (cached) return cached;
  const meaning = decideMeaning(protocol, heard, resolved);
  if (known.size >= MAX_KNOWN_MEANINGS) known.clear();
  known.set(key, meaning);
  return meaning;
}

const MAX_KNOWN_MEANINGS = 1000;
const meaningsOf = new WeakMap<Protocol, Map<string, Meaning>>();

function decideMeaning(protocol: Protocol, heard: string | undefined, resolved?: string): Meaning {
  const text = heard ?? resolved ?? '';
  const rest = withoutTopicWords(protocol, text);
  if (soundsLikeSymptom(protocol, rest)) return { kind: 'symptom' };
  const topic = notCoveredTopic(protocol, text);
  if (topic) return { kind: 'notCovered', topic };
  const prescribedToo = mentions(text, protocol.prescribedToo?.words ?? []);
  if (!prescribedToo && mentions(text, protocol.prescriptions.words)) return { kind: 'prescription' };
  if (mentions(text, protocol.tanning.words)) return { kind: 'tanning' };
  const activity = findActivity(protocol, resolved) ?? findActivity(protocol, heard) ?? findActivityWithin(protocol, text);
  if (activity) return { kind: 'activity', activity, prescribedToo };
  return { kind: 'unknown' };
}

/** The topic the longest of its words names ("a peel at the spa" is a chemical peel, not a spa). */
function notCoveredTopic(protocol: Protocol, text: string): NotCoveredTopic | undefined {
  let best: { topic: NotCoveredTopic; length: number } | undefined;
  for (const topic of protocol.notCovered ?? []) {
    for (const word of topic.words)
      if (mentions(text, [word]) && (!best || word.length > best.length)) best = { topic, length: word.length };
  }
  return best?.topic;
}

/** The text with every not-covered topic word and activity word blanked out, longest first. */
function withoutTopicWords(protocol: Protocol, text: string): string {
  let padded = ` ${plainWords(text)} `;
  for (const phrase of topicPhrases(protocol)) if (padded.includes(phrase)) padded = padded.split(phrase).join(' · ');
  return padded;
}

/** The topic and activity words, plain, padded and longest first: made once per protocol (per container). */
const phrasesOf = new WeakMap<Protocol, readonly string[]>();
function topicPhrases(protocol: Protocol): readonly string[] {
  let phrases = phrasesOf.get(protocol);
  if (!phrases) {
    phrases = [...(protocol.notCovered ?? []).flatMap((t) => t.words), ...protocol.activities.flatMap((a) => a.synonyms)]
      .map(plainWords)
      .filter((w) => w !== '')
      .sort((a, b) => b.length - a.length)
      .map((w) => ` ${w} `);
    phrasesOf.set(protocol, phrases);
  }
  return phrases;
}

/** An activity word inside a longer phrase ("put ice on it", "my aspirin every morning"): the longest word wins. */
function findActivityWithin(protocol: Protocol, text: string): Activity | undefined {
  let best: { activity: Activity; length: number } | undefined;
  for (const a of protocol.activities) {
    for (const word of a.synonyms) {
      if (mentions(text, [word]) && (!best || word.length > best.length)) best = { activity: a, length: word.length };
    }
  }
  return best?.activity;
}

/** Days a question spans: "this weekend" (Alexa's 2026-W45-WE), "next week" (2026-W46). */
export interface DaySpan {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly weekend: boolean;
}

/** The span an Alexa date value names, if it is a week or a weekend; undefined for a day or nothing. */
export function spanAsked(value: string | undefined): DaySpan | undefined {
  const m = /^(\d{4})-W(\d{2})(-WE)?$/.exec((value ?? '').trim().toUpperCase());
  if (!m) return undefined;
  const jan4 = makeDate(Number(m[1]), 1, 4);
  const week = Number(m[2]);
  if (!jan4 || week < 1 || week > 53) return undefined;
  const monday = addDays(jan4, 7 * (week - 1) - ((weekday(jan4) + 6) % 7));
  return m[3]
    ? { from: addDays(monday, 5), to: addDays(monday, 6), weekend: true }
    : { from: monday, to: addDays(monday, 6), weekend: false };
}
