import type { IntentDefinition } from './model';
import { normalize, tokenize } from './normalize';

export type SamplePart =
  | { readonly kind: 'word'; readonly word: string }
  | { readonly kind: 'slot'; readonly name: string; readonly type: string };

export interface CompiledSample {
  readonly intent: string;
  readonly text: string;
  readonly parts: readonly SamplePart[];
  /** The fixed words, for fuzzy scoring. */
  readonly words: readonly string[];
  readonly slotNames: readonly string[];
  /** Position in the model, the last tie-breaker. */
  readonly order: number;
}

/** Splits "can I take {activity} yet" into words and slot references, normalized like user input. */
export function compileSample(intent: IntentDefinition, text: string, order: number): CompiledSample {
  const parts: SamplePart[] = [];
  for (const piece of text.split(/(\{[^}]+\})/)) {
    const ref = /^\{([^}]+)\}$/.exec(piece);
    if (ref) {
      const name = ref[1] ?? '';
      const slot = intent.slots?.find((s) => s.name === name);
      if (!slot) throw new Error(`Sample "${text}" of ${intent.name} uses undeclared slot {${name}}`);
      parts.push({ kind: 'slot', name, type: slot.type });
    } else {
      for (const word of tokenize(normalize(piece))) parts.push({ kind: 'word', word });
    }
  }
  const words = parts.flatMap((p) => (p.kind === 'word' ? [p.word] : []));
  const slotNames = parts.flatMap((p) => (p.kind === 'slot' ? [p.name] : []));
  return { intent: intent.name, text, parts, words, slotNames, order };
}
