import { addDays, daysBetween, dateParts, makeDate, parseIsoDate, weekday, type IsoDate } from './calendar';

/**
 * What the patient said for their treatment day, as the interaction model hands it over: an AMAZON.DATE
 * value, or a weekday name alone (its own slot, because AMAZON.DATE turns "Wednesday" said on a
 * Wednesday into today's date, which "today" also is).
 */
export interface SpokenTreatmentDate {
  readonly date?: string;
  /** "sunday" … "saturday" (the WeekdayType slot id). */
  readonly weekday?: string;
  /** The weekday was said as still to come ("next Friday", "this coming Saturday": its own intent). */
  readonly ahead?: boolean;
  /** The appointment's time said with the day ("yesterday at 3 pm"), as AMAZON.TIME sent it. */
  readonly time?: string;
}

/**
 * What a spoken date says about a past treatment day.
 * - definite: a day not in the future that could only mean itself ("yesterday", "November 20th 2026").
 * - guess: the days the words could have meant, likeliest first, none after today, never empty. Each is
 *   confirmed before it is stored.
 * - exhausted: every day the words could mean has already been turned down: ask for the month.
 * - vague: a week, weekend, month, season, year, decade, PRESENT_REF or nothing — ask for the day.
 * - future: a definite day after today that cannot be a past day said without its year.
 * - invalid: not a calendar day (2026-02-30) or not an AMAZON.DATE at all.
 */
export type TreatmentDateReading =
  | { readonly kind: 'definite'; readonly date: IsoDate }
  | { readonly kind: 'guess'; readonly readings: readonly IsoDate[] }
  | { readonly kind: 'exhausted' }
  | { readonly kind: 'vague' }
  | { readonly kind: 'future'; readonly date: IsoDate }
  | { readonly kind: 'invalid' };

const VAGUE = [
  /^\d{4}-W\d{2}(-WE)?$/, // a week or weekend
  /^\d{4}-\d{2}$/, // a month
  /^\d{4}-(WI|SP|SU|FA)$/, // a season
  /^\d{4}$/, // a year
  /^\d{3}X$/, // a decade
  /^XXXX-(W\d{2}|WXX)(-WE)?$/,
  /^XXXX-(\d{2}|XX)$/,
  /^XXXX-(WI|SP|SU|FA)$/,
  /^PRESENT_REF$/,
];

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** 0 = Sunday … 6 = Saturday for a weekday slot id, else -1 (a custom slot may carry any words). */
export const weekdayIndex = (name: string | undefined): number => WEEKDAYS.indexOf((name ?? '').trim().toLowerCase());

/** Alexa resolves year-less dates forward, so a definite day further ahead than this is truly future. */
const MAX_FORWARD_DAYS = 366;

/**
 * The treatment day(s) a patient meant, relative to their `today`. `rejected` are the days they have
 * already said no to in this conversation: they are never proposed again.
 */
export function readTreatmentDate(
  spoken: SpokenTreatmentDate,
  today: IsoDate,
  rejected: readonly IsoDate[] = [],
  opts: ReadingOptions = {},
): TreatmentDateReading {
  const reading = readingsOf(spoken, today, opts);
  if (reading.kind !== 'guess') return reading;
  const fresh = (days: readonly IsoDate[]) => [...new Set(days)].filter((d) => !rejected.includes(d));
  const likely = fresh(reading.readings);
  const left = likely.length > 0 ? likely : fresh(reading.lastResort);
  return left.length > 0 ? { kind: 'guess', readings: left } : { kind: 'exhausted' };
}

/** Readings before the rejected ones are taken out; `lastResort` is only offered once the others are gone. */
type Readings = Exclude<TreatmentDateReading, { kind: 'guess' }> | { kind: 'guess'; readings: IsoDate[]; lastResort: IsoDate[] };

/**
 * `exact`: a full date means itself (the add-on's host sends a year-less day as XXXX-MM-DD and a weekday
 * on its own), so a full date ahead is still to come, never a past day Alexa sent forward.
 */
export interface ReadingOptions {
  readonly exact?: boolean;
}

function readingsOf(spoken: SpokenTreatmentDate, today: IsoDate, opts: ReadingOptions): Readings {
  const named = weekdayIndex(spoken.weekday);
  // "Next Friday" is still to come whatever Friday was meant: the coming one is named, never a past one.
  if (named >= 0 && spoken.ahead) return { kind: 'future', date: addDays(today, (named - weekday(today) + 7) % 7 || 7) };
  if (named >= 0 && !spoken.date) return { kind: 'guess', readings: weekdayReadings(named, today), lastResort: [] };

  const v = (spoken.date ?? '').trim().toUpperCase();
  if (v === '' || VAGUE.some((re) => re.test(v))) return { kind: 'vague' };

  const partial = /^XXXX-(\d{2}|XX)-(\d{2})$/.exec(v);
  if (partial) return partialDate(partial[1] === 'XX' ? undefined : Number(partial[1]), Number(partial[2]), today);

  const date = parseIsoDate(v);
  if (!date) return { kind: 'invalid' };
  const ahead = daysBetween(today, date);
  if (ahead <= 0) return { kind: 'definite', date };
  if (ahead > MAX_FORWARD_DAYS || opts.exact === true) return { kind: 'future', date };
  const readings = forwardReadings(date, today);
  return readings.readings.length + readings.lastResort.length > 0 ? { kind: 'guess', ...readings } : { kind: 'future', date };
}

/**
 * A day ahead of today is Alexa's "next occurrence" of what was said, which can only have been one of:
 * a weekday name (at most a week ahead), a day of the month said alone (its next occurrence), or a
 * month-name date without a year (its next occurrence, up to a year ahead). Each shape that fits gives
 * its past days: the 20th means last month's, a weekday last week's. A year back
 * (November 20th last November) is a last resort when a shorter shape fits: after "no" to November
 * 20th for "the 20th", asking for the month beats proposing a day a year ago.
 */
