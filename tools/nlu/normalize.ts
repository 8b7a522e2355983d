/**
 * Text normalization shared by samples, slot values and what the user typed, so both sides of every
 * comparison look alike: lower case, contractions expanded, punctuation gone, single spaces.
 */

const IS_CONTRACTIONS = /\b(what|that|it|there|here|who|where|how|when|he|she)'s\b/g;

export function normalize(text: string): string {
  let s = text.toLowerCase().replace(/[’‘`´]/g, "'");
  s = s
    .replace(/\bcan't\b/g, 'cannot')
    .replace(/\bwon't\b/g, 'will not')
    .replace(/n't\b/g, ' not')
    .replace(IS_CONTRACTIONS, '$1 is')
    .replace(/\blet's\b/g, 'let us')
    .replace(/'m\b/g, ' am')
    .replace(/'re\b/g, ' are')
    .replace(/'ve\b/g, ' have')
    .replace(/'ll\b/g, ' will')
    .replace(/'d\b/g, ' would')
    // What is left is a possessive or o'clock: "today's" → "todays", "o'clock" → "oclock".
    .replace(/'/g, '')
    .replace(/&/g, ' and ');
  // Keep separators inside numbers (2026-11-20, 11/20, 7:30); elsewhere "-" and "/" split words.
  s = s.replace(/[^a-z0-9:/\- ]+/g, ' ');
  s = s.replace(/(?<!\d)[-/:]|[-/:](?!\d)/g, ' ');
  s = s.replace(/\s+/g, ' ').trim();
  s = s.replace(/\bcan not\b/g, 'cannot').replace(/\bok\b/g, 'okay');
  return s;
}

export const tokenize = (normalized: string): string[] => (normalized === '' ? [] : normalized.split(' '));

const LEADING_FILLERS: string[][] = [
  ...[
    'alexa',
    'um',
    'umm',
    'uh',
    'uhh',
    'uhm',
    'er',
    'erm',
    'hmm',
    'so',
    'hey',
    'oh',
    'well',
    'and',
    'but',
    'okay',
    'alright',
    'actually',
    'like',
    'maybe',
    'hi',
  ].map((w) => [w]),
  ['i', 'think'],
  ['i', 'believe'],
  ['i', 'guess'],
  ['i', 'wonder'],
  ['tell', 'me'],
  ['quick', 'question'],
];
const TRAILING_FILLERS: string[][] = [['please'], ['thanks'], ['thank', 'you'], ['alexa'], ['then']];

/** Drops words people add around a request ("hey", "um … please") while something is left to match. */
export function stripFillers(tokens: readonly string[]): string[] {
  const out = [...tokens];
  let changed = true;
  while (changed) {
    changed = false;
    for (const head of LEADING_FILLERS) {
      if (out.length > head.length && head.every((w, i) => out[i] === w)) {
        out.splice(0, head.length);
        changed = true;
      }
    }
  }
  changed = true;
  while (changed) {
    changed = false;
    for (const tail of TRAILING_FILLERS) {
      if (out.length > tail.length && tail.every((w, i) => out[out.length - tail.length + i] === w)) {
        out.splice(out.length - tail.length, tail.length);
        changed = true;
      }
    }
  }
  return out;
}
