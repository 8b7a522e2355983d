import type { IsoDate } from '../domain/calendar';

/** The calendar day at an instant in an IANA zone — the user's "today". */
export function localDate(instant: Date, zone: string): IsoDate {
  // Reads the parts, never the formatted string, so locale order can never swap day and month.
  const parts = formatterFor(zone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return isoOf(get('year'), get('month'), get('day'));
}

/** True when the runtime knows this IANA zone name (canonical names and aliases). */
export function isKnownTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

let warmedUp = false;

/**
 * The first Intl.DateTimeFormat of a process costs ~12 ms of ICU set-up, whatever the zone. Called
 * right after the profile read and the settings call are started, it does that work on the next
 * turn of the event loop — while those requests are in flight — instead of after they return.
 */
export function warmUpZoneClock(): void {
  if (warmedUp) return;
  warmedUp = true;
  setImmediate(() => formatterFor('UTC'));
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
