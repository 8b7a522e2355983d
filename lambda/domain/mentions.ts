/** Lower case, letters and digits only, single spaces: "My face's really HOT!" → "my face s really hot". */
export const plainWords = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** Whether `text` says any of `words` as whole words ("my medication" mentions "medication"; "hot yoga" mentions "hot"). */
export function mentions(text: string | undefined, words: readonly string[]): boolean {
  if (!text) return false;
  const padded = ` ${plainWords(text)} `;
  return words.some((w) => {
    const key = plainWords(w);
    return key !== '' && padded.includes(` ${key} `);
  });
}
