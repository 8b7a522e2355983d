/**
 * Checks of an interaction model that Alexa's build would reject or certification would flag, kept
 * in one place for the model test and the manifest test.
 */

/** Words an invocation name may not contain: wake words, launch phrases and connecting words. */
const FORBIDDEN_WORDS = [
  'alexa',
  'amazon',
  'echo',
  'computer',
  'skill',
  'app',
  'ask',
  'open',
  'launch',
  'start',
  'begin',
  'tell',
  'load',
  'play',
  'resume',
  'run',
  'enable',
  'use',
  'talk',
  'to',
  'from',
  'in',
  'using',
  'with',
  'about',
  'for',
  'that',
  'by',
  'if',
  'and',
  'whether',
  'stop',
  'cancel',
  'help',
  'exit',
  'quit',
];

/** Alexa's rules for a custom invocation name; returns what breaks them (empty when it is fine). */
export function invocationNameProblems(name: string): string[] {
  const problems: string[] = [];
  if (!/^[a-z][a-z .']*[a-z]$/.test(name)) problems.push('only lowercase letters, spaces, periods and apostrophes');
  if (name.length < 2 || name.length > 50) problems.push('between 2 and 50 characters');
  const words = name.split(/\s+/);
  if (words.length < 2) problems.push('at least two words (one-word names need a brand)');
  const bad = words.filter((w) => FORBIDDEN_WORDS.includes(w));
  if (bad.length > 0) problems.push(`no wake, launch or connecting words (${bad.join(', ')})`);
  return problems;
}

export interface ModelIntent {
  readonly name: string;
  readonly samples?: readonly string[];
  readonly slots?: readonly { readonly name: string; readonly type: string }[];
}

export interface LanguageModel {
  readonly invocationName: string;
  readonly intents: readonly ModelIntent[];
  readonly types?: readonly {
    readonly name: string;
    readonly values: readonly { readonly id?: string; readonly name: { readonly value: string; readonly synonyms?: readonly string[] } }[];
  }[];
}

/**
 * A sample with each slot replaced by its type, so "can I {activity}" and "can I {thing}" of the same
 * type count as one utterance (Alexa reports those as conflicts), while "{date}" and "{time}" differ.
 */
export function sampleShape(sample: string, intent: ModelIntent): string {
  const typeOf = (name: string) => intent.slots?.find((s) => s.name === name)?.type ?? '?';
  return sample
    .toLowerCase()
    .replace(/\{(\w+)\}/g, (_m, name: string) => `{${typeOf(name)}}`)
    .replace(/\s+/g, ' ')
    .trim();
}
