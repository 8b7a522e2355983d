import type { IsoDate } from '../domain/calendar';
import { planForDay } from '../domain/care';
import type { ClockTime } from '../domain/clockTime';
import type { Protocol } from '../protocol/types';
import { en } from '../speech/en-US';
import { answerOf, cite, type Answer } from './answer';

export interface AppointmentData {
  readonly appointmentTime: ClockTime;
  /** The "at least" waits that end at that time of day, and the day each ends. */
  readonly ending: readonly { readonly activity: string; readonly endsOnDay: number; readonly endsOnDate: IsoDate }[];
}

/**
 * "My appointment was at 3 PM": the article's "at least 48 hours" (and a full week) end at that time of
 * day on their first free day; said for the waits still running or ending today.
 */
export function appointmentSavedAnswer(
  protocol: Protocol,
  treatment: IsoDate,
  today: IsoDate,
  day: number,
  time: ClockTime,
): Answer<AppointmentData> {
  const plan = planForDay(protocol, treatment, day);
  const ending = [...plan.newlyAllowed, ...plan.offLimits].filter((s) => s.activity.atLeastHours !== undefined);
  const data: AppointmentData = {
    appointmentTime: time,
    ending: ending.map((s) => ({ activity: s.activity.shortName, endsOnDay: s.firstFreeDay, endsOnDate: s.firstFreeDate })),
  };
  return answerOf(
    en.appointmentSaved(time, ending, today),
    data,
    ending.map((s) => cite(s.activity.source)),
  );
}
