import type { IsoDate } from '../../lambda/domain/calendar';
import type { CompiledSample } from './samples';
import type { SlotFill, SlotTypeParser } from './slotTypes';

export interface FilledSlot {
  readonly name: string;
  readonly fill: SlotFill;
}

export interface SampleMatch {
  readonly slots: readonly FilledSlot[];
  /** Every slot resolved (a custom value it knows); otherwise only a last resort. */
  readonly resolvedAll: boolean;
}

/** Longest phrase a slot may swallow; real slot values are short. */
const MAX_SLOT_WORDS = 8;

/**
 * Matches the whole utterance against one sample: fixed words must be equal, each slot must take
 * 1–8 words its type can parse. Of several ways to split, a fully resolved one wins.
 */
export function matchExactly(
  sample: CompiledSample,
  tokens: readonly string[],
  today: IsoDate,
  parserFor: (type: string) => SlotTypeParser,
): SampleMatch | undefined {
  const { parts } = sample;
  // Fixed words still to come after each part: a slot must leave room for them.
  const wordsAfter = parts.map((_, i) => parts.slice(i + 1).filter((p) => p.kind === 'word').length);

  const walk = (pi: number, ti: number, acc: FilledSlot[]): SampleMatch | undefined => {
    const part = parts[pi];
    if (!part) return ti === tokens.length ? { slots: acc, resolvedAll: acc.every((s) => s.fill.resolved) } : undefined;
    if (part.kind === 'word') return tokens[ti] === part.word ? walk(pi + 1, ti + 1, acc) : undefined;
    const parse = parserFor(part.type);
    const lastEnd = Math.min(ti + MAX_SLOT_WORDS, tokens.length - (wordsAfter[pi] ?? 0));
    let best: SampleMatch | undefined;
    for (let end = ti + 1; end <= lastEnd; end++) {
      const fill = parse(tokens.slice(ti, end), today);
      if (!fill) continue;
      const found = walk(pi + 1, end, [...acc, { name: part.name, fill }]);
      if (found && (!best || (found.resolvedAll && !best.resolvedAll))) best = found;
      if (best?.resolvedAll) break;
    }
    return best;
  };
  return walk(0, 0, []);
}
