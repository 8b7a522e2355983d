import type { RequestHandler } from 'ask-sdk-core';
import type { ClockTime } from '../../domain/clockTime';
import { upcomingEntries } from '../../domain/reminderPlan';
import { hasActivePlan, planTokens } from '../../domain/reminderSync';
import { remindersEn } from '../../speech/reminders.en-US';
import type { SkillDeps } from '../deps';
import { planFor } from '../reminders/operations';
import { loadReminderUser } from '../reminders/reminderUser';
import { isIntent } from '../request';
import { answer } from '../respond';

/** "What reminders do I have?" — the upcoming ones of the plan, from the record, and what is still missing. */
export const listRemindersIntentHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'ListRemindersIntent'),
  async handle(input) {
    const user = await loadReminderUser(input, deps);
    const record = user?.profile.reminders;
    if (!user || !record || !hasActivePlan(record, user.treatment)) return answer(input, remindersEn.noReminders());
    const time = record.time as ClockTime;
    const tokens = planTokens(record, user.treatment);
    const upcoming = upcomingEntries(planFor(deps, user, time), user.now);
    const set = upcoming.filter((e) => tokens[e.key] !== undefined);
    const missing = record.incomplete ? upcoming.length - set.length : 0;
    return answer(input, remindersEn.list(set, missing, time, user.now.date));
  },
});
