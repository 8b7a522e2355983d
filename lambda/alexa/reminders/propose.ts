import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { Speech } from '../../speech/en-US';
import type { Pending } from '../session';
import { resolveSpokenTime, type ClockTime, type SpokenTime } from '../../domain/clockTime';
import { isAhead, upcomingEntries } from '../../domain/reminderPlan';
import { hasActivePlan, planSync, planTokens } from '../../domain/reminderSync';
import { en } from '../../speech/en-US';
import { remindersEn } from '../../speech/reminders.en-US';
import type { SkillDeps } from '../deps';
import { slotValue } from '../request';
import { answer, reply } from '../respond';
import { CONFIRM_REMINDERS, REMINDER_TIME } from './afterDateSaved';
import { planFor, upcomingWithoutTokens } from './operations';
import type { ReminderUser } from './reminderUser';

/** The AMAZON.TIME slot "time", when the patient said one. */
export function spokenTimeSlot(input: HandlerInput): SpokenTime | undefined {
  const value = slotValue(input, 'time');
  return value === undefined ? undefined : resolveSpokenTime(value);
}

/** No date yet: reminders count from the treatment, so ask for it (the offer follows once it is saved). */
export const needDateFirst = (input: HandlerInput): Response =>
  reply(input, en.needDateFirst(), { pending: { kind: 'treatmentDate', newTreatment: false } });

export const askForTime = (input: HandlerInput, vague = false): Response =>
  reply(input, vague ? remindersEn.askExactTime() : remindersEn.askTime(), { pending: { kind: REMINDER_TIME } });

/**
 * Before anything is created, says exactly what will be (count, time, first and last day, the extra
 * milestone days) and asks for a yes. Asking again for the same plan creates nothing: a complete plan
 * is described, an unfinished one is offered to be completed, another time is offered as a move.
 */
export function proposePlan(input: HandlerInput, deps: SkillDeps, user: ReminderUser, time: ClockTime): Response {
  const entries = planFor(deps, user, time);
  const upcoming = upcomingEntries(entries, user.now);
  if (upcoming.length === 0) return answer(input, remindersEn.nothingAhead());
  const record = user.profile.reminders;
  const confirm = (move: boolean) => ({ pending: { kind: CONFIRM_REMINDERS, time, move } as const });
  if (record && hasActivePlan(record, user.treatment)) {
    if (record.time !== time) {
      // The same rule the move itself follows (planSync): said before the yes, done after it.
      const dropsToday = planSync(record, user.treatment, time, entries, user.now).droppedToday !== undefined;
      return reply(input, remindersEn.confirmMove(record.time as ClockTime, time, dropsToday), confirm(true));
    }
    const tokens = planTokens(record, user.treatment);
    const missing = upcoming.filter((e) => tokens[e.key] === undefined);
    if (missing.length === 0) return answer(input, remindersEn.alreadySet(upcoming, time, user.now.date));
    return reply(input, remindersEn.confirmFinish(missing.length, time), confirm(false));
  }
  const today = entries.find((e) => e.date === user.now.date);
  const passed = today !== undefined && !isAhead(today.date, time, user.now);
  return reply(input, remindersEn.confirmPlan(upcoming, time, user.now.date, passed ? { kind: 'passed' } : undefined), confirm(false));
}

/**
 * A plan the patient agreed to that still misses alerts — typically one that waited for the reminders
 * permission, granted later in the Alexa app: the question that offers to finish it, asked after the
 * briefing when they next open the skill. (The permission event completes the account's own plan
 * without asking; a voice profile's plan, or one the event could not finish, is completed this way.)
 */
export function finishPlanQuestion(deps: SkillDeps, user: ReminderUser): { speech: Speech; pending: Pending } | undefined {
  const missing = upcomingWithoutTokens(deps, user);
  if (missing.length === 0) return undefined;
  const time = user.profile.reminders?.time as ClockTime;
  return { speech: remindersEn.confirmFinish(missing.length, time), pending: { kind: CONFIRM_REMINDERS, time, move: false } };
}
