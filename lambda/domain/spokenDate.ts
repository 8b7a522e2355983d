import { addDays, daysBetween, dateParts, makeDate, parseIsoDate, type IsoDate } from './calendar';

/**
 * What an AMAZON.DATE value says about a past treatment day.
 * - exact: a definite day, not in the future; `adjusted` when we moved Alexa's "next occurrence" back.
 * - vague: a week, weekend, month, season, year, decade, PRESENT_REF or nothing — ask for the day.
 * - future: a definite day after today that cannot be a past day said without its year.
 * - invalid: not a calendar day (2026-02-30) or not an AMAZON.DATE at all.
 */
export type SpokenDate =
  | { readonly kind: 'exact'; readonly date: IsoDate; readonly adjusted: boolean }
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

/** Alexa resolves day names and year-less dates forward, so a definite day more than this far ahead is truly future. */
const MAX_FORWARD_DAYS = 366;

/** Maps an AMAZON.DATE slot value to the treatment day the patient meant, relative to their `today`. */
export function resolveTreatmentDate(value: string | undefined, today: IsoDate): SpokenDate {
  const v = (value ?? '').trim().toUpperCase();
  if (v === '' || VAGUE.some((re) => re.test(v))) return { kind: 'vague' };

  const partial = /^XXXX-(\d{2}|XX)-(\d{2})$/.exec(v);
  if (partial) {
    const month = partial[1] === 'XX' ? undefined : Number(partial[1]);
    const day = Number(partial[2]);
    const date = mostRecentWithDay(today, day, month);
    if (!date) return { kind: 'invalid' };
    // We chose the year (and maybe the month): confirm unless it is the obvious one, this year / this month.
    const guessed = date.slice(0, 4) !== today.slice(0, 4) || (month === undefined && date.slice(0, 7) !== today.slice(0, 7));
    return { kind: 'exact', date, adjusted: guessed };
  }

  const date = parseIsoDate(v);
  if (!date) return { kind: 'invalid' };
  const ahead = daysBetween(today, date);
  if (ahead <= 0) return { kind: 'exact', date, adjusted: false };
  if (ahead > MAX_FORWARD_DAYS) return { kind: 'future', date };
  return { kind: 'exact', date: mostRecentPastReading(date, today), adjusted: true };
}

/**
 * Alexa turns "Friday", "the 20th" and "November 20th" into their *next* occurrence. The patient meant
 * the last one, so take the latest of: the same weekday a week earlier, the same day of an earlier month,
 * the same date an earlier year — whichever is not after today.
 */
function mostRecentPastReading(date: IsoDate, today: IsoDate): IsoDate {
  const { month, day } = dateParts(date);
  const candidates: IsoDate[] = [];
  if (daysBetween(today, date) <= 7) candidates.push(addDays(date, -7));
  const sameDayOfMonth = mostRecentWithDay(today, day);
  if (sameDayOfMonth) candidates.push(sameDayOfMonth);
  const sameDate = mostRecentWithDay(today, day, month);
  if (sameDate) candidates.push(sameDate);
  const valid = candidates.filter((c) => c <= today).sort();
  return valid[valid.length - 1] ?? addDays(date, -7);
}

/** The latest date not after `today` with this day of month (and month, when given); skips months without it. */
function mostRecentWithDay(today: IsoDate, day: number, month?: number): IsoDate | undefined {
  const t = dateParts(today);
  let year = t.year;
  let m = month ?? t.month;
  for (let i = 0; i < 60; i++) {
    const candidate = makeDate(year, m, day);
    if (candidate && candidate <= today) return candidate;
    if (month === undefined) {
      m -= 1;
      if (m === 0) {
        m = 12;
        year -= 1;
      }
    } else {
      year -= 1;
    }
  }
  return undefined;
}
