import type { Protocol } from '../protocol/types';
import { listOf } from '../speech/phrasing';

/**
 * The activity words in the tools' descriptions, made from the protocol so a host sees exactly what
 * the add-on can answer, in the words patients say (never the protocol's ids).
 */
export function activityWords(protocol: Protocol): { readonly examples: string; readonly topics: string } {
  const examples = protocol.activities.flatMap((a) => a.synonyms.slice(0, 2)).map((w) => `"${w}"`);
  const topics = protocol.activities.map((a) => {
    const others = a.synonyms.filter((w) => w.toLowerCase() !== a.shortName.toLowerCase()).slice(0, 2);
    return others.length > 0 ? `${a.shortName} (${others.join(', ')})` : a.shortName;
  });
  return { examples: examples.join(', '), topics: listOf(topics) };
}
