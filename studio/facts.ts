import { readFileSync } from 'node:fs';
import path from 'node:path';
import { protocolFacts } from '../lambda/protocol/facts';
import { reviewForDeploy } from '../lambda/protocol/review';
import type { Protocol, Source } from '../lambda/protocol/types';
import { repoRoot, type DocName } from './dataFiles';

/**
 * Every care fact in the data with its source and review state, for the sign-off list: the skill's own
 * list (protocolFacts, which already reads a changed window as the clinic's reading), one row per
 * distinct fact, with what its "reviewed" switch writes into the file.
 */
export interface Fact {
  /** How the fact reads ("makeup: avoid on days 1–2 (at least 48 hours)", or the words spoken). */
  readonly label: string;
  readonly doc: DocName;
  /** The fact's own fields (one fact can stand in several places, like a phrase two phases share). */
  readonly at: readonly string[];
  readonly source: { readonly kind: 'article' | 'clinic'; readonly text: string };
  /** The fields holding the fact's sources (shown here, not in the editor). */
  readonly sourcePaths: readonly string[];
  readonly reviewed: boolean;
  /** Only a clinic reading has a switch: the source each field gets when it is switched on or off. */
  readonly review?: readonly { readonly path: string; readonly on: Source; readonly off: Source }[];
}

type Raw = Record<string, unknown>;

const valueAt = (root: unknown, at: string): unknown =>
  at.split(/\.|(?=\[)/).reduce<unknown>((v, step) => {
    if (v === null || typeof v !== 'object') return undefined;
    return (v as Raw)[step.startsWith('[') ? step.slice(1, -1) : step];
  }, root);

/** A fact field that is an object holds its source; a window's (a number) is its neighbour `source`. */
const ownerPathOf = (raw: unknown, at: string): { owner: string; isWindow: boolean } =>
  typeof valueAt(raw, at) === 'object' ? { owner: at, isWindow: false } : { owner: at.replace(/\.[^.[\]]+$/, ''), isWindow: true };

/** The numbers a window's sign-off vouches for: its days (and the article's hours, where it has them). */
function windowValues(owner: Raw): Record<string, number> {
  const fields = ['avoidThroughDay', 'atLeastHours', 'afterDays'].filter((f) => typeof owner[f] === 'number');
  return Object.fromEntries(fields.map((f) => [f, owner[f] as number]));
}

export function factsOf(protocol: Protocol, rawProtocol: unknown): Fact[] {
  const byKey = new Map<
    string,
    { -readonly [K in keyof Fact]: Fact[K] } & { at: string[]; sourcePaths: string[]; review?: { path: string; on: Source; off: Source }[] }
  >();
  for (const f of protocolFacts(protocol)) {
    const { owner, isWindow } = ownerPathOf(rawProtocol, f.path);
    const sourcePath = `${owner}.source`;
    const raw = valueAt(rawProtocol, sourcePath) as Source;
    const kind = 'article' in f.source ? 'article' : 'clinic';
    const text = 'article' in f.source ? f.source.article : f.source.clinic;
    const key = `${f.text}\u0000${kind}\u0000${text}`;
    const entry = byKey.get(key) ?? {
      label: f.text,
      doc: 'protocol' as const,
      at: [],
      source: { kind, text },
      sourcePaths: [],
      reviewed: f.reviewed,
    };
    entry.at.push(f.path);
    entry.sourcePaths.push(sourcePath);
    entry.reviewed &&= f.reviewed;
    if (kind === 'clinic') {
      const supports = isWindow ? { supports: windowValues(valueAt(rawProtocol, owner) as Raw) } : {};
      const on = { clinic: text, reviewedByClinic: true, ...supports };
      const off = 'article' in raw ? raw : { ...raw, reviewedByClinic: false };
      entry.review ??= [];
      entry.review.push({ path: sourcePath, on, off });
    }
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

/**
 * What `npm run deploy` would still refuse, by the deploy gate's own review: placeholders in the clinic
 * file and disagreements with the skill manifest (unreviewed facts are counted from the list above).
 */
export function deployProblems(protocol: Protocol): readonly string[] {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'skill-package/skill.json'), 'utf8'));
  return reviewForDeploy(protocol, manifest).problems;
}
