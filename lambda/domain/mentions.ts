import type { Protocol } from '../protocol/types';

/** Lower case, letters and digits only, single spaces: "My face's really HOT!" → "my face s really hot". */
export const plainWords = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Whether `text` says any of `words` as whole words ("my medication" mentions "medication"; "hot yoga" mentions "hot"). */
export function mentions(text: string | undefined, words: readonly string[]): boolean {
  if (!text) return false;
  const padded = paddedWords(text);
  return words.some((w) => {
    const key = plainWord(w);
    return key !== '' && padded.includes(` ${key} `);
  });
}

// Warm requests: one question is checked against hundreds of protocol words, so the question is made plain
// once (the last one asked is kept) and each protocol word once per container (the protocol's vocabulary).
let lastText: { readonly text: string; readonly padded: string } | undefined;
function paddedWords(text: string): string {
  if (lastText?.text !== text) lastText = { text, padded: ` ${plainWords(text)} ` };
  return lastText.padded;
}
const plainWordOf = new Map<string, string>();
function plainWord(word: string): string {
  let key = plainWordOf.get(word);
  if (key === undefined) {
    key = plainWords(word);
    plainWordOf.set(word, key);
  }
  return key;
}

/** The questions answered the same on every day, whatever activity the words might also name. */
export type FixedQuestion = 'prescriptions' | 'tanning';

/**
 * Which fixed question the words ask, if any: a prescription ("can I take Accutane", "my medication")
 * goes to the doctor, tanning is never fine (protocol: prescriptions, tanning).
 */
export function fixedQuestion(protocol: Protocol, text: string | undefined): FixedQuestion | undefined {
  if (mentions(text, protocol.prescriptions.words)) return 'prescriptions';
  if (mentions(text, protocol.tanning.words)) return 'tanning';
  return undefined;
}
