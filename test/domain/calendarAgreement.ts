import { addDays, daysBetween, weekday, type IsoDate } from '../../lambda/domain/calendar';

const DAY_MS = 86_400_000;

/**
 * Checks the integer calendar against Date for every day of [fromYear, toYear): adding and counting
 * -366…400 days and the weekday. Returns the mismatches (empty when they agree). Jest runs the years
 * around the century rules; `npm run fuzz` runs 1900-2200.
 */
export function calendarMismatches(fromYear: number, toYear: number): string[] {
  const mismatches: string[] = [];
  for (let ms = Date.UTC(fromYear, 0, 1); ms < Date.UTC(toYear, 0, 1); ms += DAY_MS) {
    const day = new Date(ms).toISOString().slice(0, 10) as IsoDate;
    for (const k of [-366, -1, 1, 59, 400]) {
      const expected = new Date(ms + k * DAY_MS).toISOString().slice(0, 10);
      if (addDays(day, k) !== expected || daysBetween(day, expected as IsoDate) !== k) mismatches.push(`${day}${k >= 0 ? '+' : ''}${k}`);
    }
    if (weekday(day) !== new Date(ms).getUTCDay()) mismatches.push(`${day} weekday`);
  }
  return mismatches;
}
