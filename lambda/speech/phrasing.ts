import type { ActivityStatus } from '../domain/care';

/** Small pieces of English shared by everything the skill says. */

/** Capitalized, with a full stop unless it already ends a sentence; '' stays ''. */
export const sentence = (s: string): string => {
  const t = s.trim();
  if (t === '') return '';
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
};

/** The given parts, skipping empty ones, with spaces between. */
export const join = (...parts: (string | undefined | false)[]): string => parts.filter((p): p is string => !!p).join(' ');

/** "a, b and c" / "a or b" */
export function listOf(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

/**
 * Restrictions ending on a day, as the briefing and that morning's reminder both say it: "From today,
 * makeup is fine again: mineral makeup is kindest…". `advice` off leaves out the protocol's advice
 * (a reminder that must be short).
 */
export function newlyAllowedSentence(items: readonly ActivityStatus[], when: string, advice = true): string | undefined {
  const avoid = items.filter((s) => s.activity.kind === 'avoid');
  const limit = items.filter((s) => s.activity.kind === 'limit');
  const parts: string[] = [];
  if (avoid.length > 0) {
    const only = advice && avoid.length === 1 ? avoid[0] : undefined;
    const names = listOf(avoid.map((s) => s.activity.shortName));
    parts.push(`${when}, ${names} ${avoid.length === 1 ? 'is' : 'are'} fine again${only ? `: ${only.activity.onceAllowed}` : ''}.`);
  }
  for (const s of limit) {
    parts.push(`${when}, your extra care with ${s.activity.shortName} can ease${advice ? `: ${s.activity.onceAllowed}` : ''}.`);
  }
  return parts.length > 0 ? parts.join(' ') : undefined;
}
