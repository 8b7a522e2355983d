import { protocolFacts } from './facts';
import { isPlaceholder } from './load';
import type { Protocol, ProtocolFact } from './types';

/** What stands between the data and a deploy: facts the clinic has not reviewed, and placeholders left. */
export interface DeployReview {
  readonly unreviewed: readonly ProtocolFact[];
  /** Clinic fields and manifest fields still holding a template placeholder, or disagreeing with the clinic file. */
  readonly problems: readonly string[];
}

/** The manifest fields that must agree with the clinic file (skill-package/skill.json). */
interface Manifest {
  readonly manifest: {
    readonly publishingInformation?: {
      readonly locales?: Record<string, { readonly smallIconUri?: string; readonly largeIconUri?: string }>;
    };
    readonly privacyAndCompliance?: {
      readonly locales?: Record<string, { readonly privacyPolicyUrl?: string; readonly termsOfUseUrl?: string }>;
    };
  };
}

/** Reviews the protocol, the clinic file and the skill manifest before a deploy. Pure: no files, no network. */
export function reviewForDeploy(protocol: Protocol, manifest: Manifest): DeployReview {
  const problems: string[] = [];
  for (const [field, value] of Object.entries(protocol.clinic)) {
    if (isPlaceholder(value))
      problems.push(`clinic.${field} is a placeholder (${value || 'empty'}): fill it in lambda/protocol/clinic.json`);
  }
  const legal = manifest.manifest.privacyAndCompliance?.locales ?? {};
  for (const [locale, urls] of Object.entries(legal)) {
    if (urls.privacyPolicyUrl !== protocol.clinic.privacyPolicyUrl) {
      problems.push(
        `skill.json ${locale} privacyPolicyUrl (${urls.privacyPolicyUrl}) differs from clinic.privacyPolicyUrl (${protocol.clinic.privacyPolicyUrl})`,
      );
    }
    if (urls.termsOfUseUrl !== protocol.clinic.termsOfUseUrl) {
      problems.push(
        `skill.json ${locale} termsOfUseUrl (${urls.termsOfUseUrl}) differs from clinic.termsOfUseUrl (${protocol.clinic.termsOfUseUrl})`,
      );
    }
  }
  for (const [locale, info] of Object.entries(manifest.manifest.publishingInformation?.locales ?? {})) {
    for (const field of ['smallIconUri', 'largeIconUri'] as const) {
      const value = info[field];
      if (value !== undefined && isPlaceholder(value)) problems.push(`skill.json ${locale} ${field} is a placeholder (${value})`);
    }
  }
  return { unreviewed: protocolFacts(protocol).filter((f) => !f.reviewed), problems };
}

/** One line per fact for the report: "[article] phases[0].skin: red, irritated skin…  ← "It's normal to…"". */
export function factLine(f: ProtocolFact): string {
  const state = 'article' in f.source ? 'article' : f.reviewed ? 'clinic, reviewed' : 'clinic, UNREVIEWED';
  const from = 'article' in f.source ? `"${f.source.article}"` : f.source.clinic;
  return `[${state}] ${f.path}: ${f.text}\n    source: ${from}`;
}
