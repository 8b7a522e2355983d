import type { Conversation, Turn } from '../../tools/simulator';

/**
 * Runs a conversation written as a transcript:
 *
 *   U: can I wear makeup           — the user says this (invocations and one-shots work too)
 *   A: not yet                     — the answer contains this (case-insensitive)
 *   A: /day \d+/i                  — or matches this regular expression
 *   A!: ibuprofen                  — the answer must NOT contain this
 *   C: makeup                      — the card text contains this
 *
 * Several A lines may follow one U line; blank lines and lines starting with # are ignored.
 * A failure shows the whole exchange so far. Returns the turns it produced.
 */
export async function transcript(conv: Conversation, script: string): Promise<Turn[]> {
  const turns: Turn[] = [];
  const exchange: string[] = [];
  let last: Turn | undefined;
  const lines = script.split('\n').map((l) => l.trim());

  for (const [index, line] of lines.entries()) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^(U|A!|A|C!|C):\s*(.*)$/.exec(line);
    if (!m) throw new Error(`transcript line ${index + 1}: cannot read "${line}" (expected "U: …", "A: …", "A!: …" or "C: …")`);
    const [, kind, text = ''] = m;
    if (kind === 'U') {
      last = await conv.say(text);
      turns.push(last);
      exchange.push(`U: ${text}`, `A: ${last.speech}${last.sessionEnded ? '   [session ended]' : ''}`);
      if (last.card) exchange.push(`   card: ${last.card.text.replace(/\n/g, ' / ')}`);
      continue;
    }
    if (!last) throw new Error(`transcript line ${index + 1}: "${line}" comes before any "U:" line`);
    const target = kind?.startsWith('C') ? (last.card?.text ?? '') : last.speech;
    const wanted = !kind?.endsWith('!');
    if (matches(target, text) !== wanted) {
      const what = kind?.startsWith('C') ? 'card' : 'answer';
      throw new Error(
        [
          `transcript line ${index + 1}: the ${what} should ${wanted ? '' : 'NOT '}${isRegex(text) ? 'match' : 'contain'} ${text}`,
          `  ${what}: ${target === '' ? '(nothing)' : target}`,
          '',
          'exchange so far:',
          ...exchange.map((e) => `  ${e}`),
        ].join('\n'),
      );
    }
  }
  return turns;
}

const isRegex = (text: string) => /^\/.*\/[a-z]*$/.test(text);

/** Case-insensitive substring, or /regex/flags; apostrophes and spaces compared loosely. */
export function matches(actual: string, expected: string): boolean {
  const regex = /^\/(.*)\/([a-z]*)$/.exec(expected);
  if (regex) return new RegExp(regex[1] ?? '', regex[2]).test(actual);
  const loose = (s: string) => s.replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
  return loose(actual).includes(loose(expected));
}
