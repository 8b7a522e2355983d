import type { RequestHandler } from 'ask-sdk-core';
import type { ClockTime } from '../../domain/clockTime';
import { upcomingEntries } from '../../domain/reminderPlan';
import { hasActivePlan, planTokens } from '../../domain/reminderSync';
import { remindersEn } from '../../speech/reminders.en-US';
import type { SkillDeps } from '../deps';
import { listedPlan, planFor } from '../reminders/operations';
import { loadReminderUser } from '../reminders/reminderUser';
import { isIntent } from '../request';
import { answer } from '../respond';

/**
 * "What reminders do I have?" — the upcoming ones of the plan, and what is still missing: from the
 * record as Alexa's own list shows it, so an alert deleted meanwhile (or a change never noted), or one
 * that already rang today, is not spoken of as still to come.
 */
export const listRemindersIntentHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'ListRemindersIntent'),
  async handle(input) {
    const loaded = await loadReminderUser(input, deps);
    const listed = loaded && (await listedPlan(input, deps, loaded));
    const user = listed?.user;
    const record = user?.profile.reminders;
    if (!listed || !user || !record || !hasActivePlan(record, user.treatment)) return answer(input, remindersEn.noReminders());
    const time = record.time as ClockTime;
    const tokens = planTokens(record, user.treatment);
    const upcoming = upcomingEntries(planFor(deps, user, time), user.now);
    // Counted as Alexa holds them: an alert that already rang today (before a move) is not one still to come.
    const set = upcoming.filter((e) => tokens[e.key] !== undefined && !listed.silent.has(tokens[e.key] as string));
    const missing = record.incomplete ? upcoming.filter((e) => tokens[e.key] === undefined).length : 0;
    return answer(input, remindersEn.list(set, missing, time, user.now.date));
  },
});
