import { addDays, dateParts, daysBetween, makeDate, parseIsoDate, weekday, type IsoDate } from '../../../lambda/domain/calendar';
import { parseNumber } from '../numbers';

/**
 * AMAZON.DATE as Alexa fills it: the spoken phrase resolved against the user's today into
 * 2026-11-20, 2026-W48, 2026-W48-WE, 2026-11, 2026, 2026-WI, 199X or PRESENT_REF.
 * Day names and year-less dates resolve to their next occurrence (today included), as Alexa does.
 * Returns undefined when the words are not a date, so the sample that captured them is rejected.
 */
export function parseDate(input: readonly string[], today: IsoDate): string | undefined {
  const words = input[0] === 'on' && input.length > 1 ? input.slice(1) : [...input];
  const text = words.join(' ');
  if (text === '') return undefined;
  return (
    fixedPhrase(text, today) ??
    relativeAgo(words, today) ??
    weekOrWeekend(text, today) ??
    monthOrYear(text, today) ??
    season(words, today) ??
    decade(words) ??
    numericDate(words, today) ??
    dayName(words, today) ??
    spokenDate(words, today)
  );
}

const pad2 = (n: number) => String(n).padStart(2, '0');

const DAY_OFFSETS: Record<string, number> = {};
for (const [offset, phrases] of [
  [0, ['today', 'tonight', 'this morning', 'this afternoon', 'this evening', 'earlier today', 'today morning']],
  [-1, ['yesterday', 'last night', 'yesterday morning', 'yesterday afternoon', 'yesterday evening', 'yesterday night']],
  [1, ['tomorrow', 'tomorrow morning', 'tomorrow afternoon', 'tomorrow evening', 'tomorrow night']],
  [-2, ['the day before yesterday', 'day before yesterday']],
  [2, ['the day after tomorrow', 'day after tomorrow']],
] as const) {
  for (const p of phrases) DAY_OFFSETS[p] = offset;
}

function fixedPhrase(text: string, today: IsoDate): string | undefined {
  if (text === 'now' || text === 'right now' || text === 'just now') return 'PRESENT_REF';
  const offset = DAY_OFFSETS[text];
  return offset === undefined ? undefined : addDays(today, offset);
}

const COUNT_WORDS: Record<string, number> = { a: 1, an: 1, 'a couple of': 2, 'a couple': 2, 'couple of': 2, 'a few': 3 };

/** "two days ago", "a week ago", "3 weeks ago", "in two days", "two days from now". */
function relativeAgo(words: string[], today: IsoDate): string | undefined {
  let sign = 0;
  let core = words;
  if (words[words.length - 1] === 'ago') {
    sign = -1;
    core = words.slice(0, -1);
  } else if (words[0] === 'in') {
    sign = 1;
    core = words.slice(1);
  } else if (words.slice(-2).join(' ') === 'from now') {
    sign = 1;
    core = words.slice(0, -2);
  }
  if (sign === 0 || core.length < 2) return undefined;
  const unit = core[core.length - 1] ?? '';
  const countWords = core.slice(0, -1);
  const count = COUNT_WORDS[countWords.join(' ')] ?? cardinal(countWords);
  if (count === undefined || count > 400) return undefined;
  if (unit === 'day' || unit === 'days') return addDays(today, sign * count);
  if (unit === 'week' || unit === 'weeks') return addDays(today, sign * 7 * count);
  if (unit === 'month' || unit === 'months') return addMonthsClamped(today, sign * count);
  return undefined;
}

function cardinal(words: readonly string[]): number | undefined {
  const n = parseNumber(words);
  return n && !n.ordinal ? n.value : undefined;
}

function addMonthsClamped(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  for (let d = day; d >= 28; d--) {
    const candidate = makeDate(y, m, d);
    if (candidate) return candidate;
  }
  return makeDate(y, m, Math.min(day, 28)) ?? date;
}

/** ISO-8601 week of a date ("2026-W48"): weeks start on Monday and belong to the year of their Thursday. */
export function isoWeek(date: IsoDate): string {
  const mondayBased = (weekday(date) + 6) % 7;
  const thursday = addDays(date, 3 - mondayBased);
  const year = dateParts(thursday).year;
  const jan1 = makeDate(year, 1, 1) as IsoDate;
  return `${year}-W${pad2(Math.floor(daysBetween(jan1, thursday) / 7) + 1)}`;
}

const RELATIVE: Record<string, number> = {
  this: 0,
  'this coming': 0,
  coming: 0,
  the: 0,
  'over the': 0,
  last: -1,
  'this past': -1,
  past: -1,
  'the past': -1,
  'the last': -1,
  next: 1,
  'the next': 1,
};

function weekOrWeekend(text: string, today: IsoDate): string | undefined {
  const m = /^(.*?) ?(week|weekend)$/.exec(text);
  if (!m) return undefined;
  const offset = RELATIVE[m[1] ?? ''];
  if (offset === undefined) return undefined;
  const week = isoWeek(addDays(today, 7 * offset));
  return m[2] === 'weekend' ? `${week}-WE` : week;
}

