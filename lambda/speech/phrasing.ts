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
 * Whether a short name is a plural ("saunas", "hard workouts", "acid products"), so it takes "are" and
 * "have": a final s after anything but s, i or u ("fitness", "tennis", "Botox" stay singular).
 */
export const isPlural = (name: string): boolean => /[^siu]s$/i.test(name.trim());

/** "makeup is" / "saunas are" (`singular` and `plural` are the verb forms). */
export const agree = (name: string, singular: string, plural: string): string => `${name} ${isPlural(name) ? plural : singular}`;

/**
 * Restrictions ending on a day, as the briefing and that morning's reminder both say it: "From today,
 * makeup is fine again: mineral makeup is kindest…", "From today, your extra care with the sun can ease, but
 * keep minimizing direct sun…". `advice` off leaves out the protocol's advice
 * (a reminder that must be short).
 */
export function newlyAllowedSentence(items: readonly ActivityStatus[], when: string, advice = true): string | undefined {
  const avoid = items.filter((s) => s.activity.kind === 'avoid');
  const limit = items.filter((s) => s.activity.kind === 'limit');
  const parts: string[] = [];
  if (avoid.length > 0) {
    const only = advice && avoid.length === 1 ? avoid[0] : undefined;
    const names = listOf(avoid.map((s) => s.activity.shortName));
    const subject = avoid.length === 1 ? agree(names, 'is', 'are') : `${names} are`;
    parts.push(`${when}, ${subject} fine again${only ? `: ${only.activity.onceAllowed}` : ''}.`);
  }
  // A limit never simply ends: its lasting advice (sun protection) is what is said with it.
  for (const s of limit) {
    parts.push(`${when}, your extra care with ${s.activity.shortName} can ease${advice ? `, but ${s.activity.onceAllowed}` : ''}.`);
  }
  return parts.length > 0 ? parts.join(' ') : undefined;
}
