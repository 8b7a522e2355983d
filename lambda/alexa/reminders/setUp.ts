import type { HandlerInput } from 'ask-sdk-core';
import type { Response } from 'ask-sdk-model';
import type { ClockTime } from '../../domain/clockTime';
import { remindersEn } from '../../speech/reminders.en-US';
import type { SkillDeps } from '../deps';
import { answer } from '../respond';
import { rememberConsent, syncPlan, type SyncReport } from './operations';
import { askForPermission, reminderPermission } from './permission';
import type { ReminderUser } from './reminderUser';

/**
 * The patient said yes to a plan (or moved it): the consent is recorded first — so a crash, a missing
 * permission or a failed call leaves a plan that the next attempt completes — then the calls are made,
 * and the patient hears exactly what was and wasn't set.
 */
export async function setUpReminders(
  input: HandlerInput,
  deps: SkillDeps,
  user: ReminderUser,
  time: ClockTime,
  mode: 'setUp' | 'move' = 'setUp',
): Promise<Response> {
  if (reminderPermission(input) === 'denied') {
    await rememberConsent(deps, user, time);
    return askForPermission(input, time);
  }
  // syncPlan notes the consent itself, under the lease, before any call.
  const report = await syncPlan(input, deps, user, time);
  return speakReport(input, report, user, mode);
}

export function speakReport(input: HandlerInput, report: SyncReport, user: ReminderUser, mode: 'setUp' | 'move'): Response {
  if (report.failure === 'noPermission' && report.created === 0 && report.moved === 0) return askForPermission(input, report.time);
  if (report.failure === 'busy') return answer(input, remindersEn.busy());
  // The alerts exist but our note of them does not: say so, and how to remove them without us.
  if (report.recorded === false && report.created + report.moved > 0)
    return answer(input, remindersEn.setButNotNoted(report.created + report.moved, report.time));
  if (report.set.length === 0 && report.missing.length === 0) return answer(input, remindersEn.nothingAhead());
  if (report.missing.length === 0) {
    return answer(
      input,
      mode === 'move'
        ? remindersEn.moved(report.set.length, report.time, report.today)
        : remindersEn.allSet(report.set, report.time, user.now.date, report.today),
    );
  }
  return answer(input, remindersEn.partlySet(report.set, report.missing, report.time, user.now.date, report.failure ?? 'unavailable'));
}