function forwardReadings(date: IsoDate, today: IsoDate): { readings: IsoDate[]; lastResort: IsoDate[] } {
  const { month, day } = dateParts(date);
  const ahead = daysBetween(today, date);
  const readings: IsoDate[] = [];
  const dayOfMonth = nextWithDay(today, day) === date ? pastWithDay(today, day) : [];
  // A day of this month already gone ("the first" said on the 25th) means this month's; the model gives a
  // weekday said alone its own slot, so it comes second. A day still to come this month ("the 27th" on
  // the 25th) would be a month back: there the weekday reading comes first.
  const thisMonthsDayGone = dayOfMonth.length > 0 && day < dateParts(today).day;
  if (thisMonthsDayGone) readings.push(...dayOfMonth);
  if (ahead <= 7) readings.push(...weekdayReadings(weekday(date), today));
  if (!thisMonthsDayGone) readings.push(...dayOfMonth);
  const t = dateParts(today);
  // Said on that very date, today is likelier than a year ago.
  const lastYear = nextWithDay(today, day, month) === date ? pastWithDay(today, day, month, month === t.month && day === t.day) : [];
  return readings.length > 0 ? { readings, lastResort: lastYear } : { readings: lastYear, lastResort: [] };
}

/**
 * A weekday said alone about a treatment: the last one before today; said on that very weekday, a week
 * ago first (today has its own word), then today.
 */
function weekdayReadings(target: number, today: IsoDate): IsoDate[] {
  const back = (weekday(today) - target + 7) % 7;
  return back === 0 ? [addDays(today, -7), today] : [addDays(today, -back), addDays(today, -back - 7)];
}

/** Year-less (or month- and year-less) values, which Alexa rarely sends: this year or month is obvious, anything else is confirmed. */
function partialDate(month: number | undefined, day: number, today: IsoDate): Readings {
  const [date] = pastWithDay(today, day, month, true);
  if (!date) return { kind: 'invalid' };
  const obvious = date.slice(0, 4) === today.slice(0, 4) && (month !== undefined || date.slice(0, 7) === today.slice(0, 7));
  return obvious ? { kind: 'definite', date } : { kind: 'guess', readings: [date], lastResort: [] };
}

/** The dates with this day of month (and month, when given), walking forward (step 1) or back (-1) from today's month or year. */
function* withDay(today: IsoDate, day: number, month: number | undefined, step: 1 | -1): Generator<IsoDate> {
  const t = dateParts(today);
  for (let i = 0; i <= 12 * 8; i++) {
    const index = month === undefined ? t.year * 12 + t.month - 1 + step * i : (t.year + step * i) * 12 + month - 1;
    const candidate = makeDate(Math.floor(index / 12), (index % 12) + 1, day);
    if (candidate) yield candidate;
  }
}

/** The first date after `today` with this day of month (and month, when given). */
function nextWithDay(today: IsoDate, day: number, month?: number): IsoDate | undefined {
  for (const candidate of withDay(today, day, month, 1)) if (candidate > today) return candidate;
  return undefined;
}

/**
 * The latest date with this day of month (and month) before today; when today itself has that day,
 * today after it (the patient would more likely have said "today"). `includeToday` puts today first,
 * for values that name no later day.
 */
function pastWithDay(today: IsoDate, day: number, month?: number, includeToday = false): IsoDate[] {
  const t = dateParts(today);
  const sameAsToday = t.day === day && (month === undefined || month === t.month);
  if (sameAsToday && includeToday) return [today];
  for (const candidate of withDay(today, day, month, -1)) {
    if (candidate < today) return sameAsToday ? [candidate, today] : [candidate];
  }
  return sameAsToday ? [today] : [];
}

/** Days a question may reach ahead or back ("on day 9", "next Saturday"): beyond this it is not a recovery day. */
const MAX_DAY_NUMBER = 3650;

/**
 * The recovery day a question is about: a spoken day number wins, otherwise an exact date (Alexa sends
 * coming days forward, which is what is wanted here) or a weekday said alone (the coming one, today
 * included, as Alexa would send it); a week (`weeks`) means its Monday. Undefined when nothing names a
 * day; a day before the treatment comes back as 0 or less.
 */
export function dayAskedAbout(
  spoken: { readonly date?: string; readonly dayNumber?: string; readonly weekday?: string },
  treatment: IsoDate,
  today: IsoDate,
  opts: { weeks?: boolean } = {},
): number | undefined {
  const n = Number(spoken.dayNumber);
  if (spoken.dayNumber !== undefined && Number.isInteger(n) && n >= 1 && n <= MAX_DAY_NUMBER) return n;
  const value = (spoken.date ?? '').trim().toUpperCase();
  const named = weekdayIndex(spoken.weekday);
  const coming = named >= 0 ? addDays(today, (named - weekday(today) + 7) % 7) : undefined;
  const date = parseIsoDate(value) ?? (opts.weeks ? mondayOfWeek(value) : undefined) ?? coming;
  return date ? daysBetween(treatment, date) + 1 : undefined;
}

/** "2026-W49" → the Monday of ISO week 49 of 2026 (week 1 holds January 4th). */
function mondayOfWeek(value: string): IsoDate | undefined {
  const m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (!m) return undefined;
  const jan4 = makeDate(Number(m[1]), 1, 4);
  const week = Number(m[2]);
  if (!jan4 || week < 1 || week > 53) return undefined;
  return addDays(jan4, 7 * (week - 1) - ((weekday(jan4) + 6) % 7));
}
