/** Spoken and written numbers as speech recognition delivers them: "21", "21st", "twenty one", "twenty first". */

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
};
const TEENS: Record<string, number> = {
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const UNIT_ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
};
const TEEN_ORDINALS: Record<string, number> = {
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
};
const TENS_ORDINALS: Record<string, number> = {
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  eightieth: 80,
  ninetieth: 90,
};

export interface ParsedNumber {
  readonly value: number;
  readonly ordinal: boolean;
}

const DIGITS = /^(\d{1,9})(st|nd|rd|th)?$/;

/** The number if all of `words` spell exactly one number (cardinal or ordinal), else undefined. */
export function parseNumber(words: readonly string[]): ParsedNumber | undefined {
  if (words.length === 0) return undefined;
  if (words.length === 1) {
    const m = DIGITS.exec(words[0] ?? '');
    if (m) return { value: Number(m[1]), ordinal: m[2] !== undefined };
  }
  return parseSpelled(words);
}

/**
 * A small grammar: [N thousand] [N hundred [and]] [tens] [unit|teen], where the last word may be an
 * ordinal. "a hundred" counts as 100.
 */
function parseSpelled(words: readonly string[]): ParsedNumber | undefined {
  let total = 0;
  let group = 0; // below 1000, being built
  // What may come next: after a unit only "hundred"/"thousand"; after tens only a unit.
  let last: 'start' | 'unit' | 'teen' | 'tens' | 'hundred' | 'thousand' | 'and' = 'start';
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const isLast = i === words.length - 1;
    const unitLike = UNITS[w] ?? UNIT_ORDINALS[w];
    const teenLike = TEENS[w] ?? TEEN_ORDINALS[w];
    const tensLike = TENS[w] ?? TENS_ORDINALS[w];
    const ordinal = w in UNIT_ORDINALS || w in TEEN_ORDINALS || w in TENS_ORDINALS || w === 'hundredth' || w === 'thousandth';
    if (ordinal && !isLast) return undefined;
    if (unitLike !== undefined) {
      if (last === 'unit' || last === 'teen') return undefined;
      group += unitLike;
      last = 'unit';
    } else if (teenLike !== undefined) {
      if (last === 'unit' || last === 'teen' || last === 'tens') return undefined;
      group += teenLike;
      last = 'teen';
    } else if (tensLike !== undefined) {
      if (last === 'unit' || last === 'teen' || last === 'tens') return undefined;
      group += tensLike;
      last = 'tens';
    } else if (w === 'hundred' || w === 'hundredth') {
      if (last === 'hundred' || last === 'tens' || group >= 100) return undefined;
      group = (group === 0 ? 1 : group) * 100;
      last = 'hundred';
    } else if (w === 'thousand' || w === 'thousandth') {
      if (last === 'thousand' || total > 0) return undefined;
      total = (group === 0 ? 1 : group) * 1000;
      group = 0;
      last = 'thousand';
    } else if (w === 'and') {
      if (last !== 'hundred' && last !== 'thousand') return undefined;
      last = 'and';
    } else if (w === 'a' && i === 0 && (words[1] === 'hundred' || words[1] === 'thousand')) {
      continue;
    } else {
      return undefined;
    }
    if (isLast) return last === 'and' ? undefined : { value: total + group, ordinal };
  }
  return undefined;
}

/** Cardinal or ordinal value, whichever was said; for slots like AMAZON.NUMBER that accept both. */
export const numberValue = (words: readonly string[]): number | undefined => parseNumber(words)?.value;