export const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};

function monthOrYear(text: string, today: IsoDate): string | undefined {
  const { year, month } = dateParts(today);
  const m = /^(.*?) ?(month|year)$/.exec(text);
  if (m) {
    const offset = RELATIVE[m[1] ?? ''];
    if (offset === undefined || m[1] === '') return undefined;
    if (m[2] === 'year') return String(year + offset);
    const index = year * 12 + month - 1 + offset;
    return `${Math.floor(index / 12)}-${pad2((index % 12) + 1)}`;
  }
  const words = text.split(' ');
  const named = MONTHS[words[0] ?? ''];
  if (named !== undefined && words.length === 1) {
    // A bare month is its next occurrence, the current month included.
    return `${named >= month ? year : year + 1}-${pad2(named)}`;
  }
  if (named !== undefined) {
    const y = parseYear(words[1] === 'of' ? words.slice(2) : words.slice(1));
    if (y !== undefined) return `${y}-${pad2(named)}`;
    return undefined;
  }
  const bareYear = parseYear(words);
  return bareYear !== undefined && (words.length > 1 || /^\d{4}$/.test(text)) ? String(bareYear) : undefined;
}

/** "2026", "twenty twenty six", "two thousand twenty six", "nineteen ninety five". */
export function parseYear(words: readonly string[]): number | undefined {
  if (words.length === 0) return undefined;
  if (words.length === 1 && /^\d{4}$/.test(words[0] ?? '')) return Number(words[0]);
  const whole = cardinal(words);
  if (whole !== undefined && whole >= 1900 && whole < 2100) return whole;
  const century = cardinal(words.slice(0, 1));
  // Only 19xx and 20xx, so a time like "eleven thirty" is never read as the year 1130.
  if (century !== 19 && century !== 20) return undefined;
  const rest = words.slice(1);
  let tail: number | undefined;
  if (rest.join(' ') === 'hundred') tail = 0;
  else if ((rest[0] === 'oh' || rest[0] === 'o') && rest.length === 2) tail = cardinal(rest.slice(1));
  else tail = cardinal(rest);
  if (tail === undefined || tail > 99 || (tail < 10 && rest[0] !== 'oh' && rest[0] !== 'o' && rest[0] !== 'hundred')) return undefined;
  return century * 100 + tail;
}

const SEASONS: Record<string, { code: string; start: number }> = {
  spring: { code: 'SP', start: 3 },
  summer: { code: 'SU', start: 6 },
  fall: { code: 'FA', start: 9 },
  autumn: { code: 'FA', start: 9 },
  winter: { code: 'WI', start: 12 },
};

function season(words: string[], today: IsoDate): string | undefined {
  const s = SEASONS[words[words.length - 1] ?? ''];
  if (!s) return undefined;
  const rel = words.slice(0, -1).join(' ');
  const offset = rel === '' ? 0 : RELATIVE[rel];
  if (offset === undefined) return undefined;
  const { year, month } = dateParts(today);
  if (offset === 0) return `${year}-${s.code}`;
  // A season has started this year when its first month is behind us (winter starts in December).
  const startedThisYear = s.start <= month;
  const y = offset < 0 ? (startedThisYear && !isCurrentSeason(s.start, month) ? year : year - 1) : startedThisYear ? year + 1 : year;
  return `${y}-${s.code}`;
}

const isCurrentSeason = (start: number, month: number) => month >= start && month < start + 3;

const DECADE_WORDS: Record<string, number> = {
  twenties: 2,
  thirties: 3,
  forties: 4,
  fifties: 5,
  sixties: 6,
  seventies: 7,
  eighties: 8,
  nineties: 9,
};

/** "the nineties" → 199X, "the nineteen eighties" → 198X, "the 90s", "the 2000s", "the two thousands". */
function decade(input: string[]): string | undefined {
  const words = input[0] === 'the' ? input.slice(1) : input;
  const text = words.join(' ');
  if (text === 'two thousands') return '200X';
  const digits = /^(\d{2}|\d{4})s$/.exec(text);
  if (digits) {
    const d = digits[1] ?? '';
    return d.length === 4 ? `${d.slice(0, 3)}X` : `19${d[0]}X`;
  }
  const last = DECADE_WORDS[words[words.length - 1] ?? ''];
  if (last === undefined) return undefined;
  if (words.length === 1) return `19${last}X`;
  const century = words.length === 2 ? cardinal(words.slice(0, 1)) : undefined;
  return century !== undefined && century >= 10 && century <= 29 ? `${century}${last}X` : undefined;
}

