import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The patient corpus: utterances written from patients' side (not from the model), said on Wednesday
 * 2026-11-25, with the intent and slots Alexa should hand the skill. It was split ONCE, by a fixed seed
 * (FNV-1a of "18:" + the utterance in lower case: even → training half, odd → test half), into
 * corpus/train.tsv, which the model's grammar (scripts/model-carriers.js) is grown from, and
 * corpus/test.tsv, which no one edits the model against: it only measures.
 */
export const CORPUS_TODAY = '2026-11-25';
export const SPLIT_SEED = '18';

export interface Expectation {
  readonly slot: string;
  /** '=': the slot's value (a custom slot's resolved id); '~': the words said contain this. */
  readonly op: '=' | '~';
  readonly value: string;
}

export interface CorpusRow {
  readonly say: string;
  readonly intent: string;
  readonly expect: readonly Expectation[];
}

function read(file: string): CorpusRow[] {
  const lines = readFileSync(join(__dirname, 'corpus', file), 'utf8')
    .split('\n')
    .slice(1);
  return lines
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const [say = '', intent = '', expected = ''] = line.split('\t');
      const expect = expected
        .split(' ')
        .filter((e) => e !== '')
        .map((e) => {
          const m = /^(\w+)([=~])(.+)$/.exec(e);
          if (!m) throw new Error(`corpus ${file}: cannot read "${e}" in "${line}"`);
          return { slot: m[1] ?? '', op: m[2] as '=' | '~', value: (m[3] ?? '').replace(/_/g, ' ') };
        });
      return { say, intent, expect };
    });
}

export const TRAIN = read('train.tsv');
export const TEST = read('test.tsv');

/** The seeded half an utterance belongs to. */
export function halfOf(say: string): 'train' | 'test' {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(`${SPLIT_SEED}:${say.toLowerCase()}`)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 2 === 0 ? 'train' : 'test';
}
