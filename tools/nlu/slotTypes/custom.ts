import type { slu } from 'ask-sdk-model';
import type { SlotTypeDefinition } from '../model';
import { normalize } from '../normalize';

/** What a custom slot type makes of the captured words: Alexa's value plus entity resolution. */
export interface CustomSlotMatch {
  readonly value: string;
  readonly resolutions: slu.entityresolution.Resolutions;
  readonly resolved: boolean;
}

export type CustomSlotType = (words: readonly string[]) => CustomSlotMatch;

/** Words people put before a thing that are not part of it ("some advil", "my retinol"). */
const ARTICLES = new Set(['a', 'an', 'some', 'my', 'the', 'any', 'your']);

/**
 * A custom type resolves the captured words to one of its values by the value or any synonym.
 * Unknown words still fill the slot, with ER_SUCCESS_NO_MATCH, exactly as Alexa does.
 */
export function createCustomSlotType(type: SlotTypeDefinition, skillId: string): CustomSlotType {
  const authority = `amzn1.er-authority.echo-sdk.${skillId}.${type.name}`;
  const entries = new Map<string, { spoken: string; name: string; id: string }>();
  for (const v of type.values) {
    const name = v.name.value;
    const id = v.id ?? name;
    for (const spoken of [name, ...(v.name.synonyms ?? [])]) {
      const key = normalize(spoken);
      if (!entries.has(key)) entries.set(key, { spoken, name, id });
    }
  }

  const lookup = (key: string) => entries.get(key) ?? (key.endsWith('s') ? entries.get(key.slice(0, -1)) : entries.get(`${key}s`));

  return (words) => {
    const raw = words.join(' ');
    const withoutArticle = words.length > 1 && ARTICLES.has(words[0] ?? '') ? words.slice(1).join(' ') : undefined;
    const hit = lookup(raw) ?? (withoutArticle === undefined ? undefined : lookup(withoutArticle));
    if (!hit) {
      // Alexa sends no `values` at all on a miss (the SDK type says otherwise), so neither do we.
      const miss = { authority, status: { code: 'ER_SUCCESS_NO_MATCH' } } as slu.entityresolution.Resolution;
      return { value: raw, resolved: false, resolutions: { resolutionsPerAuthority: [miss] } };
    }
    return {
      value: hit.spoken,
      resolved: true,
      resolutions: {
        resolutionsPerAuthority: [{ authority, status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { name: hit.name, id: hit.id } }] }],
      },
    };
  };
}
