/**
 * Calendar days as ISO strings ("2026-11-20"): immutable, comparable as text, and free of any time zone.
 * Arithmetic goes through UTC midnight, where every day has 24 hours, so DST never shifts a day.
 */
export type IsoDate = string & { readonly __isoDate: unique symbol };

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The date if `text` is a real calendar day (rejects 2026-02-30), else undefined. */
export function parseIsoDate(text: string): IsoDate | undefined {
  const m = ISO_DAY.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = new Date(Date.UTC(y, mo - 1, d));
  if (utc.getUTCFullYear() !== y || utc.getUTCMonth() !== mo - 1 || utc.getUTCDate() !== d) return undefined;
  return text as IsoDate;
}

/**
 * Days since 1970-01-01 by integer arithmetic (the proleptic Gregorian calendar, H. Hinnant's
 * days_from_civil): every briefing does dozens of these, and parsing through Date costs ~10x more.
 */
function dayIndex(date: IsoDate): number {
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const y = Number(date.slice(0, 4)) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of dayIndex (civil_from_days). */
function fromDayIndex(index: number): IsoDate {
  const z = index + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}` as IsoDate;
}

export const addDays = (date: IsoDate, days: number): IsoDate => fromDayIndex(dayIndex(date) + days);

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: IsoDate, to: IsoDate): number => dayIndex(to) - dayIndex(from);

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekday = (date: IsoDate): number => (((dayIndex(date) + 4) % 7) + 7) % 7;

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
