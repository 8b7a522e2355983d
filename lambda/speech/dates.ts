import { daysBetween, dateParts, weekday, type IsoDate } from '../domain/calendar';
import { clockParts, type ClockTime } from '../domain/clockTime';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const ordinal = (n: number): string => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
};

/** "Friday, November 20th" — built from parts, never toLocaleString, so day and month cannot swap. */
export function fullDate(date: IsoDate): string {
  const { month, day } = dateParts(date);
  return `${WEEKDAYS[weekday(date)]}, ${MONTHS[month - 1]} ${ordinal(day)}`;
}

/** "November 20th" */
export function monthDay(date: IsoDate): string {
  const { month, day } = dateParts(date);
  return `${MONTHS[month - 1]} ${ordinal(day)}`;
}

/** How a person names a coming day: "today", "tomorrow", "Friday" (this week), else "Friday, December 4th". */
export function whenSpoken(date: IsoDate, today: IsoDate): string {
  const ahead = daysBetween(today, date);
  if (ahead === 0) return 'today';
  if (ahead === 1) return 'tomorrow';
  if (ahead === -1) return 'yesterday';
  if (ahead > 1 && ahead < 7) return WEEKDAYS[weekday(date)] ?? fullDate(date);
  return fullDate(date);
}

/** "in 3 days" / "in 1 day" */
export const inDays = (days: number): string => `in ${days} ${days === 1 ? 'day' : 'days'}`;

/** "7:30 AM", "8 AM", "12 PM". */
export function spokenTime(time: ClockTime): string {
  const { hour, minute } = clockParts(time);
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${h12}${minute === 0 ? '' : `:${String(minute).padStart(2, '0')}`} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** "Wednesday, January 1st, 2025": a day far enough back that its year must be heard. */
export function fullDateWithYear(date: IsoDate): string {
  return `${fullDate(date)}, ${dateParts(date).year}`;
}
