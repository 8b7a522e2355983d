import { parseNumber } from '../numbers';

/**
 * AMAZON.TIME as Alexa fills it: "HH:MM" in 24 hours, or MO/AF/EV/NI for a part of the day.
 * A bare hour 1–11 without am/pm is taken as morning (this skill's reminders are morning ones).
 */
export function parseTime(input: readonly string[]): string | undefined {
  const words = splitGlued(input);
  if (words[0] === 'at' && words.length > 1) words.shift();
  const text = words.join(' ');
  const named = NAMED[text];
  if (named) return named;

  const { core, meridiem } = splitMeridiem(words);
  if (core.length === 0) return undefined;
  const clock = relativeToHour(core) ?? plainClock(core);
  if (!clock) return undefined;
  return format(clock.hour, clock.minute, meridiem);
}

const NAMED: Record<string, string> = {
  noon: '12:00',
  midday: '12:00',
  'twelve noon': '12:00',
  midnight: '00:00',
  morning: 'MO',
  'the morning': 'MO',
  'in the morning': 'MO',
  'this morning': 'MO',
  afternoon: 'AF',
  'the afternoon': 'AF',
  'in the afternoon': 'AF',
  evening: 'EV',
  'the evening': 'EV',
  'in the evening': 'EV',
  'this evening': 'EV',
  night: 'NI',
  'at night': 'NI',
  tonight: 'NI',
};

/** "7am" → "7 am", "7:30pm" → "7:30 pm"; "o clock"/"oclock" dropped. */
function splitGlued(input: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of input) {
    const m = /^(\d{1,2}(?::\d{2})?)(am|pm)$/.exec(w);
    if (m) out.push(m[1] ?? '', m[2] ?? '');
    else out.push(w);
  }
  const text = out
    .join(' ')
    .replace(/\bo clock\b|\boclock\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text === '' ? [] : text.split(' ');
}

type Meridiem = 'am' | 'pm' | undefined;

const MERIDIEM_SUFFIXES: [string, Meridiem][] = [
  ['am', 'am'],
  ['a m', 'am'],
  ['pm', 'pm'],
  ['p m', 'pm'],
  ['in the morning', 'am'],
  ['this morning', 'am'],
  ['in the afternoon', 'pm'],
  ['in the evening', 'pm'],
  ['this evening', 'pm'],
  ['at night', 'pm'],
  ['tonight', 'pm'],
];

function splitMeridiem(words: string[]): { core: string[]; meridiem: Meridiem } {
  const text = words.join(' ');
  for (const [suffix, meridiem] of MERIDIEM_SUFFIXES) {
    if (text.endsWith(` ${suffix}`)) return { core: text.slice(0, -suffix.length - 1).split(' '), meridiem };
  }
  return { core: words, meridiem: undefined };
}

interface Clock {
  hour: number;
  minute: number;
}

/** "half past seven", "quarter past 8", "quarter to eight", "ten past seven", "twenty minutes to nine". */
function relativeToHour(words: string[]): Clock | undefined {
  const i = words.findIndex((w) => w === 'past' || w === 'after' || w === 'to' || w === 'till' || w === 'til');
  if (i <= 0) return undefined;
  let amountWords = words.slice(0, i);
  if (amountWords[0] === 'a') amountWords = amountWords.slice(1);
  if (amountWords[amountWords.length - 1] === 'minutes' || amountWords[amountWords.length - 1] === 'minute')
    amountWords = amountWords.slice(0, -1);
  const amount = amountWords.join(' ') === 'half' ? 30 : amountWords.join(' ') === 'quarter' ? 15 : cardinal(amountWords);
  const hour = hourOf(words.slice(i + 1));
  if (amount === undefined || hour === undefined || amount < 1 || amount > 59) return undefined;
  const after = words[i] === 'past' || words[i] === 'after';
  if (after) return { hour, minute: amount };
  if (amount === 30) return undefined;
  return { hour: (hour + 23) % 24, minute: 60 - amount };
}

/** "7", "19", "7:30", "730", "7 30", "seven thirty", "seven oh five", "seven fifteen". */
function plainClock(words: string[]): Clock | undefined {
  if (words.length === 1) {
    const w = words[0] ?? '';
    const colon = /^(\d{1,2}):(\d{2})$/.exec(w);
    if (colon) return clock(Number(colon[1]), Number(colon[2]));
    const packed = /^(\d{1,2})(\d{2})$/.exec(w);
    if (packed) return clock(Number(packed[1]), Number(packed[2]));
  }
  for (let split = 1; split <= Math.min(2, words.length); split++) {
    const hour = hourOf(words.slice(0, split));
    if (hour === undefined) continue;
    const rest = words.slice(split);
    if (rest.length === 0) return clock(hour, 0);
    const minute = minuteOf(rest);
    if (minute !== undefined) return clock(hour, minute);
  }
  return undefined;
}

function hourOf(words: string[]): number | undefined {
  if (words.length === 0) return undefined;
  const h = cardinal(words);
  return h !== undefined && h <= 23 ? h : undefined;
}

function minuteOf(words: string[]): number | undefined {
  if ((words[0] === 'oh' || words[0] === 'o') && words.length === 2) {
    const m = cardinal(words.slice(1));
    return m !== undefined && m <= 9 ? m : undefined;
  }
  if (words.join(' ') === 'hundred') return 0;
  const m = cardinal(words);
  // "seven five" is not a time; minutes below ten are said "oh five" or written "05".
  if (m === undefined || m > 59) return undefined;
  if (m < 10 && !/^\d{2}$/.test(words[0] ?? '')) return undefined;
  return m;
}

function cardinal(words: readonly string[]): number | undefined {
  const n = parseNumber(words);
  return n && !n.ordinal ? n.value : undefined;
}

const clock = (hour: number, minute: number): Clock | undefined => (hour <= 23 && minute <= 59 ? { hour, minute } : undefined);

function format(hour: number, minute: number, meridiem: Meridiem): string | undefined {
  let h = hour;
  if (meridiem !== undefined) {
    if (h < 1 || h > 12) return undefined;
    if (meridiem === 'pm' && h < 12) h += 12;
    if (meridiem === 'am' && h === 12) h = 0;
  }
  return `${String(h).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
