import type { IsoDate } from '../domain/calendar';
import type { ActivityStatus } from '../domain/care';
import { isReviewed } from '../protocol/facts';

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

/** Said with every window that is a clinic reading still unreviewed, "not yet" and "fine again" alike (README: the protocol). */
export const PENDING_REVIEW = "pending your clinic's review";

const isReading = (s: ActivityStatus): boolean => !isReviewed(s.activity.source);

/** Items grouped by a key, in their first order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()];
}

/**
 * Restrictions ending on a day, as the briefing and that morning's reminder both say it: "From today,
 * 48 hours after your appointment, makeup is fine again. Mineral makeup is recommended.",
 * "From today, pending your clinic's review, exfoliating, retinoids, toners and fragrance are fine again."
 * A restriction with an "at least" never ends at midnight, so its sentence names the hours (and `at`, the
 * appointment's time of day, when known); a reading is said to be one. `advice` off leaves out the
 * protocol's advice (a reminder that must be short).
 */
export function newlyAllowedSentence(items: readonly ActivityStatus[], when: string, advice = true, at?: string): string | undefined {
  const avoid = items.filter((s) => s.activity.kind === 'avoid');
  const limit = items.filter((s) => s.activity.kind === 'limit');
  const parts: string[] = [];
  // Grouped by their "at least" (none, 48 hours, a week) and by being a reading, each said with its own condition.
  for (const group of groupBy(avoid, (s) => `${s.activity.atLeastHours ?? 0}|${isReading(s)}`)) {
    const hours = group[0]?.activity.atLeastHours ?? 0;
    const names = listOf(group.map((s) => s.activity.shortName));
    const subject = group.length === 1 ? agree(names, 'is', 'are') : `${names} are`;
    const reading = group.some(isReading) ? `, ${PENDING_REVIEW}` : '';
    parts.push(
      `${when}${hours > 0 ? `${at ? ` at ${at}` : ''}, ${atLeastPhrase(hours)} after your appointment` : ''}${reading}, ${subject} fine again.`,
    );
    const only = advice && group.length === 1 ? group[0]?.activity.onceAllowed : undefined;
    if (only) parts.push(sentence(only.text));
  }
  // A limit never simply ends: its lasting advice (sun protection) is what is said with it.
  for (const s of limit) {
    parts.push(`${when}, your first ${s.firstFreeDay - 1} days of extra precautions with ${s.activity.shortName} are over.`);
    if (advice && s.activity.onceAllowed) parts.push(sentence(s.activity.onceAllowed.text));
  }
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/**
 * Every restriction in force on a day, each with its end: "No makeup for 48 hours, until Tuesday. No
 * anti-inflammatories for a full week, until Sunday. Pending your clinic's review: no hard workouts or
 * saunas until tomorrow, no exfoliating, retinoids, toners or fragrance until Saturday, and no ice until
 * Sunday. Extra precautions with the sun until November 15th." Grouped by the day each is fine again,
 * its "at least" and being a reading, so a week's "at least" is never attached to ice; the readings
 * together, under one "pending your clinic's review". With the appointment's time of day (`at`) an "at
 * least" ends at that time ("until Tuesday at 3 PM"). `sunFull` says the limit's care in full (briefly).
 */
export function restrictionsSentence(
  items: readonly ActivityStatus[],
  when: (date: IsoDate) => string,
  opts: { at?: string; sunFull?: boolean } = {},
): string | undefined {
  const avoid = items.filter((s) => s.activity.kind === 'avoid');
  const limits = items.filter((s) => s.activity.kind === 'limit');
  const facts: string[] = [];
  const readings: string[] = [];
  for (const group of groupBy(avoid, (s) => `${s.firstFreeDate}|${s.activity.atLeastHours ?? 0}|${isReading(s)}`)) {
    const first = group[0] as ActivityStatus;
    const hours = first.activity.atLeastHours ?? 0;
    const names = listOf(
      group.map((s) => s.activity.shortName),
      'or',
    );
    const end =
      hours === 0
        ? `until ${when(first.firstFreeDate)}`
        : opts.at
          ? `until ${when(first.firstFreeDate)} at ${opts.at}`
          : `for ${atLeastPhrase(hours)}, until ${when(first.firstFreeDate)}`;
    (isReading(first) ? readings : facts).push(`no ${names} ${end}`);
  }
  const parts = facts.map(sentence);
  if (readings.length > 0) parts.push(`${sentence(PENDING_REVIEW).slice(0, -1)}: ${listOf(readings)}.`);
  for (const s of limits) {
    // In a few words, the protocol's own lead-in to its care ("extra sun precautions: …"), or all of it.
    const brief = s.activity.briefly?.text;
    const short = brief?.includes(':') ? brief.slice(0, brief.indexOf(':')) : `extra precautions with ${s.activity.shortName}`;
    const care = opts.sunFull && brief ? `until ${when(s.firstFreeDate)}, ${brief}` : `${short} until ${when(s.firstFreeDate)}`;
    parts.push(sentence(care));
  }
  return parts.length > 0 ? parts.join(' ') : undefined;
}
