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
 * The patient said yes to a plan (or moved it): record the consent first — so a crash, a missing
 * permission or a failed call leaves a plan that the next attempt completes — then make the calls and
 * say exactly what was and wasn't set.
 */
export async function setUpReminders(input: HandlerInput, deps: SkillDeps, user: ReminderUser, time: ClockTime, mode: 'setUp' | 'move' = 'setUp'): Promise<Response> {
  const consented = await rememberConsent(deps, user, time);
  if (reminderPermission(input) === 'denied') return askForPermission(input, time);
  const report = await syncPlan(input, deps, consented, time);
  return speakReport(input, report, user, mode);
}

export function speakReport(input: HandlerInput, report: SyncReport, user: ReminderUser, mode: 'setUp' | 'move'): Response {
  if (report.failure === 'noPermission' && report.created === 0 && report.moved === 0) return askForPermission(input, report.time);
  // The alerts exist but our note of them does not: say so, and how to remove them without us.
  if (report.recorded === false && report.created + report.moved > 0) return answer(input, remindersEn.setButNotNoted(report.created + report.moved, report.time));
  if (report.set.length === 0 && report.missing.length === 0) return answer(input, remindersEn.nothingAhead());
  if (report.missing.length === 0) {
    return answer(input, mode === 'move' ? remindersEn.moved(report.set.length, report.time) : remindersEn.allSet(report.set, report.time, user.now.date));
  }
  return answer(input, remindersEn.partlySet(report.set, report.missing, report.time, user.now.date, report.failure ?? 'unavailable'));
}
