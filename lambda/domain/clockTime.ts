/**
 * A local wall-clock time "HH:MM" (24-hour), the way the Reminders API wants it: no date, no offset.
 * Comparable as text, like IsoDate.
 */
export type ClockTime = string & { readonly __clockTime: unique symbol };

const CLOCK = /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;

/** "7:30", "07:30" or "07:30:00" → "07:30"; anything else (or 24:00, 7:60) → undefined. */
export function parseClockTime(text: string): ClockTime | undefined {
  const m = CLOCK.exec(text.trim());
  if (!m) return undefined;
  const [h, min] = [Number(m[1]), Number(m[2])];
  if (h > 23 || min > 59) return undefined;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}` as ClockTime;
}

/**
 * What an AMAZON.TIME value says: an exact time, or only a part of the day ("in the morning" arrives as
 * MO, AF, EV or NI) — then we ask for the exact time rather than guess one.
 */
export type SpokenTime = { readonly kind: 'exact'; readonly time: ClockTime } | { readonly kind: 'vague' } | { readonly kind: 'invalid' };

const PARTS_OF_DAY = new Set(['MO', 'AF', 'EV', 'NI']);

export function resolveSpokenTime(value: string): SpokenTime {
  const v = value.trim().toUpperCase();
  if (PARTS_OF_DAY.has(v)) return { kind: 'vague' };
  const time = parseClockTime(v);
  return time ? { kind: 'exact', time } : { kind: 'invalid' };
}

export const clockParts = (time: ClockTime): { hour: number; minute: number } => ({
  hour: Number(time.slice(0, 2)),
  minute: Number(time.slice(3, 5)),
});
