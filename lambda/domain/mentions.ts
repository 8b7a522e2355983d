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
  const padded = ` ${plainWords(text)} `;
  return words.some((w) => {
    const key = plainWords(w);
    return key !== '' && padded.includes(` ${key} `);
  });
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
