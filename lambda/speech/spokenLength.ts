/**
 * About how long Alexa takes to say a text, in seconds: its words at 150 a minute (an ordinary pace
 * with its pauses; Alexa's default voice is no slower). Numbers count as the words said for them
 * ("29" is "twenty nine", "14th" is "fourteenth"), an abbreviation in capitals as its letters ("SPF").
 * Used to keep the briefing under ~25 seconds (SPEC) and by the test that checks it.
 */
export const WORDS_PER_MINUTE = 150;

export const spokenSecondsOfText = (text: string): number => spokenWords(text) * (60 / WORDS_PER_MINUTE);

/** Words as heard. Runs on every briefing, so plain loops over character codes rather than regexes. */
export function spokenWords(text: string): number {
  let words = 0;
  for (const token of text.split(' ')) words += wordsFor(token);
  return words;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isLetter = (c: number): boolean => isUpper(c) || (c >= 97 && c <= 122);

function wordsFor(token: string): number {
  const first = token.charCodeAt(0);
  if (isDigit(first)) {
    const number = /^(\d+)(?:st|nd|rd|th)?[,;:.!?)"]*$/i.exec(token);
    if (number) return numberWords(Number(number[1]));
  }
  if (isUpper(first) && isUpper(token.charCodeAt(1))) {
    const abbreviation = /^([A-Z]{2,5})s?[,;:.!?)"]*$/.exec(token); // SPF, NSAIDs
    if (abbreviation) return abbreviation[1]!.length;
  }
  let words = 0;
  let inWord = false;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (isLetter(c) || isDigit(c)) {
      if (!inWord) words++;
      inWord = true;
    } else if (c !== 39 && c !== 8217) {
      inWord = false; // a hyphen, slash or punctuation ends a word ("wide-brimmed" is two); an apostrophe does not
    }
  }
  return words;
}

/** How many words a whole number is read as: 7 → 1, 29 → 2, 100 → 2, 2026 → 4 ("twenty twenty six" is 3; counted long). */
function numberWords(n: number): number {
  if (n < 21) return 1;
  if (n < 100) return n % 10 === 0 ? 1 : 2;
  if (n < 1000) return 2 + (n % 100 === 0 ? 0 : numberWords(n % 100));
  return 2 + (n % 1000 === 0 ? 0 : numberWords(n % 1000));
}
