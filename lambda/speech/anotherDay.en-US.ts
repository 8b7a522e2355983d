import type { IsoDate } from '../domain/calendar';
import type { ActivityStatus } from '../domain/care';
import { whenSpoken } from './dates';
import { en, limitAnswer, unconfirmed } from './en-US';
import { agree, join, oncePassed, sentence } from './phrasing';

/**
 * "Can I … tomorrow / on Saturday / on day 9?": the answer for that day, led by its day number. `s` is
 * the activity's status on that day; `heard` the patient's word. Days still restricted, limits and
 * encouraged care are said as "can I" says them (their end is named from today); only the yes is said
 * from that day's side.
 */
export function canIOn(s: ActivityStatus, day: number, date: IsoDate, today: IsoDate, heard?: string): string {
  const a = s.activity;
  const lead = sentence(`${whenSpoken(date, today)} ${date < today ? 'was' : 'is'} day ${day}`);
  if (a.kind === 'avoid' && s.allowed) {
    const fine = agree(a.shortName, 'is', 'are');
    if (day > s.firstFreeDay) return join(lead, sentence(`yes: ${fine} fine from day ${s.firstFreeDay}`), unconfirmed(a));
    // The first free day of an "at least 48 hours" wait starts at the appointment's time of day.
    const yes = a.atLeastHours
      ? `from that day, ${oncePassed(a.atLeastHours)}, ${fine} fine again`
      : `from that day, the wait for ${a.shortName} is over`;
    return join(lead, sentence(`yes: ${yes}`), unconfirmed(a));
  }
  if (a.kind === 'limit') return join(lead, limitAnswer(s, today, false));
  return join(lead, en.canI(s, day, today, heard));
}
