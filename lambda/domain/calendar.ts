/**
 * Calendar days as ISO strings ("2026-11-20"): immutable, comparable as text, and free of any time zone.
 * Arithmetic goes through UTC midnight, where every day has 24 hours, so DST never shifts a day.
 */
export type IsoDate = string & { readonly __isoDate: unique symbol };

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** The date if `text` is a real calendar day (rejects 2026-02-30), else undefined. */
export function parseIsoDate(text: string): IsoDate | undefined {
  const m = ISO_DAY.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = new Date(Date.UTC(y, mo - 1, d));
  if (utc.getUTCFullYear() !== y || utc.getUTCMonth() !== mo - 1 || utc.getUTCDate() !== d) return undefined;
  return text as IsoDate;
}

const toUtcMs = (date: IsoDate): number => Date.parse(`${date}T00:00:00Z`);
const fromUtcMs = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10) as IsoDate;

export const addDays = (date: IsoDate, days: number): IsoDate => fromUtcMs(toUtcMs(date) + days * MS_PER_DAY);

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: IsoDate, to: IsoDate): number => Math.round((toUtcMs(to) - toUtcMs(from)) / MS_PER_DAY);

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (date: IsoDate): number => new Date(toUtcMs(date)).getUTCDay();

export const dateParts = (date: IsoDate): { year: number; month: number; day: number } => ({
  year: Number(date.slice(0, 4)),
  month: Number(date.slice(5, 7)),
  day: Number(date.slice(8, 10)),
});

/** The date in the given year and month, or undefined when that month has no such day (Feb 30). */
export function makeDate(year: number, month: number, day: number): IsoDate | undefined {
  if (year < 1 || year > 9999) return undefined;
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return parseIsoDate(text);
}
