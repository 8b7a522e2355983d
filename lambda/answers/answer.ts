import { isReviewed } from '../protocol/facts';
import type { Source } from '../protocol/types';
import type { Speech } from '../speech/types';

/** A care fact's source as every door shows it: the article's sentence or the clinic's reading, and whether it is reviewed. */
export interface CitedSource {
  readonly source: Source;
  readonly reviewedByClinic: boolean;
}

export const cite = (source: Source): CitedSource => ({ source, reviewedByClinic: isReviewed(source) });

/**
 * One answer, decided once for every door: the words (with the re-prompt when the answer is a
 * question back, and a card when there is one), the protocol facts they rest on, and the same decision
 * as values (day numbers, dates, allowed / until). A door renders these and adds nothing of its own, so
 * its words and its data cannot disagree.
 */
export interface Answer<D extends object = Readonly<Record<string, unknown>>> {
  readonly sentence: Speech;
  readonly facts: readonly CitedSource[];
  readonly data: D;
}

export const answerOf = <D extends object>(sentence: Speech | string, data: D, facts: readonly CitedSource[] = []): Answer<D> => ({
  sentence: typeof sentence === 'string' ? { text: sentence } : sentence,
  facts,
  data,
});
