import type { ActivityStatus } from '../domain/care';

/** Small pieces of English shared by everything the skill says. */

/** Capitalized, with a full stop unless it already ends a sentence; '' stays ''. */
export const sentence = (s: string): string => {
  const t = s.trim();
  if (t === '') return '';
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
};

/** A phrase ended with a full stop, its first letter left as the protocol wrote it (after a colon). */
export const withStop = (s: string): string => {
  const t = s.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
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

/** The article's "at least" in words: 48 → "48 hours", 168 → "a full week". */
export function atLeastPhrase(hours: number): string {
  if (hours % 168 === 0) return hours === 168 ? 'a full week' : `${hours / 168} full weeks`;
  return `${hours} hours`;
}

/** "once 48 hours have passed since your appointment" / "once a full week has passed since your appointment". */
export function oncePassed(hours: number): string {
  const span = atLeastPhrase(hours);
  return `once ${span} ${span.startsWith('a ') ? 'has' : 'have'} passed since your appointment`;
}

/**
 * Restrictions ending on a day, as the briefing and that morning's reminder both say it: "From today,
 * 48 hours after your appointment, makeup is fine again. Mineral makeup is recommended.",
 * "From today, your extra care with the sun can ease. Always keep your skin safe…". A restriction with an
 * "at least" never ends at midnight, so its sentence names the hours (and `at`, the appointment's time
 * of day, when known). `advice` off leaves out the protocol's advice (a reminder that must be short).
 */
export function newlyAllowedSentence(items: readonly ActivityStatus[], when: string, advice = true, at?: string): string | undefined {
  const avoid = items.filter((s) => s.activity.kind === 'avoid');
  const limit = items.filter((s) => s.activity.kind === 'limit');
  const parts: string[] = [];
  // Grouped by their "at least" (none, 48 hours, a week), each said with its own condition.
  const byHours = new Map<number, ActivityStatus[]>();
  for (const s of avoid) byHours.set(s.activity.atLeastHours ?? 0, [...(byHours.get(s.activity.atLeastHours ?? 0) ?? []), s]);
  for (const [hours, group] of byHours) {
    const names = listOf(group.map((s) => s.activity.shortName));
    const subject = group.length === 1 ? agree(names, 'is', 'are') : `${names} are`;
    parts.push(`${when}${hours > 0 ? `${at ? ` at ${at}` : ''}, ${atLeastPhrase(hours)} after your appointment` : ''}, ${subject} fine again.`);
    const only = advice && group.length === 1 ? group[0]?.activity.onceAllowed : undefined;
    if (only) parts.push(sentence(only.text));
  }
  // A limit never simply ends: its lasting advice (sun protection) is what is said with it.
  for (const s of limit) {
    parts.push(`${when}, your extra care with ${s.activity.shortName} can ease.`);
    if (advice && s.activity.onceAllowed) parts.push(sentence(s.activity.onceAllowed.text));
  }
  return parts.length > 0 ? parts.join(' ') : undefined;
}
