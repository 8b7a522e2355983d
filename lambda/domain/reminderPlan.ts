import type { Protocol } from '../protocol/types';
import type { IsoDate } from './calendar';
import { dateOfDay, followUp, planForDay, type ActivityStatus, type DayPlan } from './care';
import type { ClockTime } from './clockTime';

/**
 * The reminder plan: what Alexa says by itself, on which mornings, derived from the protocol alone.
 *
 * - A morning briefing every day from day 2 (the day after treatment; day 1 is spent at the clinic,
 *   where the plan is made) through the last day of the longest "limit" window — the extra sun care
 *   (day 14 in the default protocol).
 * - A milestone on the first free day of every restriction, and on the first day the follow-up can be
 *   booked.
 * - At most one reminder per day: a milestone that falls on a briefing day is merged into that day's
 *   reminder instead of a second alert at the same minute (two alerts at once would talk over each
 *   other, and the whole plan stays well inside Alexa's reminder limits). A milestone outside the
 *   briefing days gets a reminder of its own.
 */
export interface ReminderEntry {
  /** Stable per treatment: "day-<n>". Tokens are stored under it, so retries never duplicate. */
  readonly key: string;
  readonly day: number;
  readonly date: IsoDate;
  readonly time: ClockTime;
  /** A morning briefing day (inside the daily window). */
  readonly daily: boolean;
  /** That day's care: phase, what is newly allowed, what is still off limits. */
  readonly plan: DayPlan;
  /** Restrictions that end that day (announced). */
  readonly milestones: readonly ActivityStatus[];
  /** The follow-up session can be booked from that day. */
  readonly followUpFromToday: boolean;
}

/** The treatment day itself needs no reminder: the patient is at the clinic, setting up the plan. */
export const FIRST_REMINDER_DAY = 2;

export const entryKey = (day: number): string => `day-${day}`;

/** Last morning-briefing day: the end of the longest "limit" window, else of the longest restriction. */
export function lastDailyDay(protocol: Protocol): number {
  const restricted = protocol.activities.filter((a) => a.kind !== 'encouraged');
  const limits = restricted.filter((a) => a.kind === 'limit');
  const days = (limits.length > 0 ? limits : restricted).map((a) => a.avoidThroughDay);
  return Math.max(FIRST_REMINDER_DAY, ...days);
}

/** Every reminder of the plan for a treatment, in day order (past ones included; see `upcomingEntries`). */
export function reminderPlan(protocol: Protocol, treatment: IsoDate, time: ClockTime): ReminderEntry[] {
  const lastDaily = lastDailyDay(protocol);
  const followUpDay = followUp(protocol, treatment, 1).fromDay;
  const days = new Set<number>();
  for (let day = FIRST_REMINDER_DAY; day <= lastDaily; day++) days.add(day);
  for (const a of protocol.activities) if (a.kind !== 'encouraged') days.add(a.avoidThroughDay + 1);
  days.add(followUpDay);

  return [...days]
    .filter((day) => day >= FIRST_REMINDER_DAY)
    .sort((a, b) => a - b)
    .map((day) => {
      const plan = planForDay(protocol, treatment, day);
      return {
        key: entryKey(day),
        day,
        date: dateOfDay(treatment, day),
        time,
        daily: day <= lastDaily,
        plan,
        milestones: plan.newlyAllowed,
        followUpFromToday: day === followUpDay,
      };
    });
}

/** "Now" in the user's zone, as a calendar day and a wall-clock time. */
export interface LocalNow {
  readonly date: IsoDate;
  readonly time: ClockTime;
}

/** A reminder at `time` on `date` still lies ahead (a reminder for this very minute would be missed). */
export const isAhead = (date: IsoDate, time: ClockTime, now: LocalNow): boolean =>
  date > now.date || (date === now.date && time > now.time);

/** The entries that can still go off — Alexa refuses reminders in the past, and they would be useless. */
export const upcomingEntries = (entries: readonly ReminderEntry[], now: LocalNow): ReminderEntry[] =>
  entries.filter((e) => isAhead(e.date, e.time, now));
