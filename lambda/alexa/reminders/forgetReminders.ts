import type { HandlerInput } from 'ask-sdk-core';
import type { SkillDeps } from '../deps';
import { cancelPlan } from './operations';
import { loadReminderUser } from './reminderUser';

/**
 * "Delete my data" also deletes the alerts we made, before the profile (and the tokens in it) goes.
 * Best effort: a failure here must not stop the deletion of the stored data.
 */
export async function forgetReminders(input: HandlerInput, deps: SkillDeps): Promise<void> {
  try {
    const user = await loadReminderUser(input, deps);
    if (user?.profile.reminders) await cancelPlan(input, deps, user);
  } catch (e) {
    deps.log.warn('reminders_not_deleted', { error: e instanceof Error ? e.name : 'Error' });
  }
}
