import type { IsoDate } from '../domain/calendar';
import { dayNumber, planForDay } from '../domain/care';
import type { ClockTime } from '../domain/clockTime';
import { en } from '../speech/en-US';
import type { SkillDeps } from './deps';
import type { UserView } from './user';

/**
 * Said once, right after a treatment date is stored, while one of the article's "at least" waits is
 * still running (and no time is known for that date): the patient may give the appointment's time, so
 * the wait can end at that time of day. Optional — a statement, never a question that blocks the flow.
 */
export function appointmentOffer(deps: SkillDeps, before: UserView, date: IsoDate): string | undefined {
  if (before.profile?.appointment?.date === date) return undefined;
  // Once per patient: after a new treatment (or a corrected date) the patient has heard it, and the
  // answer stays within 40 words with its question last (issue 17); the time can still be given.
  if (before.profile?.treatmentDate !== undefined && before.profile.treatmentDate !== date) return undefined;
  const day = dayNumber(date, before.today);
  const running = deps.protocol.activities.some((a) => a.atLeastHours !== undefined && a.avoidThroughDay + 1 >= day);
  return running ? en.appointmentOffer() : undefined;
}

/** The time said with the date ("yesterday at 3 pm"): which of the article's "at least" waits end at that time, and when. */
export function appointmentNote(deps: SkillDeps, date: IsoDate, time: ClockTime, today: IsoDate): string {
  const plan = planForDay(deps.protocol, date, dayNumber(date, today));
  const ending = [...plan.newlyAllowed, ...plan.offLimits].filter((s) => s.activity.atLeastHours !== undefined);
  return en.appointmentSaved(time, ending, today, true);
}
