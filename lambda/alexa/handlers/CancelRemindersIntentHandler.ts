import type { RequestHandler } from 'ask-sdk-core';
import { remindersEn } from '../../speech/reminders.en-US';
import type { SkillDeps } from '../deps';
import { cancelPlan } from '../reminders/operations';
import { loadReminderUser } from '../reminders/reminderUser';
import { isIntent } from '../request';
import { answer } from '../respond';

/** "Cancel my reminders": deletes every alert we made (and any plan still waiting to be created). */
export const cancelRemindersIntentHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'CancelRemindersIntent'),
  async handle(input) {
    const user = await loadReminderUser(input, deps);
    if (!user?.profile.reminders) return answer(input, remindersEn.noReminders());
    const report = await cancelPlan(input, deps, user);
    if (report.failure === 'busy') return answer(input, remindersEn.busy());
    if (report.total === 0)
      return answer(input, report.deleted > 0 && !report.failure ? remindersEn.cancelledRest() : remindersEn.noReminders());
    if (report.cancelled === report.total) return answer(input, remindersEn.cancelled(report.total));
    return answer(input, remindersEn.cancelPartly(report.cancelled, report.total, report.failure ?? 'unavailable'));
  },
});
