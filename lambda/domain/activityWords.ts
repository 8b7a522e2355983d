/**
 * The words patients use for an activity, reduced to a key that the protocol's words share: "a sauna",
 * "steam rooms", "my retinol cream", "pick at the flakes", "go for a run" find "sauna", "steam room",
 * "retinol", "pick the flakes" and "run". Both sides go through the same steps, so the clinic writes
 * synonyms as people say them.
 */

/** Words that only point at the thing: "the", "my", "some". */
const FILLERS = new Set(['a', 'an', 'the', 'some', 'my', 'your', 'any', 'this', 'that', 'those', 'these']);

/** Verbs in front of the thing, dropped (longest first): "go for a run", "take an Advil", "sit in the sun". */
const LEADING_VERBS = [
  'go for a',
  'go for',
  'go to',
  'go in',
  'go into',
  'go on',
  'go back to',
  'go',
  'get in',
  'get into',
  'sit in',
  'be in',
  'lie in',
  'use',
  'wear',
  'take',
  'do',
  'have',
  'get',
  'put on',
  'apply',
  'try',
  'start',
  'eat',
  'drink',
  'put',
].map((v) => v.split(' '));

/** "pick at the flakes" is "pick the flakes": the preposition goes, the verb carries the meaning. */
const VERB_PREPOSITIONS: Record<string, string> = { pick: 'at', picking: 'at', scratch: 'at' };

/** Trailing words that name a product's form, not what is in it: "retinol cream", "vitamin C serum". */
const PRODUCT_FORMS = new Set(['cream', 'serum', 'lotion', 'product', 'treatment', 'gel']);

/** "flakes" → "flake", "saunas" → "sauna", "NSAIDs" → "nsaid"; leaves "glass", "bus", "this" alone. */
export function singular(word: string): string {
  if (word.length <= 3 || /(ss|us|is)$/.test(word)) return word;
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ch|sh|x|z)es$/.test(word)) return word.slice(0, -2);
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

/** "swim" → "swimming", "shave" → "shaving", "lift" → "lifting": how an activity is named as a noun. */
export function gerund(verb: string): string {
  if (verb.endsWith('ing') || verb.length < 2) return verb;
  if (/[^e]e$/.test(verb)) return `${verb.slice(0, -1)}ing`;
  // One short syllable ending consonant-vowel-consonant doubles it: run, jog, swim, tan.
  if (/^[^aeiou]*[aeiou][bdgklmnprt]$/.test(verb)) return `${verb}${verb.slice(-1)}ing`;
  return `${verb}ing`;
}

const plainWords = (text: string): string[] =>
  text
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');

/** Drops one leading verb phrase, if the words go on after it. */
function withoutLeadingVerb(words: readonly string[]): string[] {
  for (const verb of LEADING_VERBS) {
    if (words.length > verb.length && verb.every((w, i) => words[i] === w)) return words.slice(verb.length);
  }
  return [...words];
}

/** The key an activity word is compared by; empty only for empty input. */
export function activityKey(text: string): string {
  let words = withoutLeadingVerb(plainWords(text));
  const first = words[0] ?? '';
  if (VERB_PREPOSITIONS[first] !== undefined && words[1] === VERB_PREPOSITIONS[first]) words.splice(1, 1);
  const meaningful = words.filter((w) => !FILLERS.has(w));
  words = (meaningful.length > 0 ? meaningful : words).map(singular);
  if (words.length > 1 && PRODUCT_FORMS.has(words[words.length - 1] ?? '')) words = words.slice(0, -1);
  return words.join(' ');
}

/** "picking" → "pick", "running" → "run", "shaving" → "shave"; other words unchanged. */
function baseVerb(word: string): string {
  if (!word.endsWith('ing')) return word;
  const stem = word.slice(0, -3);
  const candidates = [stem, `${stem}e`, stem.slice(0, -1)];
  return candidates.find((c) => c.length > 1 && gerund(c) === word) ?? word;
}

/**
 * The keys a patient's words may match: as said, with the verb as its -ing noun ("lift weights" is
 * "lifting weights") and as a plain verb ("picking at my skin" is "pick my skin").
 */
export function activityKeys(text: string): string[] {
  const key = activityKey(text);
  const [first = '', ...rest] = key.split(' ');
  return [...new Set([key, [gerund(first), ...rest].join(' '), [baseVerb(first), ...rest].join(' ')])];
}

/**
 * What the patient asked about as a noun phrase for a sentence ("I don't have guidance on …"):
 * "go for a swim" → "swimming", "shave" → "shaving", "get a facial" → "a facial", "my lip filler" →
 * "your lip filler". A lone word that is no verb we know stays as it was said.
 */
export function topicPhrase(text: string): string {
  const said = plainWords(text);
  // Alexa may have kept "for a" of "go for a swim" in the slot, the sample having taken the "go".
  const outing = said[0] === 'for' ? ['go', ...said] : said;
  const rest = withoutLeadingVerb(outing);
  const dropped = outing.slice(0, outing.length - rest.length);
  const swapped = rest.map((w) => (w === 'my' ? 'your' : w === 'i' ? 'you' : w));
  const [first = '', ...more] = swapped;
  // "go for a swim", "go swim": the activity is the verb's noun.
  if (dropped[0] === 'go' && more.length === 0) return gerund(first);
  if (COMMON_VERBS.has(first) && (dropped.length === 0 || dropped[0] === 'go')) return [gerund(first), ...more].join(' ');
  return swapped.join(' ');
}

/** Verbs patients start a question with that name the activity itself ("can I shave", "can I swim"). */
const COMMON_VERBS = new Set([
  'shave',
  'swim',
  'run',
  'jog',
  'lift',
  'tan',
  'sunbathe',
  'sweat',
  'wax',
  'pluck',
  'thread',
  'travel',
  'fly',
  'drive',
  'cook',
  'bake',
  'garden',
  'clean',
  'smoke',
  'bleach',
  'tweeze',
  'steam',
  'exfoliate',
  'pick',
  'scratch',
  'touch',
  'rub',
  'massage',
  'kiss',
  'cuddle',
  'hike',
  'bike',
  'cycle',
  'dance',
  'ski',
  'skate',
  'surf',
  'golf',
]);
