/**
 * The validator's messages name fields by path for developers ("activities[2].avoidThroughDay must be a
 * whole number from 0 to 366 (got -2)"); a nurse reads them beside the field, so they are said again here
 * in plain words, with the names patients hear instead of ids. Unknown messages pass through, path removed.
 */
type Raw = { readonly activities?: readonly { readonly shortName?: unknown }[] } | undefined;

const RULES: readonly [RegExp, (m: RegExpExecArray, name: (path: string) => string) => string][] = [
  [/must be a whole number from (\d+) to (\d+)/, (m) => `Enter a whole number of days from ${m[1]} to ${m[2]}.`],
  [/must be a whole number of days from (\d+)/, (m) => `Enter a whole number of days from ${m[1]}.`],
  [/must be a non-empty string/, () => 'This cannot be empty.'],
  [/must be a word without spaces before or after it/, () => 'Remove the spaces before or after the word.'],
  [
    /synonyms\[\d+\] "([^"]*)" is already used by (activities\[\d+\])/,
    (m, name) => `"${m[1]}" already means ${name(m[2]!)}: each word patients say can mean only one thing.`,
  ],
  [
    /atLeastHours must be avoidThroughDay × 24 \((\d+)\)/,
    (m) => `The hours must be the days × 24 (${m[1]}), so the wait ends on the first free day.`,
  ],
  [
    /fromDay must be (\d+) so phases follow each other/,
    (m) => `This phase must start on day ${m[1]}, the day after the one before it ends.`,
  ],
  [/toDay must not be before fromDay/, () => 'The last day cannot be before the first day.'],
  [/must be a phone number/, () => 'Enter a phone number: digits, spaces and + ( ) - only.'],
  [/must be an https URL/, () => 'Enter a web address that starts with https://'],
  [/avoidThroughDay must be set for a restriction/, () => 'A restriction needs at least day 1.'],
  [/avoidThroughDay must be 0 for an encouraged activity/, () => 'Always-encouraged care has no restricted days: enter 0.'],
  [/is missing$/, () => 'This is missing.'],
  [/is not a known field$/, () => 'The skill does not know this field.'],
  [/must be a list of at least (\d+)/, (m) => `Enter at least ${m[1]} (one per line).`],
];

export function plainMessage(message: string, raw: Raw): string {
  const name = (path: string): string => {
    const i = Number(/\[(\d+)\]/.exec(path)?.[1]);
    const shortName = raw?.activities?.[i]?.shortName;
    return typeof shortName === 'string' ? shortName : 'another activity';
  };
  for (const [pattern, say] of RULES) {
    const m = pattern.exec(message);
    if (m) return say(m, name);
  }
  return message.replace(/^Invalid [a-z ]+: [\w.[\]]+ /, '').replace(/^./, (c) => c.toUpperCase());
}
