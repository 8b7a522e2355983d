import type { Protocol } from '../lambda/protocol/types';
import type { DocName } from './dataFiles';

/**
 * Every care fact in the data with its source and review state, for the sign-off list. The one module
 * that knows how the protocol format records sources: today a `source` text ("article: …" or "our
 * reading: …") and, on activities, `reviewedByClinic`.
 */
export interface Fact {
  /** What the page calls it ("Makeup: restricted through day 2"). */
  readonly label: string;
  readonly doc: DocName;
  /** The object the fact belongs to; its source fields are shown here, not in the editor. */
  readonly at: string;
  readonly source: { readonly kind: 'article' | 'clinic'; readonly text: string };
  /** The field holding the fact's source (shown, not edited). */
  readonly sourcePath: string;
  /** The reviewed switch's field, where the format has one. */
  readonly reviewPath?: string;
  readonly reviewed?: boolean;
}

const ARTICLE = /^article:\s*/i;
const READING = /^our reading:\s*/i;

function sourceOf(text: string): Fact['source'] {
  if (ARTICLE.test(text)) return { kind: 'article', text: text.replace(ARTICLE, '') };
  return { kind: 'clinic', text: text.replace(READING, '') };
}

const daysLabel = (from: number, to: number | undefined): string =>
  to === undefined ? `from day ${from}` : from === to ? `day ${from}` : `days ${from}–${to}`;

export function factsOf(protocol: Protocol): Fact[] {
  const facts: Fact[] = [];
  protocol.phases.forEach((p, i) => {
    facts.push({ label: `Skin, ${daysLabel(p.fromDay, p.toDay)} (${p.id})`, doc: 'protocol', at: `phases[${i}]`, source: sourceOf(p.source), sourcePath: `phases[${i}].source` });
  });
  protocol.activities.forEach((a, i) => {
    const window = a.kind === 'encouraged' ? 'always encouraged' : `${a.kind === 'limit' ? 'extra care' : 'restricted'} through day ${a.avoidThroughDay}`;
    facts.push({
      label: `${a.shortName}: ${window}`,
      doc: 'protocol',
      at: `activities[${i}]`,
      source: sourceOf(a.source),
      sourcePath: `activities[${i}].source`,
      reviewPath: `activities[${i}].reviewedByClinic`,
      reviewed: a.reviewedByClinic,
    });
  });
  facts.push({
    label: `Follow-up: bookable after ${protocol.followUp.afterDays} days`,
    doc: 'protocol',
    at: 'followUp',
    source: sourceOf(protocol.followUp.source),
    sourcePath: 'followUp.source',
  });
  return facts;
}
