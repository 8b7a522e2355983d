import type { IsoDate } from '../domain/calendar';
import type { ClockTime } from '../domain/clockTime';
import { isKnownTimeZone } from '../domain/timeZoneName';

/**
 * The calendar day at an instant in an IANA zone — the user's "today".
 *
 * Two equivalent ways, chosen for cold start: the first Intl.DateTimeFormat of a process costs ~12 ms
 * of ICU set-up, while Node's documented run-time `process.env.TZ` switch makes the Date getters answer
 * in a zone for ~1 ms. The TZ switch is used when the runtime honours it (checked once; a sandbox such
 * as jest's copies `process.env` and does not) and the zone is a canonical name the runtime lists;
 * otherwise Intl, which also resolves aliases. The switch is made and undone synchronously, so no other
 * code can observe it. Both paths are checked against each other in
 * test/services/zoneClockFastPath.test.ts.
 */
export function localDate(instant: Date, zone: string): IsoDate {
  if (canonicalZones().has(zone) && tzSwitchWorks()) return localDateViaTzCached(instant, zone);
  return localDateViaIntl(instant, zone);
}

/**
 * Each TZ switch makes V8 reset its time zone cache (~25 µs, most of a warm request), so the local day
 * found for a zone is kept with the instants where it begins and ends: later requests in that zone on
 * that day need no switch at all. The bounds are the zone's own local midnights, DST included.
 */
interface LocalDay {
  readonly date: IsoDate;
  /** Epoch ms of the day's first and of the next day's first local instant. */
  readonly start: number;
  readonly end: number;
}
const knownDays = new Map<string, LocalDay>();
function localDateViaTzCached(instant: Date, zone: string): IsoDate {
  const ms = instant.getTime();
  const known = knownDays.get(zone);
  if (known && ms >= known.start && ms < known.end) return known.date;
  const day = localDayViaTz(instant, zone);
  if (knownDays.size >= 500) knownDays.clear(); // zones in use are few; never let the map grow unbounded
  knownDays.set(zone, day);
  return day.date;
}

/** The local day at `instant` in `zone`, with its bounds, under one TZ switch. */
function localDayViaTz(instant: Date, zone: string): LocalDay {
  return inZone(zone, () => {
    const y = instant.getFullYear();
    const m = instant.getMonth();
    const d = instant.getDate();
    return { date: isoOf(y, m + 1, d), start: new Date(y, m, d).getTime(), end: new Date(y, m, d + 1).getTime() };
  });
}

/** Kept for its callers; the check of a zone's name lives in the domain (the store's codec uses it too). */
export { isKnownTimeZone };

/** Via the Date getters under a switched `process.env.TZ`. Only for zones in `canonicalZones()`. */
export function localDateViaTz(instant: Date, zone: string): IsoDate {
  return localDayViaTz(instant, zone).date;
}

/** Via Intl; reads the parts, never the formatted string, so locale order can never swap day and month. */
export function localDateViaIntl(instant: Date, zone: string): IsoDate {
  const parts = formatterFor(zone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return isoOf(get('year'), get('month'), get('day'));
}

function inZone<T>(zone: string, read: () => T): T {
  const previous = process.env.TZ;
  process.env.TZ = zone;
  try {
    return read();
  } finally {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  }
}

let tzSwitch: boolean | undefined;
/** Whether setting process.env.TZ changes what Date getters answer here (true in plain Node and Lambda). */
export function tzSwitchWorks(): boolean {
  tzSwitch ??= inZone('Asia/Tokyo', () => new Date(0).getHours()) === 9 && inZone('UTC', () => new Date(0).getHours()) === 0;
  return tzSwitch;
}

let zones: Set<string> | undefined;
function canonicalZones(): Set<string> {
  zones ??= new Set(Intl.supportedValuesOf('timeZone'));
  return zones;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric' });
    formatters.set(zone, f);
  }
  return f;
}

const isoOf = (y: number, m: number, d: number): IsoDate =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` as IsoDate;

const clockFormatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time at `instant` in `zone`, read from parts (never from a formatted string). */
export function localClockTime(instant: Date, zone: string): ClockTime {
  let f = clockFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    clockFormatters.set(zone, f);
  }
  const parts = f.formatToParts(instant);
  const get = (type: string) => (parts.find((p) => p.type === type)?.value ?? '00').padStart(2, '0');
  return `${get('hour')}:${get('minute')}` as ClockTime;
}
