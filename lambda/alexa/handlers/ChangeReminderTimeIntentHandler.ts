import type { RequestHandler } from 'ask-sdk-core';
import { hasActivePlan } from '../../domain/reminderSync';
import { remindersEn } from '../../speech/reminders.en-US';
import type { SkillDeps } from '../deps';
import { REMINDER_TIME } from '../reminders/afterDateSaved';
import { askForTime, needDateFirst, proposePlan, spokenTimeSlot } from '../reminders/propose';
import { withListedPlan } from '../reminders/operations';
import { loadReminderUser } from '../reminders/reminderUser';
import { setUpReminders } from '../reminders/setUp';
import { isIntent } from '../request';
import { answer, reply } from '../respond';

/**
 * "Change my reminder time to 8": the patient asked for exactly this, so an existing plan is moved at
 * once (nothing new is created beyond the plan they agreed to). Without a plan, it is proposed first.
 */
export const changeReminderTimeIntentHandler = (deps: SkillDeps): RequestHandler => ({
  canHandle: (input) => isIntent(input, 'ChangeReminderTimeIntent'),
  async handle(input) {
    const loaded = await loadReminderUser(input, deps);
    if (!loaded) return needDateFirst(input);
    const user = await withListedPlan(input, deps, loaded);
    const spoken = spokenTimeSlot(input);
    if (spoken === undefined) return reply(input, remindersEn.askNewTime(), { pending: { kind: REMINDER_TIME } });
    if (spoken.kind !== 'exact') return askForTime(input, true);
    const record = user.profile.reminders;
    if (!record || !hasActivePlan(record, user.treatment)) return proposePlan(input, deps, user, spoken.time);
    if (record.time === spoken.time && !record.incomplete) return answer(input, remindersEn.alreadyAt(spoken.time));
    return setUpReminders(input, deps, user, spoken.time, 'move');
  },
});