/** "2026-11-20", "11/20", "11/20/2026", "11/20/26". */
function numericDate(words: string[], today: IsoDate): string | undefined {
  if (words.length !== 1) return undefined;
  const w = words[0] ?? '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(w)) return parseIsoDate(w);
  if (/^\d{4}-\d{2}$/.test(w)) return Number(w.slice(5)) >= 1 && Number(w.slice(5)) <= 12 ? w : undefined;
  const m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/.exec(w);
  if (!m) return undefined;
  const month = Number(m[1]);
  const day = Number(m[2]);
  if (m[3] === undefined) return nextMonthDay(today, month, day);
  const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  return makeDate(year, month, day);
}

const WEEKDAYS: Record<string, number> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };

/** "friday", "this friday", "last friday", "next friday"; "friday november 20th" defers to the date. */
function dayName(words: string[], today: IsoDate): string | undefined {
  const index = words.findIndex((w) => w in WEEKDAYS);
  if (index < 0) return undefined;
  const target = WEEKDAYS[words[index] ?? ''] as number;
  const rest = words.slice(index + 1);
  if (rest.length > 0) return index === 0 ? spokenDate(rest, today) : undefined;
  const modifier = words.slice(0, index).join(' ');
  const offset = modifier === '' ? 0 : RELATIVE[modifier];
  if (offset === undefined) return undefined;
  const ahead = (target - weekday(today) + 7) % 7;
  if (offset < 0) return addDays(today, ahead === 0 ? -7 : ahead - 7); // the last one before today
  if (offset > 0) return addDays(today, ahead + 7); // the one in the following week
  return addDays(today, ahead); // next occurrence, today included
}

/** "november twentieth", "nov 20th 2026", "the 20th of november", "20 november", "the twentieth". */
function spokenDate(input: string[], today: IsoDate): string | undefined {
  const words = input[0] === 'the' ? input.slice(1) : input;
  const hadThe = words.length !== input.length;
  const month = MONTHS[words[0] ?? ''];
  if (month !== undefined) {
    const afterMonth = words[1] === 'the' ? words.slice(2) : words.slice(1);
    return dayThenYear(
      afterMonth,
      (day, year) => (year === undefined ? nextMonthDay(today, month, day) : makeDate(year, month, day)),
      true,
    );
  }
  // Day first: "20th of november [2026]", "20 november", or just "the 20th".
  for (const len of [1, 2]) {
    const day = dayOfMonth(words.slice(0, len), hadThe);
    if (day === undefined) continue;
    let rest = words.slice(len);
    if (rest.length === 0) {
      // "the twentieth", "the 20th", "20th"; a bare "second" or "20" is not a date.
      const digitOrdinal = day.ordinal && /^\d/.test(words[0] ?? '');
      if (hadThe || digitOrdinal) return nextDayOfMonth(today, day.value);
      continue;
    }
    if (rest[0] === 'of') rest = rest.slice(1);
    const m = MONTHS[rest[0] ?? ''];
    if (m === undefined) continue;
    const yearWords = rest[1] === 'of' ? rest.slice(2) : rest.slice(1);
    if (yearWords.length === 0) return nextMonthDay(today, m, day.value);
    const y = parseYear(yearWords);
    if (y !== undefined) return makeDate(y, m, day.value);
  }
  return undefined;
}

function dayThenYear(
  words: string[],
  resolve: (day: number, year?: number) => string | undefined,
  cardinalOk: boolean,
): string | undefined {
  for (const len of [1, 2]) {
    const day = dayOfMonth(words.slice(0, len), cardinalOk);
    if (day === undefined) continue;
    const rest = words.slice(len);
    if (rest.length === 0) return resolve(day.value);
    const y = parseYear(rest[0] === 'of' ? rest.slice(1) : rest);
    if (y !== undefined) return resolve(day.value, y);
  }
  return undefined;
}

function dayOfMonth(words: readonly string[], cardinalOk: boolean): { value: number; ordinal: boolean } | undefined {
  if (words.length === 0) return undefined;
  const n = parseNumber(words);
  if (!n || n.value < 1 || n.value > 31) return undefined;
  if (!n.ordinal && !cardinalOk && !/^\d+$/.test(words[0] ?? '')) return undefined;
  return n;
}

/** The next time this month and day comes round, today included (skips years without Feb 29). */
function nextMonthDay(today: IsoDate, month: number, day: number): IsoDate | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const { year } = dateParts(today);
  for (let y = year; y < year + 9; y++) {
    const candidate = makeDate(y, month, day);
    if (candidate && candidate >= today) return candidate;
  }
  return undefined;
}

/** The next date with this day of month, today included (skips months without the 31st). */
function nextDayOfMonth(today: IsoDate, day: number): IsoDate | undefined {
  const { year, month } = dateParts(today);
  for (let i = 0; i < 13; i++) {
    const index = year * 12 + month - 1 + i;
    const candidate = makeDate(Math.floor(index / 12), (index % 12) + 1, day);
    if (candidate && candidate >= today) return candidate;
  }
  return undefined;
}
