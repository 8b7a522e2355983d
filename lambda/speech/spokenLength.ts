/**
 * About how long Alexa takes to say a text, in seconds: its words at 150 a minute (an ordinary pace
 * with its pauses; Alexa's default voice is no slower). Numbers count as the words said for them
 * ("29" is "twenty nine", "14th" is "fourteenth"), an abbreviation in capitals as its letters ("SPF").
 * Used to keep the briefing under ~25 seconds (SPEC) and by the test that checks it.
 */
export const WORDS_PER_MINUTE = 150;

export const spokenSecondsOfText = (text: string): number => spokenWords(text) * (60 / WORDS_PER_MINUTE);

export function spokenWords(text: string): number {
  const tokens = text.split(/[\s,;:.!?()"]+/).filter((t) => /[a-z0-9]/i.test(t));
  return tokens.reduce((sum, t) => sum + wordsFor(t), 0);
}

function wordsFor(token: string): number {
  const number = /^(\d+)(?:st|nd|rd|th)?$/i.exec(token);
  if (number) return numberWords(Number(number[1]));
  if (/^[A-Z]{2,5}s?$/.test(token)) return token.replace(/s$/, '').length; // SPF, NSAIDs
  return token.split('-').filter(Boolean).length; // "wide-brimmed" is two words
}

/** How many words a whole number is read as: 7 → 1, 29 → 2, 100 → 2, 2026 → 4 ("twenty twenty six" is 3; counted long). */
function numberWords(n: number): number {
  if (n < 21) return 1;
  if (n < 100) return n % 10 === 0 ? 1 : 2;
  if (n < 1000) return 2 + (n % 100 === 0 ? 0 : numberWords(n % 100));
  return 2 + (n % 1000 === 0 ? 0 : numberWords(n % 1000));
}
