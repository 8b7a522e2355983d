import type { RequestHandler } from 'ask-sdk-core';
import type { ClockTime } from '../../domain/clockTime';
import { upcomingEntries } from '../../domain/reminderPlan';
import { hasActivePlan, planTokens } from '../../domain/reminderSync';
import { remindersEn } from '../../speech/reminders.en-US';
import type { SkillDeps } from '../deps';
import { planFor, withListedPlan } from '../reminders/operations';
import { loadReminderUser } from '../reminders/reminderUser';
import { isIntent } from '../request';
import { answer } from '../respond';

/**
 * "What reminders do I have?" — the upcoming ones of the plan, and what is still missing: from the
 * record as Alexa's own list shows it, so an alert deleted meanwhile (or a change never noted) is not
 * spoken of as set.
 */
export const listRemindersIntentHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'ListRemindersIntent'),
  async handle(input) {
    const loaded = await loadReminderUser(input, deps);
    const user = loaded && (await withListedPlan(input, deps, loaded));
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
