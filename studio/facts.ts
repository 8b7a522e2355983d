import { readFileSync } from 'node:fs';
import path from 'node:path';
import { protocolFacts } from '../lambda/protocol/facts';
import { reviewForDeploy } from '../lambda/protocol/review';
import type { Protocol } from '../lambda/protocol/types';
import { repoRoot, type DocName } from './dataFiles';

/**
 * Every care fact in the data with its source and review state, for the sign-off list: the skill's own
 * list (protocolFacts), with where each fact's source and reviewed switch sit in the file.
 */
export interface Fact {
  /** How the fact reads ("makeup: avoid on days 1–2 (at least 48 hours)", or the words spoken). */
  readonly label: string;
  readonly doc: DocName;
  /** The fact's own field. */
  readonly at: string;
  readonly source: { readonly kind: 'article' | 'clinic'; readonly text: string };
  /** The field holding the fact's source (shown, not edited). */
  readonly sourcePath: string;
  /** The reviewed switch's field: only a clinic reading has one (an article fact is the clinic's own). */
  readonly reviewPath?: string;
  readonly reviewed: boolean;
}

/** A fact field that is an object holds its source; a window's (a number) is its neighbour `source`. */
function sourcePathOf(protocol: Protocol, path: string): string {
  const value = path.split(/\.|(?=\[)/).reduce<unknown>((v, step) => {
    if (v === null || typeof v !== 'object') return undefined;
    return (v as Record<string, unknown>)[step.startsWith('[') ? step.slice(1, -1) : step];
  }, protocol);
  return typeof value === 'object' && value !== null ? `${path}.source` : `${path.replace(/\.[^.[\]]+$/, '')}.source`;
}

export function factsOf(protocol: Protocol): Fact[] {
  return protocolFacts(protocol).map((f) => {
    const sourcePath = sourcePathOf(protocol, f.path);
    const common = { label: f.text, doc: 'protocol', at: f.path, sourcePath, reviewed: f.reviewed } as const;
    return 'clinic' in f.source
      ? { ...common, source: { kind: 'clinic', text: f.source.clinic }, reviewPath: `${sourcePath}.reviewedByClinic` }
      : { ...common, source: { kind: 'article', text: f.source.article } };
  });
}

/**
 * What `npm run deploy` would still refuse, by the deploy gate's own review: placeholders in the clinic
 * file and disagreements with the skill manifest (unreviewed facts are counted from the list above).
 */
export function deployProblems(protocol: Protocol): readonly string[] {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'skill-package/skill.json'), 'utf8'));
  return reviewForDeploy(protocol, manifest).problems;
}
